package vn.chotdon.livestream.board;

import vn.chotdon.events.order.UnitBucket;

/**
 * How one order line moves an item's counters when the order's status changes, by the bucket
 * rule every unit-counting consumer shares ({@link UnitBucket}): held, confirmed (sold) or
 * cancelled (released, back in the quota). A placed order (no previous status) adds its units to
 * ordered and to its bucket; a later change moves them from the previous bucket to the new one,
 * if that is another bucket.
 */
public record BoardMove(long ordered, long held, long confirmed, long cancelled) {

    public static final BoardMove NONE = new BoardMove(0, 0, 0, 0);

    /** @return the move, or {@link #NONE} for a status this rule does not know */
    public static BoardMove of(String status, String previousStatus, long quantity) {
        UnitBucket to = UnitBucket.find(status).orElse(null);
        if (to == null) {
            return NONE;
        }
        if (previousStatus == null) {
            return NONE.plus(to, quantity).withOrdered(quantity);
        }
        UnitBucket from = UnitBucket.find(previousStatus).orElse(null);
        if (from == null || from == to) {
            return NONE;
        }
        return NONE.plus(from, -quantity).plus(to, quantity);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** This move and then {@code next}: the counters' changes add up. */
    public BoardMove plus(BoardMove next) {
        return new BoardMove(ordered + next.ordered, held + next.held, confirmed + next.confirmed,
                cancelled + next.cancelled);
    }

    private BoardMove plus(UnitBucket bucket, long units) {
        return switch (bucket) {
            case HELD -> new BoardMove(ordered, held + units, confirmed, cancelled);
            case SOLD -> new BoardMove(ordered, held, confirmed + units, cancelled);
            case RELEASED -> new BoardMove(ordered, held, confirmed, cancelled + units);
        };
    }

    private BoardMove withOrdered(long units) {
        return new BoardMove(units, held, confirmed, cancelled);
    }
}
