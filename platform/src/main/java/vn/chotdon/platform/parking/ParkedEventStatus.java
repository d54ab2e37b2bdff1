package vn.chotdon.platform.parking;

/** Where a parked event stands. */
public enum ParkedEventStatus {
    /** Its consumer gave up on it and went on; it waits for someone to look at it. */
    PARKED,
    /** Replayed through its consumer's handler and applied. */
    REPLAYED
}
