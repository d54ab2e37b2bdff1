package vn.chotdon.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.chotdon.platform.problem.ProblemException;

/** Outbox rows Kafka refused for good, for an admin to look at and release for another try. */
@ApplicationScoped
public class ParkedOutboxEvents {

    public record Found(List<OutboxEvent> items, long total) {
    }

    private final EntityManager em;
    private final RelaySignal relay;

    ParkedOutboxEvents(EntityManager em, RelaySignal relay) {
        this.em = em;
        this.relay = relay;
    }

    @Transactional
    public Found list(int page, int size) {
        List<OutboxEvent> items = em.createQuery("from OutboxEvent where parkedAt is not null order by id",
                OutboxEvent.class)
                .setFirstResult((int) Math.min(Integer.MAX_VALUE, (long) page * size))
                .setMaxResults(size)
                .getResultList();
        long total = em.createQuery("select count(e) from OutboxEvent e where e.parkedAt is not null", Long.class)
                .getSingleResult();
        return new Found(items, total);
    }

    /**
     * Puts a parked row back in line: the relay sends it on its next round (and parks it again if
     * Kafka still refuses it). It goes out after events of its key written since it was parked.
     */
    @Transactional
    public OutboxEvent release(long id) {
        int released = em.createQuery("update OutboxEvent set parkedAt = null where id = :id and parkedAt is not null"
                + " and publishedAt is null")
                .setParameter("id", id)
                .executeUpdate();
        if (released == 0) {
            throw ProblemException.notFound("Parked outbox event", id);
        }
        relay.wakeAfterCommit();
        return em.find(OutboxEvent.class, id);
    }
}
