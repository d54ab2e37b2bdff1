package vn.chotdon.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.events.order.UnitBucket;
import vn.chotdon.platform.consumer.EventSubscriptions;

/**
 * Follows a session's orders into the stock ledger: units held by placed orders are counted;
 * units of a confirmed order become sales from the session's reservation; a cancelled sale goes
 * back to the reservation; once the session has ended (livestream-service closes the reservation,
 * or its SESSION_ENDED event does), units its orders give back return to available stock. Each
 * event is applied once (EventSubscriptions records it in the same transaction).
 */
@ApplicationScoped
public class SessionSales {

    private static final Logger LOG = Logger.getLogger(SessionSales.class);

    private final EventSubscriptions subscriptions;
    private final SessionReservations reservations;
    private final ObjectMapper json;
    private final boolean enabled;

    SessionSales(EventSubscriptions subscriptions, SessionReservations reservations, ObjectMapper json,
            @ConfigProperty(name = "chotdon.catalog.session-sales.enabled", defaultValue = "true") boolean enabled) {
        this.subscriptions = subscriptions;
        this.reservations = reservations;
        this.json = json;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            subscriptions.subscribe("session-sales", Topics.ORDERS, this::applyOrder);
            subscriptions.subscribe("session-ends", Topics.LIVESTREAM_SESSIONS, this::applySession);
        }
    }

    void applyOrder(EventEnvelope<JsonNode> event) throws Exception {
        OrderData order = json.treeToValue(event.data(), OrderData.class);
        UnitBucket to = UnitBucket.find(order.status()).orElse(null);
        UnitBucket from = UnitBucket.find(order.previousStatus()).orElse(null);
        if (to == null || from == to) {
            // A status this version does not know moves nothing it can account for.
            return;
        }
        for (OrderData.OrderLineData line : order.lines()) {
            long product = line.productId();
            boolean applied = true;
            if (to == UnitBucket.HELD) {
                applied = reservations.holdInSession(product, order.sessionId(), line.quantity(), order.code());
            } else if (to == UnitBucket.SOLD) {
                // An expired order paid late (order-service revives it, EXPIRED -> PAID) gave its hold back
                // already: it holds its units again first, so the sale does not take another order's hold.
                applied = (from != UnitBucket.RELEASED
                        || reservations.holdInSession(product, order.sessionId(), line.quantity(), order.code()))
                        && reservations.sellFromSession(product, order.sessionId(), line.quantity(), order.code());
            } else if (from == UnitBucket.SOLD) {
                applied = reservations.returnToSession(product, order.sessionId(), line.quantity(), order.code());
            } else {
                reservations.releaseHold(product, order.sessionId(), line.quantity(), order.code());
            }
            if (!applied) {
                // Nothing to move it from: the reservation does not match what orders say. Logged for
                // staff to look at; refusing the event would stop every later one behind it.
                LOG.errorf("Order %s (%s) moves %d unit(s) of product %d that session %d's reservation does not"
                        + " account for", order.code(), order.status(), line.quantity(), line.productId(),
                        order.sessionId());
            }
        }
    }

    void applySession(EventEnvelope<JsonNode> event) {
        if (LivestreamEventTypes.SESSION_ENDED.equals(event.type())
                || LivestreamEventTypes.SESSION_CANCELLED.equals(event.type())) {
            reservations.closeSession(event.data().path("sessionId").asLong());
        }
    }
}
