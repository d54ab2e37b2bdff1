package vn.chotdon.order.comment;

/** Where a stored live comment stands. */
public enum CommentState {
    /** Stored, the decision not yet written (a crash between the two leaves it here until CommentSweep decides it). */
    RECEIVED,
    /** Became an order by itself, through the same hot path as POST /orders. */
    ORDERED,
    /** In the review queue: unclear, no phone, no address known, a repeat, or refused (sold out, a limit). */
    WAITING,
    /** Staff accepted it (as parsed or edited) and it became an order. */
    ACCEPTED,
    /** Staff rejected it. */
    REJECTED,
    /** Chatter: no sign of an order. */
    IGNORED,
    /**
     * Refused as sold out, it joined the item's waitlist (waitlist_entry.comment_id) instead of the
     * review queue; its order code is set when its turn came and an order was offered.
     */
    WAITLISTED
}
