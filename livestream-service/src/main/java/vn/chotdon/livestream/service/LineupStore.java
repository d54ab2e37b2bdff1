package vn.chotdon.livestream.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.livestream.BoardItem;
import vn.chotdon.livestream.LineupItem;
import vn.chotdon.livestream.SaleSession;
import vn.chotdon.livestream.SessionStatus;
import vn.chotdon.livestream.client.CatalogProduct;
import vn.chotdon.livestream.client.Orders;
import vn.chotdon.platform.problem.ProblemException;

/**
 * The local transactions of lineup changes: each locks the session row (within the caller's
 * cooperative), checks the rules again against what is committed, changes the rows and writes the
 * event, all or nothing.
 */
@ApplicationScoped
public class LineupStore {

    private final Sessions sessions;
    private final LivestreamEvents events;
    private final EntityManager em;
    private final BoardVersions boardVersions;

    LineupStore(Sessions sessions, LivestreamEvents events, EntityManager em, BoardVersions boardVersions) {
        this.sessions = sessions;
        this.events = events;
        this.em = em;
        this.boardVersions = boardVersions;
    }

    @Transactional
    public List<LineupItem> items(long sessionId) {
        sessions.get(sessionId);
        return LineupItem.list("sessionId", Sort.by("displayOrder").and("id"), sessionId);
    }

    @Transactional
    public LineupItem item(long sessionId, long itemId) {
        LineupItem item = LineupItem.findById(itemId);
        if (item == null || item.sessionId != sessionId) {
            sessions.get(sessionId);
            throw ProblemException.notFound("Lineup item", itemId + " of session " + sessionId);
        }
        return item;
    }

    @Transactional
    public LineupItem byCode(long sessionId, String code) {
        sessions.get(sessionId);
        LineupItem item = LineupItem.find("sessionId = ?1 and code = ?2", sessionId, code).firstResult();
        if (item == null) {
            throw ProblemException.notFound("Lineup item", code + " of session " + sessionId);
        }
        return item;
    }

    /** Answers the usual duplicates before catalog is called; the unique keys stay the real guard. */
    @Transactional
    public void checkFree(long sessionId, String code, long productId) {
        if (LineupItem.count("sessionId = ?1 and code = ?2", sessionId, code) > 0) {
            throw LineupRules.duplicateCode(sessionId, code);
        }
        if (LineupItem.count("sessionId = ?1 and productId = ?2", sessionId, productId) > 0) {
            throw LineupRules.productAlreadyInLineup(sessionId, productId);
        }
    }

    /**
     * What catalog-service should hold for the session's item of this product, as committed:
     * the quota while the lineup is open, the units still ordered once ENDED, 0 otherwise.
     */
    @Transactional
    public long committedReservation(long sessionId, long productId) {
        SaleSession session = SaleSession.findById(sessionId);
        LineupItem item = LineupItem.find("sessionId = ?1 and productId = ?2", sessionId, productId).firstResult();
        if (session == null || item == null || session.status == SessionStatus.CANCELLED) {
            return 0;
        }
        if (session.status == SessionStatus.ENDED) {
            BoardItem board = BoardItem.findById(item.id);
            return Math.max(0, board.ordered - board.cancelled);
        }
        return item.quota;
    }

    @Transactional
    public LineupItem insert(long sessionId, Long cooperativeScope, String code, CatalogProduct product,
            LineupItemDraft draft) {
        SaleSession session = sessions.lock(sessionId, cooperativeScope);
        Sessions.requireLineupEditable(session);
        LineupItem item = new LineupItem();
        item.sessionId = sessionId;
        item.code = code;
        item.productId = product.id();
        item.productName = product.name();
        item.unit = product.unit();
        item.unitLabel = product.unitLabel();
        item.livePriceVnd = draft.livePriceVnd();
        item.quota = draft.quota();
        item.perBuyerLimit = draft.perBuyerLimit();
        item.displayOrder = draft.displayOrder() != null ? draft.displayOrder() : nextDisplayOrder(sessionId);
        item.persistAndFlush();
        BoardItem.emptyFor(item).persistAndFlush();
        events.item(LivestreamEventTypes.LINEUP_ITEM_ADDED, item, false);
        boardVersions.bump(sessionId);
        return item;
    }

    @Transactional
    public LineupItem change(long sessionId, Long cooperativeScope, long itemId, long expectedVersion, String code,
            LineupItemChange change) {
        SaleSession session = sessions.lock(sessionId, cooperativeScope);
        Sessions.requireLineupEditable(session);
        LineupItem item = item(sessionId, itemId);
        if (item.version != expectedVersion) {
            throw ProblemException.conflict("concurrent-modification", "Changed by someone else",
                    "Lineup item " + itemId + " was changed by another request at the same time; read it again and retry");
        }
        LineupRules.checkLiveChange(session, item, code, change.quota());
        int displayOrder = change.displayOrder() != null ? change.displayOrder() : item.displayOrder;
        boolean changed = !item.code.equals(code) || item.livePriceVnd != change.livePriceVnd()
                || item.quota != change.quota() || !Objects.equals(item.perBuyerLimit, change.perBuyerLimit())
                || item.displayOrder != displayOrder;
        if (!changed) {
            return item;
        }
        item.code = code;
        item.livePriceVnd = change.livePriceVnd();
        item.quota = change.quota();
        item.perBuyerLimit = change.perBuyerLimit();
        item.displayOrder = displayOrder;
        item.flush();
        events.item(LivestreamEventTypes.LINEUP_ITEM_CHANGED, item, false);
        boardVersions.bump(sessionId);
        return item;
    }

    /**
     * Deletes the item, which order-service has withdrawn from sale: its answer, not the board's
     * counters (which lag behind orders), decided that no unit of it is taken.
     *
     * @param onlyIfScheduled order-service has not heard of the session, which is safe only while it
     *                        is not LIVE: then this removal is sent before the event that opens it
     */
    @Transactional
    public void delete(long sessionId, Long cooperativeScope, long itemId, boolean onlyIfScheduled) {
        SaleSession session = sessions.lock(sessionId, cooperativeScope);
        Sessions.requireLineupEditable(session);
        if (onlyIfScheduled && session.status != SessionStatus.SCHEDULED) {
            throw Orders.behind(sessionId);
        }
        LineupItem item = item(sessionId, itemId);
        em.createNativeQuery("DELETE FROM board_item WHERE item_id = ?1").setParameter(1, itemId).executeUpdate();
        events.item(LivestreamEventTypes.LINEUP_ITEM_REMOVED, item, true);
        item.delete();
        em.flush();
        boardVersions.bump(sessionId);
    }

    /** Pins the item and unpins any other: exactly one item is pinned, and only while LIVE. */
    @Transactional
    public LineupItem pin(long sessionId, Long cooperativeScope, long itemId) {
        SaleSession session = sessions.lock(sessionId, cooperativeScope);
        if (session.status != SessionStatus.LIVE) {
            throw ProblemException.conflict("session-not-live", "Session is not live",
                    "Session " + sessionId + " is " + session.status + "; items can be pinned only while it is LIVE")
                    .with("currentStatus", session.status.name());
        }
        LineupItem item = item(sessionId, itemId);
        if (item.pinned) {
            return item;
        }
        List<LineupItem> pinned = LineupItem.list("sessionId = ?1 and pinned = true", sessionId);
        for (LineupItem other : pinned) {
            other.pinned = false;
            other.flush();
            events.item(LivestreamEventTypes.LINEUP_ITEM_CHANGED, other, false);
        }
        item.pinned = true;
        item.flush();
        events.item(LivestreamEventTypes.LINEUP_ITEM_CHANGED, item, false);
        boardVersions.bump(sessionId);
        return item;
    }

    private int nextDisplayOrder(long sessionId) {
        Number max = (Number) em.createNativeQuery(
                "SELECT COALESCE(MAX(display_order), 0) FROM lineup_item WHERE session_id = ?1")
                .setParameter(1, sessionId).getSingleResult();
        return max.intValue() + 1;
    }
}
