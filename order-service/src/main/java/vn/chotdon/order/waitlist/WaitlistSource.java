package vn.chotdon.order.waitlist;

/** How a buyer joined the line. */
public enum WaitlistSource {
    /** POST /sessions/{sessionId}/waitlist, from a buyer's front end. */
    API,
    /** A live comment whose order was refused as sold out. */
    COMMENT
}
