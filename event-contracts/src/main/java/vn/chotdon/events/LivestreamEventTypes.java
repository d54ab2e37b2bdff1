package vn.chotdon.events;

/**
 * Event types published by livestream-service on {@link Topics#LIVESTREAM_SESSIONS}, keyed by
 * session id so that a session's events stay in order.
 */
public final class LivestreamEventTypes {

    public static final String SOURCE = "/chotdon/livestream-service";
    public static final String AGGREGATE_SESSION = "session";

    /** Every session event's type starts with it (payload {@link vn.chotdon.events.livestream.SessionData}). */
    public static final String SESSION_PREFIX = "vn.chotdon.livestream.session.";
    /** Every lineup event's type starts with it (payload {@link vn.chotdon.events.livestream.LineupItemData}). */
    public static final String LINEUP_PREFIX = "vn.chotdon.livestream.lineup.";

    /** Payload {@link vn.chotdon.events.livestream.SessionData}: a session was planned. */
    public static final String SESSION_SCHEDULED = SESSION_PREFIX + "scheduled";
    /** Payload {@link vn.chotdon.events.livestream.SessionData}: details changed (title, times, hold settings). */
    public static final String SESSION_UPDATED = SESSION_PREFIX + "updated";
    /** Payload {@link vn.chotdon.events.livestream.SessionData}: the session went LIVE; orders are accepted. */
    public static final String SESSION_OPENED = SESSION_PREFIX + "opened";
    /** Payload {@link vn.chotdon.events.livestream.SessionData}: the session ENDED; no more orders. */
    public static final String SESSION_ENDED = SESSION_PREFIX + "ended";
    /** Payload {@link vn.chotdon.events.livestream.SessionData}: the session was CANCELLED before going live. */
    public static final String SESSION_CANCELLED = SESSION_PREFIX + "cancelled";

    /** Payload {@link vn.chotdon.events.livestream.LineupItemData}: an item joined the lineup. */
    public static final String LINEUP_ITEM_ADDED = LINEUP_PREFIX + "item-added";
    /** Payload {@link vn.chotdon.events.livestream.LineupItemData}: price, quota, limit, order or pin changed. */
    public static final String LINEUP_ITEM_CHANGED = LINEUP_PREFIX + "item-changed";
    /** Payload {@link vn.chotdon.events.livestream.LineupItemData}: the item left the lineup. */
    public static final String LINEUP_ITEM_REMOVED = LINEUP_PREFIX + "item-removed";

    public static final int SCHEMA_VERSION = 1;

    private LivestreamEventTypes() {
    }
}
