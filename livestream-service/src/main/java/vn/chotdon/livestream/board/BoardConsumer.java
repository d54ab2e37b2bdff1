package vn.chotdon.livestream.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.livestream.service.BoardVersions;
import vn.chotdon.platform.consumer.EventSubscriptions;

/**
 * Follows order-service's events and moves the live board's counters. Runs in the transaction
 * of {@link EventSubscriptions} that also records the event as processed, so a redelivered or
 * replayed event moves nothing; the counters change only by atomic {@code x = x + ?} updates.
 * Every line of a placed order also adds a row to the overlay's ticker ({@code ticker_entry}), in
 * the same transaction, so the ticker too sees each order once, on every instance. The consumer
 * group is shared, so each event is applied by one instance only; the board's version, moved in
 * the same transaction, is how the other instances learn of it ({@link BoardWatcher}).
 */
@ApplicationScoped
public class BoardConsumer {

    private static final Logger LOG = Logger.getLogger(BoardConsumer.class);
    private static final String ORDER_EVENT_PREFIX = "vn.chotdon.order.";

    private final EventSubscriptions subscriptions;
    private final EntityManager em;
    private final ObjectMapper json;
    private final BoardVersions boardVersions;

    BoardConsumer(EventSubscriptions subscriptions, EntityManager em, ObjectMapper json, BoardVersions boardVersions) {
        this.subscriptions = subscriptions;
        this.em = em;
        this.json = json;
        this.boardVersions = boardVersions;
    }

    void start(@Observes StartupEvent event) {
        subscriptions.subscribe("board", Topics.ORDERS, this::apply);
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
            boardVersions.bump(order.sessionId());
        }
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
