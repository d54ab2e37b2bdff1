package vn.chotdon.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import vn.chotdon.events.EventEnvelope;

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

    Outbox(ObjectMapper json, OutboxConfig config, RelaySignal relay) {
        this.json = json;
        this.config = config;
        this.relay = relay;
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
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.id();
        row.topic = topic;
        row.messageKey = key;
        row.eventType = type;
        row.payload = serialise(envelope);
        row.occurredAt = envelope.time();
        row.persist();
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
