package vn.chotdon.order.waitlist;

/** Where a waitlist entry stands. Only WAITING entries are in line; every other state is final. */
public enum WaitlistState {
    /** In line for the item. */
    WAITING,
    /** Its turn came: it was offered units (all it asked for, or fewer) as an order held for a short time. */
    PROMOTED,
    /**
     * Its turn came, but a per-buyer limit, the held-units cap or the session's buyer policy
     * (pay-first, for a cash-on-delivery entry) refused the order; the next in line was tried.
     */
    SKIPPED,
    /** The buyer left the line. */
    LEFT,
    /** The session ended, or the item left the lineup, while it waited. */
    CLOSED
}
