package vn.chotdon.livestream.client;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import vn.chotdon.platform.problem.ProblemException;

/**
 * order-service as the gate of a lineup removal: it alone knows how many units of an item its
 * orders have taken, and only it can stop selling the item at the same moment. Its refusals become
 * this service's problems, any outage (unreachable, timeout, 5xx, open circuit) a 503
 * {@code orders-unavailable}: then nothing may be released.
 */
@ApplicationScoped
public class Orders {

    private static final Logger LOG = Logger.getLogger(Orders.class);

    /** What order-service answered to a withdrawal it accepted. */
    public enum Withdrawal {
        /** order-service refuses every new order for the item from now on, and none of its units is taken. */
        WITHDRAWN,
        /** order-service has not heard of the session yet, so it has no order of it. */
        SESSION_UNKNOWN
    }

    private final OrderCalls calls;

    Orders(OrderCalls calls) {
        this.calls = calls;
    }

    /**
     * Asks order-service to stop selling the item, if none of its units is taken.
     *
     * @param version the item's version as this service has it, so order-service can tell a later event of it
     * @throws ProblemException 409 item-has-orders (with {@code ordered}), 503 if order-service cannot answer
     */
    public Withdrawal withdraw(long sessionId, long itemId, String code, long version) {
        try {
            calls.withdraw(sessionId, itemId, version);
            return Withdrawal.WITHDRAWN;
        } catch (ServiceRefusal e) {
            if (e.status() == 409 && e.is("item-has-orders")) {
                throw itemHasOrders(code, e.problem().path("ordered").asLong());
            }
            if (e.status() == 404) {
                return Withdrawal.SESSION_UNKNOWN;
            }
            LOG.errorf("order-service refused a withdrawal it should accept: %s", e.getMessage());
            throw new ProblemException(502, "orders-refused", "order-service refused the call",
                    "order-service answered " + e.status() + ": " + e.problem().path("detail").asText());
        } catch (RuntimeException e) {
            LOG.warnf("order-service is unavailable: %s", e.toString());
            throw unavailable();
        }
    }

    public static ProblemException itemHasOrders(String code, long ordered) {
        return ProblemException.conflict("item-has-orders", "Item has orders",
                "Item " + code + " has orders for " + ordered + " unit(s) and cannot be removed")
                .with("ordered", ordered);
    }

    public static ProblemException unavailable() {
        return new ProblemException(503, "orders-unavailable", "order-service unavailable",
                "order-service cannot say right now whether the item has orders; nothing was changed, try again in a"
                        + " moment");
    }

    /** order-service has not caught up with a session that is already LIVE: it may sell the item any moment. */
    public static ProblemException behind(long sessionId) {
        return new ProblemException(503, "orders-unavailable", "order-service unavailable",
                "order-service has not yet caught up with session " + sessionId + ", which is LIVE, so it cannot"
                        + " stop selling the item; nothing was changed, try again in a moment");
    }
}
