package vn.chotdon.platform.parking;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parked events of this service's consumers. Parking is idempotent: a record redelivered
 * after a rebalance or a restart is parked once, on its (consumer, topic, partition, offset).
 * Reads take the caller's cooperative scope into the query: an owner never loads another
 * cooperative's parked event.
 */
@ApplicationScoped
public class ParkedEvents {

    static final int KEY_LENGTH = 200;
    static final int EVENT_ID_LENGTH = 64;
    static final int TYPE_LENGTH = 200;
    static final int ERROR_LENGTH = 2000;

    private final EntityManager em;

    ParkedEvents(EntityManager em) {
        this.em = em;
    }

    public record Found(List<ParkedEvent> items, long total) {
    }

    /** @return true if the record was parked now, false if it was parked before */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean park(ParkingTicket ticket) {
        // INSERT IGNORE on the record's unique coordinates: two deliveries of one record park it once.
        int inserted = em.createNativeQuery("INSERT IGNORE INTO parked_event (consumer, topic, kafka_partition,"
                + " kafka_offset, record_key, event_id, event_type, cooperative_id, payload, readable, error, attempts,"
                + " status, parked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
                .setParameter(1, ticket.consumer())
                .setParameter(2, ticket.topic())
                .setParameter(3, ticket.partition())
                .setParameter(4, ticket.offset())
                .setParameter(5, cut(ticket.key(), KEY_LENGTH))
                .setParameter(6, cut(ticket.eventId(), EVENT_ID_LENGTH))
                .setParameter(7, cut(ticket.eventType(), TYPE_LENGTH))
                .setParameter(8, ticket.cooperativeId())
                .setParameter(9, ticket.value())
                .setParameter(10, ticket.readable())
                .setParameter(11, cut(ticket.error(), ERROR_LENGTH))
                .setParameter(12, ticket.attempts())
                .setParameter(13, ParkedEventStatus.PARKED.name())
                .setParameter(14, now())
                .executeUpdate();
        return inserted == 1;
    }

    @Transactional
    public boolean isParked(String consumer, String topic, int partition, long offset) {
        return ParkedEvent.count("consumer = ?1 and topic = ?2 and partition = ?3 and offset = ?4",
                consumer, topic, partition, offset) > 0;
    }

    /** @param cooperativeScope the only cooperative whose events may be seen, or null for all */
    @Transactional
    public Found list(Long cooperativeScope, ParkedEventStatus status, String consumer, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (cooperativeScope != null) {
            where.add("cooperativeId = :cooperative");
            parameters.and("cooperative", cooperativeScope);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (consumer != null && !consumer.isBlank()) {
            where.add("consumer = :consumer");
            parameters.and("consumer", consumer.strip());
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var found = ParkedEvent.<ParkedEvent>find(query, Sort.descending("id"), parameters);
        long total = found.count();
        List<ParkedEvent> items = (long) page * size >= total ? List.of() : found.page(Page.of(page, size)).list();
        return new Found(items, total);
    }

    /** @param cooperativeScope the only cooperative whose events may be seen, or null for all */
    @Transactional
    public Optional<ParkedEvent> find(long id, Long cooperativeScope) {
        return cooperativeScope == null ? ParkedEvent.<ParkedEvent>findByIdOptional(id)
                : ParkedEvent.<ParkedEvent>find("id = ?1 and cooperativeId = ?2", id, cooperativeScope).firstResultOptional();
    }

    /** In the replay's transaction: @return false when another replay marked it first */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markReplayed(long id) {
        return ParkedEvent.update("status = ?1, replayedAt = ?2 where id = ?3 and status = ?4",
                ParkedEventStatus.REPLAYED, now(), id, ParkedEventStatus.PARKED) == 1;
    }

    /** A replay failed: the event stays parked with the new error and one attempt more. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void replayFailed(long id, String error) {
        ParkedEvent.update("error = ?1, attempts = attempts + 1 where id = ?2 and status = ?3",
                cut(error, ERROR_LENGTH), id, ParkedEventStatus.PARKED);
    }

    /** Deletes up to {@code limit} events replayed before {@code before}; @return how many */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int forgetReplayed(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM parked_event WHERE status = ?1 AND replayed_at < ?2 LIMIT ?3")
                .setParameter(1, ParkedEventStatus.REPLAYED.name())
                .setParameter(2, before)
                .setParameter(3, limit)
                .executeUpdate();
    }

    /** Cut to at most {@code length} characters, never inside a surrogate pair. */
    static String cut(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
