package vn.chotdon.events;

/**
 * Event types published by order-service on {@link Topics#ORDERS}, keyed by session id so that
 * a session's orders stay in order. Every payload is {@link vn.chotdon.events.order.OrderData}.
 */
public final class OrderEventTypes {

    public static final String SOURCE = "/chotdon/order-service";
    public static final String AGGREGATE_ORDER = "order";

    /** Units are held for the order. */
    public static final String ORDER_PLACED = "vn.chotdon.order.placed";
    public static final String ORDER_CONFIRMED = "vn.chotdon.order.confirmed";
    public static final String ORDER_PAID = "vn.chotdon.order.paid";
    public static final String ORDER_SHIPPED = "vn.chotdon.order.shipped";
    public static final String ORDER_DELIVERED = "vn.chotdon.order.delivered";
    /** Held units go back to the session's quota. */
    public static final String ORDER_CANCELLED = "vn.chotdon.order.cancelled";
    /** The hold ran out; held units go back to the session's quota. */
    public static final String ORDER_EXPIRED = "vn.chotdon.order.expired";

    public static final int SCHEMA_VERSION = 1;

    private OrderEventTypes() {
    }
}
