package vn.chotdon.events.order;

/**
 * Where the units of an order stand, by its status: every consumer that counts units (the live
 * board, the stock ledger, the tally) moves them between these three buckets the same way.
 */
public enum UnitBucket {
    /** PLACED: held against the session's quota, not yet sold. */
    HELD,
    /** CONFIRMED, PAID, SHIPPED or DELIVERED: sold. */
    SOLD,
    /** CANCELLED or EXPIRED: back in the quota. */
    RELEASED;

    public static UnitBucket of(String orderStatus) {
        return switch (orderStatus) {
            case "PLACED" -> HELD;
            case "CANCELLED", "EXPIRED" -> RELEASED;
            case "CONFIRMED", "PAID", "SHIPPED", "DELIVERED" -> SOLD;
            default -> throw new IllegalArgumentException("unknown order status " + orderStatus);
        };
    }
}
