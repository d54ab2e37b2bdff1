package vn.chotdon.livestream.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.chotdon.livestream.SaleSession;
import vn.chotdon.livestream.SessionStatus;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Finding sessions, and locking one: every change of a session or its lineup first takes the
 * session row's lock with a no-op UPDATE (not a JPA pessimistic lock), so status changes, pins
 * and lineup changes of one session run one after the other and each sees the others' result.
 * <p>
 * A cooperative scope (the caller's cooperative, or null when the caller is not bound to one) is
 * part of the query: another cooperative's session is not found, exactly like one that does not
 * exist, and nothing is loaded, locked or sent to catalog-service for it.
 */
@ApplicationScoped
public class Sessions {

    private final EntityManager em;

    Sessions(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public SaleSession lock(long sessionId, Long cooperativeScope) {
        var update = em.createNativeQuery("UPDATE sale_session SET version = version WHERE id = :id"
                + (cooperativeScope == null ? "" : " AND cooperative_id = :cooperative"))
                .setParameter("id", sessionId);
        if (cooperativeScope != null) {
            update.setParameter("cooperative", cooperativeScope);
        }
        if (update.executeUpdate() == 0) {
            throw ProblemException.notFound("Session", sessionId);
        }
        SaleSession session = SaleSession.findById(sessionId);
        em.refresh(session);
        return session;
    }

    /** A session anyone may read (its public fields: the views leave out what is staff-only). */
    @Transactional
    public SaleSession get(long sessionId) {
        return get(sessionId, null);
    }

    @Transactional
    public SaleSession get(long sessionId, Long cooperativeScope) {
        SaleSession session = cooperativeScope == null ? SaleSession.findById(sessionId)
                : SaleSession.<SaleSession> find("id = ?1 and cooperativeId = ?2", sessionId, cooperativeScope)
                        .firstResult();
        if (session == null) {
            throw ProblemException.notFound("Session", sessionId);
        }
        return session;
    }

    static void requireLineupEditable(SaleSession session) {
        if (!session.status.lineupEditable()) {
            throw ProblemException.conflict("lineup-closed", "Lineup is closed",
                    "Session " + session.id + " is " + session.status + "; its lineup can no longer change")
                    .with("currentStatus", session.status.name());
        }
    }

    static ProblemException illegalTransition(SaleSession session, SessionStatus target) {
        return ProblemException.conflict("illegal-status-change", "Status cannot change",
                "Session " + session.id + " is " + session.status + " and cannot become " + target)
                .with("currentStatus", session.status.name())
                .with("requestedStatus", target.name());
    }
}
