package vn.chotdon.livestream.board;

/**
 * How one order line moves an item's counters when the order's status changes. The rule agrees
 * with order-service's tally: PLACED units are held; CONFIRMED, PAID, SHIPPED and DELIVERED units
 * are confirmed; CANCELLED and EXPIRED units are cancelled (back in the quota). A placed order
 * (no previous status) adds its units to ordered and to its bucket; a later change moves them
 * from the previous bucket to the new one, if that is another bucket.
 */
public record BoardMove(long ordered, long held, long confirmed, long cancelled) {

    public static final BoardMove NONE = new BoardMove(0, 0, 0, 0);

    enum Bucket {
        HELD,
        CONFIRMED,
        CANCELLED
    }

    static Bucket bucketOf(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "PLACED" -> Bucket.HELD;
            case "CONFIRMED", "PAID", "SHIPPED", "DELIVERED" -> Bucket.CONFIRMED;
            case "CANCELLED", "EXPIRED" -> Bucket.CANCELLED;
            default -> null;
        };
    }

    /** @return the move, or {@link #NONE} for a status this rule does not know */
    public static BoardMove of(String status, String previousStatus, long quantity) {
        Bucket to = bucketOf(status);
        if (to == null) {
            return NONE;
        }
        if (previousStatus == null) {
            return NONE.plus(to, quantity).withOrdered(quantity);
        }
        Bucket from = bucketOf(previousStatus);
        if (from == null || from == to) {
            return NONE;
        }
        return NONE.plus(from, -quantity).plus(to, quantity);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    private BoardMove plus(Bucket bucket, long units) {
        return switch (bucket) {
            case HELD -> new BoardMove(ordered, held + units, confirmed, cancelled);
            case CONFIRMED -> new BoardMove(ordered, held, confirmed + units, cancelled);
            case CANCELLED -> new BoardMove(ordered, held, confirmed, cancelled + units);
        };
    }

    private BoardMove withOrdered(long units) {
        return new BoardMove(units, held, confirmed, cancelled);
    }
}
