package vn.chotdon.livestream.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The version of each session's live board ({@code board_version}): moved in the transaction of
 * every change of what the board shows, whichever instance makes it, so that every instance can
 * tell from one small query which boards changed. The row is the last one such a transaction
 * locks (after the session, lineup and board rows), so it adds no lock-order cycle.
 */
@ApplicationScoped
public class BoardVersions {

    private final EntityManager em;
    private final Event<BoardChanged> boardChanged;

    BoardVersions(EntityManager em, Event<BoardChanged> boardChanged) {
        this.em = em;
        this.boardChanged = boardChanged;
    }

    /** The board of a new session, at version 0. */
    @Transactional(Transactional.TxType.MANDATORY)
    void start(long sessionId) {
        em.createNativeQuery("INSERT INTO board_version (session_id, version) VALUES (?1, 0)")
                .setParameter(1, sessionId).executeUpdate();
    }

    /** The session's board changed in the current transaction; this instance looks at once after it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bump(long sessionId) {
        em.createNativeQuery("UPDATE board_version SET version = version + 1 WHERE session_id = ?1")
                .setParameter(1, sessionId).executeUpdate();
        boardChanged.fire(new BoardChanged(sessionId));
    }

    /** @return the version of each of these sessions' boards; a session without one is left out */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<Long, Long> of(Collection<Long> sessionIds) {
        Map<Long, Long> versions = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return versions;
        }
        List<Object[]> rows = em.createNativeQuery("SELECT session_id, version FROM board_version WHERE session_id IN (:sessions)")
                .setParameter("sessions", sessionIds).getResultList();
        for (Object[] row : rows) {
            versions.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return versions;
    }
}
