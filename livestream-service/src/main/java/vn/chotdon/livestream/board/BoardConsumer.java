package vn.chotdon.livestream.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.livestream.service.BoardVersions;
import vn.chotdon.platform.consumer.EventHandler;
import vn.chotdon.platform.consumer.EventSubscriptions;

/**
 * Follows order-service's events and moves the live board's counters. Runs in the transaction
 * of {@link EventSubscriptions} that also records the event as processed, so a redelivered or
 * replayed event moves nothing; the counters change only by atomic {@code x = x + ?} updates.
 * Every line of a placed order also adds a row to the overlay's ticker ({@code ticker_entry}), in
 * the same transaction, so the ticker too sees each order once, on every instance. The consumer
 * group is shared, so each event is applied by one instance only; the board's version, moved in
 * the same transaction, is how the other instances learn of it ({@link BoardWatcher}).
 *
 * <p>The consumer applies a poll's events in one transaction. Each event's moves are gathered
 * ({@link BoardChanges}) and written at the transaction's end: one UPDATE per board item, in
 * session and item order, one INSERT for the ticker lines, then each changed board's version once,
 * so the version rows stay the last rows the transaction locks (see {@link BoardVersions}).
 */
@ApplicationScoped
public class BoardConsumer {

    private static final Logger LOG = Logger.getLogger(BoardConsumer.class);
    /** Key of the transaction's resource holding its {@link BoardChanges}. */
    private static final Object CHANGES = new Object();
    private static final int TICKS_PER_INSERT = 500;

    private final EventSubscriptions subscriptions;
    private final EntityManager em;
    private final ObjectMapper json;
    private final BoardVersions boardVersions;
    private final TransactionSynchronizationRegistry transaction;

    BoardConsumer(EventSubscriptions subscriptions, EntityManager em, ObjectMapper json, BoardVersions boardVersions,
            TransactionSynchronizationRegistry transaction) {
        this.subscriptions = subscriptions;
        this.em = em;
        this.json = json;
        this.boardVersions = boardVersions;
        this.transaction = transaction;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.subscribe("board", Topics.ORDERS, new BoardEvents());
    }

    /** The subscription's handler: moves gathered per event, written once per transaction. */
    private final class BoardEvents implements EventHandler {

        @Override
        public void handle(EventEnvelope<JsonNode> event) {
            apply(event);
        }

        @Override
        public void beforeCommit() {
            writeChanges();
        }
    }

    void apply(EventEnvelope<JsonNode> event) {
        if (!event.type().startsWith(OrderEventTypes.PREFIX) || event.data() == null || !event.data().isObject()) {
            return;
        }
        OrderData order;
        try {
            order = json.treeToValue(event.data(), OrderData.class);
        } catch (Exception e) {
            LOG.warnf("Board skips order event %s: its payload is not an order (%s)", event.id(), e.getMessage());
            return;
        }
        BoardChanges changes = changes();
        if (order.lines() == null || !ofSession(order, changes)) {
            return;
        }
        for (OrderData.OrderLineData line : order.lines()) {
            BoardMove move = BoardMove.of(order.status(), order.previousStatus(), line.quantity());
            if (!move.isNone()) {
                changes.move(order, line, move);
            }
        }
    }

    /**
     * Writes the transaction's gathered moves: an item not on the board moves nothing and gets no
     * ticker line, as before any batching.
     */
    void writeChanges() {
        BoardChanges changes = changes();
        Set<Long> changedBoards = new TreeSet<>();
        Set<BoardChanges.Item> onBoard = new HashSet<>();
        Instant now = Instant.now();
        for (Map.Entry<BoardChanges.Item, BoardChanges.Move> moved : changes.moves().entrySet()) {
            if (!moved.getValue().counts().isNone() && update(moved.getKey(), moved.getValue(), now) == 1) {
                onBoard.add(moved.getKey());
                changedBoards.add(moved.getKey().sessionId());
            }
        }
        tick(changes.ticks().stream().filter(t -> onBoard.contains(t.item())).toList());
        for (long sessionId : changedBoards) {
            boardVersions.bump(sessionId);
        }
        changes.clear();
    }

    private BoardChanges changes() {
        BoardChanges changes = (BoardChanges) transaction.getResource(CHANGES);
        if (changes == null) {
            changes = new BoardChanges();
            transaction.putResource(CHANGES, changes);
        }
        return changes;
    }

    /** Orders of sessions this service does not know, or of another cooperative, are not ours to count. */
    private boolean ofSession(OrderData order, BoardChanges changes) {
        if (!changes.knowsSession(order.sessionId())) {
            List<?> found = em.createNativeQuery("SELECT cooperative_id FROM sale_session WHERE id = ?1")
                    .setParameter(1, order.sessionId()).getResultList();
            changes.sessionOf(order.sessionId(), found.isEmpty() ? null : ((Number) found.get(0)).longValue());
        }
        Long cooperative = changes.cooperativeOf(order.sessionId());
        return cooperative != null && cooperative == order.cooperativeId();
    }

    /** The placed lines go on the overlay's ticker, with the buyer as order-service masked them, in the events' order. */
    private void tick(List<BoardChanges.Tick> ticks) {
        // In statements of a bounded size: MySQL takes at most 65,535 parameters in one.
        for (int from = 0; from < ticks.size(); from += TICKS_PER_INSERT) {
            List<BoardChanges.Tick> some = ticks.subList(from, Math.min(ticks.size(), from + TICKS_PER_INSERT));
            StringBuilder sql = new StringBuilder("INSERT INTO ticker_entry (session_id, item_id, order_id,"
                    + " order_code, buyer_shown_as, quantity, placed_at) VALUES ");
            int position = 0;
            for (int row = 0; row < some.size(); row++) {
                sql.append(row == 0 ? "(" : ", (");
                for (int column = 0; column < 7; column++) {
                    sql.append(column == 0 ? "?" : ", ?").append(++position);
                }
                sql.append(')');
            }
            Query insert = em.createNativeQuery(sql.toString());
            position = 0;
            for (BoardChanges.Tick tick : some) {
                insert.setParameter(++position, tick.item().sessionId())
                        .setParameter(++position, tick.item().itemId())
                        .setParameter(++position, tick.orderId())
                        .setParameter(++position, tick.orderCode())
                        .setParameter(++position, tick.buyerShownAs())
                        .setParameter(++position, tick.quantity())
                        .setParameter(++position, tick.placedAt());
            }
            insert.executeUpdate();
        }
    }

    private int update(BoardChanges.Item item, BoardChanges.Move move, Instant now) {
        BoardMove counts = move.counts();
        return em.createNativeQuery("UPDATE board_item SET ordered = ordered + ?1, held = held + ?2,"
                + " confirmed = confirmed + ?3, cancelled = cancelled + ?4,"
                + " confirmed_revenue_vnd = confirmed_revenue_vnd + ?5, updated_at = ?6"
                + " WHERE item_id = ?7 AND session_id = ?8")
                .setParameter(1, counts.ordered())
                .setParameter(2, counts.held())
                .setParameter(3, counts.confirmed())
                .setParameter(4, counts.cancelled())
                .setParameter(5, move.confirmedRevenueVnd())
                .setParameter(6, now)
                .setParameter(7, item.itemId())
                .setParameter(8, item.sessionId())
                .executeUpdate();
    }
}
