package vn.chotdon.events;

/**
 * Event types published by order-service on {@link Topics#ORDERS}, keyed by session id so that
 * a session's orders stay in order. Every payload is {@link vn.chotdon.events.order.OrderData}.
 */
public final class OrderEventTypes {

    public static final String SOURCE = "/chotdon/order-service";
    public static final String AGGREGATE_ORDER = "order";

    /** Every order event's type starts with it. */
    public static final String PREFIX = "vn.chotdon.order.";

    /** Units are held for the order. */
    public static final String ORDER_PLACED = PREFIX + "placed";
    public static final String ORDER_CONFIRMED = PREFIX + "confirmed";
    public static final String ORDER_PAID = PREFIX + "paid";
    public static final String ORDER_SHIPPED = PREFIX + "shipped";
    public static final String ORDER_DELIVERED = PREFIX + "delivered";
    /**
     * The goods came back: refused at the door ("bom hàng") after shipping, or returned after
     * delivery. The units stay sold for the session (they are not put back in its quota); money
     * counted for the order is reversed in settlement.
     */
    public static final String ORDER_RETURNED = PREFIX + "returned";
    /** Held units go back to the session's quota. */
    public static final String ORDER_CANCELLED = PREFIX + "cancelled";
    /** The hold ran out; held units go back to the session's quota. */
    public static final String ORDER_EXPIRED = PREFIX + "expired";

    public static final int SCHEMA_VERSION = 1;

    private OrderEventTypes() {
    }
}
