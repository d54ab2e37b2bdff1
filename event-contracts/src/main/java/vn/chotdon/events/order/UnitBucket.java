package vn.chotdon.events.order;

import java.util.Optional;

/**
 * Where the units of an order stand, by its status: every consumer that counts units (the live
 * board, the stock ledger, the tally) moves them between these three buckets the same way.
 */
public enum UnitBucket {
    /** PLACED: held against the session's quota, not yet sold. */
    HELD,
    /** CONFIRMED, PAID, SHIPPED, DELIVERED or RETURNED: sold (returned goods do not go back in the quota). */
    SOLD,
    /** CANCELLED or EXPIRED: back in the quota. */
    RELEASED;

    /** The bucket of a status, or empty for null or a status this version does not know (a newer producer's). */
    public static Optional<UnitBucket> find(String orderStatus) {
        if (orderStatus == null) {
            return Optional.empty();
        }
        return switch (orderStatus) {
            case "PLACED" -> Optional.of(HELD);
            case "CANCELLED", "EXPIRED" -> Optional.of(RELEASED);
            case "CONFIRMED", "PAID", "SHIPPED", "DELIVERED", "RETURNED" -> Optional.of(SOLD);
            default -> Optional.empty();
        };
    }
}
