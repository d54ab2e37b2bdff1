package vn.chotdon.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.chotdon.events.EventEnvelope;

/**
 * Publishes events to the real broker the way another service's outbox relay would (CloudEvents
 * structured JSON, same headers), for tests of a consumer before or without that service.
 */
public final class EventPublisher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, String> producer;

    private EventPublisher(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props);
    }

    /** A publisher on the broker the application under test uses. */
    public static EventPublisher open() {
        return open(ConfigProvider.getConfig()
                .getOptionalValue("kafka.bootstrap.servers", String.class).orElse("127.0.0.1:9092"));
    }

    public static EventPublisher open(String bootstrapServers) {
        return new EventPublisher(bootstrapServers);
    }

    /** Builds an envelope with a fresh id and the current time. */
    public static <T> EventEnvelope<T> envelope(String source, String type, int schemaVersion, String aggregateType,
            String aggregateId, T data) {
        return EventEnvelope.of(UUID.randomUUID().toString(), source, type, schemaVersion, aggregateType,
                aggregateId, Instant.now(), data);
    }

    /** Sends one event and waits for the broker's acknowledgement. Sending the same envelope twice is a duplicate delivery. */
    public void publish(String topic, String key, EventEnvelope<?> event) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, JSON.writeValueAsString(event));
            record.headers()
                    .add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", event.id().getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", event.type().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event.type() + " to " + topic, e);
        }
    }

    /** Sends a record value as it is, whatever it holds (poison for a consumer, e.g. "{not json"), and waits for the broker. */
    public void publishRaw(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish a record to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
