package vn.chotdon.livestream.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.livestream.LineupItemData;
import vn.chotdon.events.livestream.SessionData;
import vn.chotdon.livestream.LineupItem;
import vn.chotdon.livestream.SaleSession;
import vn.chotdon.platform.outbox.Outbox;

/** The session and lineup events, written to the outbox in the caller's transaction, keyed by session id. */
@ApplicationScoped
public class LivestreamEvents {

    private final Outbox outbox;

    LivestreamEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param session flushed, so that its version is the one committed */
    void session(String type, SaleSession session) {
        record(type, session.id, sessionData(session));
    }

    /** @param item flushed, so that its version is the one committed */
    void item(String type, LineupItem item, boolean removed) {
        record(type, item.sessionId, itemData(item, removed));
    }

    public static SessionData sessionData(SaleSession s) {
        return new SessionData(s.id, s.cooperativeId, s.title, s.platform.name(), s.status.name(), s.scheduledStart,
                s.startedAt, s.endedAt, s.holdMinutes, s.autoConfirmCod, s.version);
    }

    public static LineupItemData itemData(LineupItem i, boolean removed) {
        return new LineupItemData(i.sessionId, i.id, i.code, i.productId, i.productName, i.unit, i.livePriceVnd,
                i.quota, i.perBuyerLimit, i.displayOrder, i.pinned, removed, i.version);
    }

    private void record(String type, long sessionId, Object data) {
        String id = Long.toString(sessionId);
        outbox.record(Topics.LIVESTREAM_SESSIONS, LivestreamEventTypes.AGGREGATE_SESSION, id, id, type,
                LivestreamEventTypes.SCHEMA_VERSION, data);
    }
}
