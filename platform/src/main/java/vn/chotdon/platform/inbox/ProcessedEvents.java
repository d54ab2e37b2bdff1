package vn.chotdon.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The record that makes a Kafka consumer idempotent: call {@link #firstDelivery} in the same
 * transaction as the event's effect, and apply the effect only when it answers true. A
 * redelivered or replayed event then changes nothing, and a crash between the effect and the
 * offset commit cannot apply it twice.
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

    /** Deletes up to {@code limit} records of events processed before {@code before}; @return how many */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetOlderThan(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1 LIMIT ?2")
                .setParameter(1, before)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
