package vn.chotdon.order.waitlist.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.order.service.OrderCodes;
import vn.chotdon.order.waitlist.WaitlistEntry;
import vn.chotdon.order.waitlist.WaitlistState;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Reads of waitlist entries, for the buyer who holds an entry's token and for the cooperative's
 * people (their cooperative is a condition of the query: another cooperative's session is not
 * found), and the buyer leaving the line.
 */
@ApplicationScoped
public class WaitlistEntries {

    /** A page of entries and how many there are in all. */
    public record Found(List<EntryInLine> items, long total) {
    }

    private static final String SEEN = "select e, i.code, i.productName, o.code from WaitlistEntry e"
            + " join LineupItem i on i.itemId = e.itemId left join Order o on o.id = e.orderId";

    private final EntityManager em;

    WaitlistEntries(EntityManager em) {
        this.em = em;
    }

    /** The entry with this id, only for the holder of its token; anyone else learns nothing. */
    @Transactional
    public EntryInLine forBuyer(long entryId, String token) {
        List<EntryInLine> found = seen("where e.id = :id", entryId);
        if (found.isEmpty() || !OrderCodes.matches(token, found.get(0).entry().accessTokenHash)) {
            throw ProblemException.notFound("Waitlist entry", entryId);
        }
        return found.get(0);
    }

    /**
     * Takes the buyer out of the line while WAITING; leaving again answers the entry as it is.
     *
     * @throws ProblemException 404 without the entry's token; 409 waitlist-entry-decided once it was
     *                          promoted, skipped or closed
     */
    public EntryInLine leave(long entryId, String token) {
        forBuyer(entryId, token);
        RetryOnDeadlock.inNewTransaction(() -> em.createNativeQuery("UPDATE waitlist_entry SET state = 'LEFT',"
                + " decided_at = ?1 WHERE id = ?2 AND state = 'WAITING'")
                .setParameter(1, Instant.now().truncatedTo(ChronoUnit.MICROS)).setParameter(2, entryId).executeUpdate());
        EntryInLine now = seen(entryId);
        WaitlistState state = now.entry().state;
        if (state != WaitlistState.LEFT) {
            throw ProblemException.conflict("waitlist-entry-decided", "No longer in line",
                    "Waitlist entry " + entryId + " is " + state + "; only a WAITING entry can leave the line")
                    .with("currentState", state.name());
        }
        return now;
    }

    /** The session's entries, in line order (by id), optionally of one item and in one state. */
    @Transactional
    public Found list(long sessionId, Long cooperativeScope, Long itemId, WaitlistState state, int page, int size) {
        SaleSession session = em.find(SaleSession.class, sessionId);
        if (session == null || (cooperativeScope != null && !session.cooperativeId.equals(cooperativeScope))) {
            throw ProblemException.notFound("Session", sessionId);
        }
        String where = " where e.sessionId = :session" + (itemId == null ? "" : " and e.itemId = :item")
                + (state == null ? "" : " and e.state = :state");
        var items = em.createQuery(SEEN + where + " order by e.id", Object[].class).setParameter("session", sessionId);
        var count = em.createQuery("select count(e) from WaitlistEntry e" + where, Long.class)
                .setParameter("session", sessionId);
        if (itemId != null) {
            items.setParameter("item", itemId);
            count.setParameter("item", itemId);
        }
        if (state != null) {
            items.setParameter("state", state);
            count.setParameter("state", state);
        }
        List<EntryInLine> onPage = items.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(this::inLine).toList();
        return new Found(onPage, count.getSingleResult());
    }

    /** The entry, read now. */
    @Transactional
    public EntryInLine seen(long entryId) {
        return seen("where e.id = :id", entryId).get(0);
    }

    private List<EntryInLine> seen(String where, long entryId) {
        return em.createQuery(SEEN + " " + where, Object[].class).setParameter("id", entryId).getResultList().stream()
                .map(this::inLine).toList();
    }

    private EntryInLine inLine(Object[] row) {
        WaitlistEntry entry = (WaitlistEntry) row[0];
        Long position = entry.state != WaitlistState.WAITING ? null : em.createQuery("select count(w) from WaitlistEntry w"
                + " where w.itemId = :item and w.state = :waiting and w.id <= :id", Long.class)
                .setParameter("item", entry.itemId).setParameter("waiting", WaitlistState.WAITING)
                .setParameter("id", entry.id).getSingleResult();
        return new EntryInLine(entry, (String) row[1], (String) row[2], position, (String) row[3]);
    }
}
