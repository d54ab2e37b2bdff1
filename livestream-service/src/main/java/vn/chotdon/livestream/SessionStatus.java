package vn.chotdon.livestream;

/** Where a sale session is in its life: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED. */
public enum SessionStatus {
    SCHEDULED,
    LIVE,
    ENDED,
    CANCELLED;

    public boolean canBecome(SessionStatus target) {
        return switch (this) {
            case SCHEDULED -> target == LIVE || target == CANCELLED;
            case LIVE -> target == ENDED;
            case ENDED, CANCELLED -> false;
        };
    }

    /** Whether the session is over (ended or cancelled): nothing about it is live any more. */
    public boolean closed() {
        return this == ENDED || this == CANCELLED;
    }

    /** Whether the lineup may still change (items added, edited, removed). */
    public boolean lineupEditable() {
        return this == SCHEDULED || this == LIVE;
    }
}
