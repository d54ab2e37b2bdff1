package vn.chotdon.events;

/**
 * Event types published by livestream-service on {@link Topics#LIVESTREAM_SESSIONS}, keyed by
 * session id so that a session's events stay in order.
 */
public final class LivestreamEventTypes {

    public static final String SOURCE = "/chotdon/livestream-service";
    public static final String AGGREGATE_SESSION = "session";

    /** Payload {@link vn.chotdon.events.livestream.SessionData}: a session was planned. */
    public static final String SESSION_SCHEDULED = "vn.chotdon.livestream.session.scheduled";
    /** Payload {@link vn.chotdon.events.livestream.SessionData}: details changed (title, times, hold settings). */
    public static final String SESSION_UPDATED = "vn.chotdon.livestream.session.updated";
    /** Payload {@link vn.chotdon.events.livestream.SessionData}: the session went LIVE; orders are accepted. */
    public static final String SESSION_OPENED = "vn.chotdon.livestream.session.opened";
    /** Payload {@link vn.chotdon.events.livestream.SessionData}: the session ENDED; no more orders. */
    public static final String SESSION_ENDED = "vn.chotdon.livestream.session.ended";
    /** Payload {@link vn.chotdon.events.livestream.SessionData}: the session was CANCELLED before going live. */
    public static final String SESSION_CANCELLED = "vn.chotdon.livestream.session.cancelled";

    /** Payload {@link vn.chotdon.events.livestream.LineupItemData}: an item joined the lineup. */
    public static final String LINEUP_ITEM_ADDED = "vn.chotdon.livestream.lineup.item-added";
    /** Payload {@link vn.chotdon.events.livestream.LineupItemData}: price, quota, limit, order or pin changed. */
    public static final String LINEUP_ITEM_CHANGED = "vn.chotdon.livestream.lineup.item-changed";
    /** Payload {@link vn.chotdon.events.livestream.LineupItemData}: the item left the lineup. */
    public static final String LINEUP_ITEM_REMOVED = "vn.chotdon.livestream.lineup.item-removed";

    public static final int SCHEMA_VERSION = 1;

    private LivestreamEventTypes() {
    }
}
