package vn.chotdon.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.platform.tx.PlainSql;

/**
 * Writes events into the outbox table. It must run inside the transaction that makes the
 * change the event describes: both commit together or neither does. {@link OutboxRelay} sends
 * them to Kafka afterwards, woken by the commit.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final OutboxConfig config;
    private final RelaySignal relay;
    private final PlainSql sql;

    Outbox(ObjectMapper json, OutboxConfig config, RelaySignal relay, PlainSql sql) {
        this.json = json;
        this.config = config;
        this.relay = relay;
        this.sql = sql;
    }

    /**
     * @param topic         Kafka topic
     * @param aggregateType e.g. {@code product}
     * @param aggregateId   id of the aggregate the event is about
     * @param key           Kafka record key: the id whose events must stay in order
     * @param type          event type
     * @param schemaVersion payload schema version
     * @param data          payload, serialised as JSON
     * @return the envelope as stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope<T> record(String topic, String aggregateType, String aggregateId, String key,
            String type, int schemaVersion, T data) {
        EventEnvelope<T> envelope = EventEnvelope.of(UUID.randomUUID().toString(), config.source(), type,
                schemaVersion, aggregateType, aggregateId, Instant.now(), data);
        // Plain JDBC rather than persisting an OutboxEvent: nothing reads the row back in this transaction,
        // and Hibernate's insert of an entity cost three times the statement in a flash sale's profile.
        sql.update("INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, occurred_at, attempts)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0)", envelope.id(), topic, key, type, serialise(envelope), envelope.time());
        relay.wakeAfterCommit();
        return envelope;
    }

    private String serialise(EventEnvelope<?> envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be written as JSON", e);
        }
    }
}
