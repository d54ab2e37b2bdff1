package vn.chotdon.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The record that makes a Kafka consumer idempotent: call {@link #firstDelivery} (or
 * {@link #firstDeliveries} for a batch) in the same transaction as the event's effect, and apply
 * the effect only when it answers true. A redelivered or replayed event then changes nothing, and
 * a crash between the effect and the offset commit cannot apply it twice.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /** @return true if {@code consumer} had not processed {@code eventId} before; the event is now recorded as processed */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        // INSERT IGNORE rather than read-then-insert: two deliveries racing in two transactions
        // cannot both see "not processed"; the second waits on the first's key lock.
        int inserted = em.createNativeQuery(
                "INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, Instant.now())
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The batch form of {@link #firstDelivery}, in two statements whatever the batch's size.
     *
     * @return the ids among {@code eventIds} that {@code consumer} had not processed before, each
     *         once; they are now recorded as processed
     * @throws ConcurrentDelivery when another transaction recorded one of them meanwhile; roll back
     *         and take the events one by one
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, Collection<String> eventIds) {
        Set<String> fresh = new LinkedHashSet<>(eventIds);
        if (fresh.isEmpty()) {
            return fresh;
        }
        @SuppressWarnings("unchecked")
        List<String> before = em.createNativeQuery(
                "SELECT event_id FROM processed_event WHERE consumer = :consumer AND event_id IN (:ids)")
                .setParameter("consumer", consumer)
                .setParameter("ids", fresh)
                .getResultList();
        before.forEach(fresh::remove);
        if (fresh.isEmpty()) {
            return fresh;
        }
        StringBuilder insert = new StringBuilder(
                "INSERT IGNORE INTO processed_event (consumer, event_id, processed_at) VALUES ");
        for (int i = 0; i < fresh.size(); i++) {
            insert.append(i == 0 ? "" : ", ").append("(?1, ?").append(i + 3).append(", ?2)");
        }
        var statement = em.createNativeQuery(insert.toString())
                .setParameter(1, consumer)
                .setParameter(2, Instant.now());
        int position = 3;
        for (String eventId : fresh) {
            statement.setParameter(position++, eventId);
        }
        // The SELECT reads a snapshot; the INSERT sees (and waits for) every other delivery. Fewer
        // rows than asked means one committed in between, and which one is unknown: no guessing.
        int inserted = statement.executeUpdate();
        if (inserted != fresh.size()) {
            throw new ConcurrentDelivery(consumer, fresh.size(), inserted);
        }
        return fresh;
    }

    /** Another transaction recorded an event of the batch between its check and its insert. */
    public static final class ConcurrentDelivery extends RuntimeException {

        ConcurrentDelivery(String consumer, int asked, int inserted) {
            super("consumer " + consumer + " recorded " + inserted + " of " + asked
                    + " events as processed: another delivery recorded the others meanwhile");
        }
    }

    /** Deletes up to {@code limit} records of events processed before {@code before}; @return how many */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetOlderThan(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1 LIMIT ?2")
                .setParameter(1, before)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
