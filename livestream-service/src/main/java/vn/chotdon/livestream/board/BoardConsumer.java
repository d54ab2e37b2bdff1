package vn.chotdon.livestream.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import vn.chotdon.events.EventEnvelope;
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
 * the same transaction, is how the other instances learn of it ({@link BoardWatcher}). The
 * consumer applies a poll's events in one transaction: each changed board's version moves once,
 * at its end, so that the version rows stay the last rows the transaction locks (see
 * {@link BoardVersions}) however many events and sessions the batch holds.
 */
@ApplicationScoped
public class BoardConsumer {

    private static final Logger LOG = Logger.getLogger(BoardConsumer.class);
    private static final String ORDER_EVENT_PREFIX = "vn.chotdon.order.";
    /** Key of the transaction's resource holding the sessions whose board it changed. */
    private static final Object CHANGED_BOARDS = new Object();

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

    /** The subscription's handler: counters per event, versions once per transaction. */
    private final class BoardEvents implements EventHandler {

        @Override
        public void handle(EventEnvelope<JsonNode> event) {
            apply(event);
        }

        @Override
        public void beforeCommit() {
            bumpChangedBoards();
        }
    }

    void apply(EventEnvelope<JsonNode> event) {
        if (!event.type().startsWith(ORDER_EVENT_PREFIX) || event.data() == null || !event.data().isObject()) {
            return;
        }
        OrderData order;
        try {
            order = json.treeToValue(event.data(), OrderData.class);
        } catch (Exception e) {
            LOG.warnf("Board skips order event %s: its payload is not an order (%s)", event.id(), e.getMessage());
            return;
        }
        if (order.lines() == null || !ofSession(order)) {
            return;
        }
        boolean moved = false;
        for (OrderData.OrderLineData line : order.lines()) {
            BoardMove move = BoardMove.of(order.status(), order.previousStatus(), line.quantity());
            if (!move.isNone() && apply(order.sessionId(), line, move) == 1) {
                moved = true;
                if (move.ordered() > 0) {
                    tick(order, line);
                }
            }
        }
        if (moved) {
            changedBoards().add(order.sessionId());
        }
    }

    /** In session order, so that two transactions lock version rows in the same order. */
    void bumpChangedBoards() {
        for (long sessionId : changedBoards()) {
            boardVersions.bump(sessionId);
        }
        changedBoards().clear();
    }

    @SuppressWarnings("unchecked")
    private Set<Long> changedBoards() {
        Set<Long> changed = (Set<Long>) transaction.getResource(CHANGED_BOARDS);
        if (changed == null) {
            changed = new TreeSet<>();
            transaction.putResource(CHANGED_BOARDS, changed);
        }
        return changed;
    }

    /** Orders of sessions this service does not know, or of another cooperative, are not ours to count. */
    private boolean ofSession(OrderData order) {
        List<?> found = em.createNativeQuery("SELECT cooperative_id FROM sale_session WHERE id = ?1")
                .setParameter(1, order.sessionId()).getResultList();
        return !found.isEmpty() && ((Number) found.get(0)).longValue() == order.cooperativeId();
    }

    /** A placed line goes on the overlay's ticker, with the buyer as order-service masked them. */
    private void tick(OrderData order, OrderData.OrderLineData line) {
        em.createNativeQuery("INSERT INTO ticker_entry (session_id, item_id, order_id, order_code, buyer_shown_as,"
                + " quantity, placed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, order.sessionId())
                .setParameter(2, line.itemId())
                .setParameter(3, order.orderId())
                .setParameter(4, order.code())
                .setParameter(5, order.buyerShownAs())
                .setParameter(6, line.quantity())
                .setParameter(7, order.placedAt() == null ? Instant.now() : order.placedAt())
                .executeUpdate();
    }

    private int apply(long sessionId, OrderData.OrderLineData line, BoardMove move) {
        return em.createNativeQuery("UPDATE board_item SET ordered = ordered + ?1, held = held + ?2,"
                + " confirmed = confirmed + ?3, cancelled = cancelled + ?4,"
                + " confirmed_revenue_vnd = confirmed_revenue_vnd + ?5, updated_at = ?6"
                + " WHERE item_id = ?7 AND session_id = ?8")
                .setParameter(1, move.ordered())
                .setParameter(2, move.held())
                .setParameter(3, move.confirmed())
                .setParameter(4, move.cancelled())
                .setParameter(5, move.confirmed() * line.unitPriceVnd())
                .setParameter(6, Instant.now())
                .setParameter(7, line.itemId())
                .setParameter(8, sessionId)
                .executeUpdate();
    }
}
