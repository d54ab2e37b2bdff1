package vn.chotdon.order.buyer.service;

import vn.chotdon.order.buyer.BuyerSummary;

/** A buyer's counters in one cooperative and the flag on their phone (null when none). */
public record BuyerStanding(long placed, long delivered, long paid, long cancelledByBuyer, long expiredUnpaid,
        long returned, BuyerSummary.Flag flag) {

    /** A phone the cooperative has no record of and no flag on. */
    static final BuyerStanding UNKNOWN = new BuyerStanding(0, 0, 0, 0, 0, 0, null);

    /**
     * Unreliable: orders that came back (refused at the door, "bom hàng") and orders left to expire
     * unpaid, together, reached the threshold. Both cost the cooperative a held quota or a wasted
     * delivery; a buyer's own cancellation does not count, it frees the units at once.
     */
    public boolean unreliable(int unreliableAfter) {
        return returned + expiredUnpaid >= unreliableAfter;
    }

    public boolean flagged() {
        return flag != null;
    }

    public BuyerSummary summary(int unreliableAfter) {
        return new BuyerSummary(placed, delivered, paid, cancelledByBuyer, expiredUnpaid, returned,
                unreliable(unreliableAfter), flag);
    }
}
