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
    /**
     * The goods came back: refused at the door ("bom hàng") after shipping, or returned after
     * delivery. The units stay sold for the session (they are not put back in its quota); money
     * counted for the order is reversed in settlement.
     */
    public static final String ORDER_RETURNED = "vn.chotdon.order.returned";
    /** Held units go back to the session's quota. */
    public static final String ORDER_CANCELLED = "vn.chotdon.order.cancelled";
    /** The hold ran out; held units go back to the session's quota. */
    public static final String ORDER_EXPIRED = "vn.chotdon.order.expired";

    public static final int SCHEMA_VERSION = 1;

    private OrderEventTypes() {
    }
}
