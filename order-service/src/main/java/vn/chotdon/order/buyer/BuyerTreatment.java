package vn.chotdon.order.buyer;

/** What a session does with an order of a flagged or an unreliable buyer. */
public enum BuyerTreatment {
    /** Placed as anyone's. */
    ACCEPT,
    /** Placed, but held for staff: never confirmed by itself; a comment's order waits in the review queue. */
    REVIEW,
    /** Only by bank transfer: a cash-on-delivery order is refused (409 pay-first); a comment's order is a transfer. */
    PAY_FIRST
}
