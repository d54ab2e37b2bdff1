package vn.chotdon.platform.consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.platform.inbox.ProcessedEvents;

/** One running idempotent consumer; see {@link EventSubscriptions}. */
public final class Subscription {

    private static final Logger LOG = Logger.getLogger(Subscription.class);
    private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE = new TypeReference<>() {
    };
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String group;
    private final String topic;
    private final EventHandler handler;
    private final ProcessedEvents processed;
    private final ObjectMapper json;
    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final AtomicLong applied = new AtomicLong();
    private volatile boolean running = true;

    Subscription(String group, String topic, EventHandler handler, Map<String, Object> kafkaConfig,
            ProcessedEvents processed, ObjectMapper json) {
        this.group = group;
        this.topic = topic;
        this.handler = handler;
        this.processed = processed;
        this.json = json;
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
        props.putIfAbsent(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, group);
        this.consumer = new KafkaConsumer<>(props);
        this.thread = new Thread(this::run, "consumer-" + group);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Events applied by this subscription since it started (duplicates not counted). */
    public long applied() {
        return applied.get();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    applyUntilDone(record);
                    if (!running) {
                        return;
                    }
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.errorf(e, "Consumer %s woken up unexpectedly", group);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Consumer %s stopped on an unexpected error", group);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void applyUntilDone(ConsumerRecord<String, String> record) {
        EventEnvelope<JsonNode> event;
        try {
            event = json.readValue(record.value(), ENVELOPE);
        } catch (Exception e) {
            LOG.errorf("Consumer %s skips %s-%d@%d: not a CloudEvent JSON envelope (%s)", group, record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        Duration backoff = Duration.ofMillis(200);
        for (int attempt = 1; running; attempt++) {
            try {
                boolean first = QuarkusTransaction.requiringNew().call(() -> {
                    if (!processed.firstDelivery(group, event.id())) {
                        return false;
                    }
                    handler.handle(event);
                    return true;
                });
                if (first) {
                    applied.incrementAndGet();
                }
                return;
            } catch (Exception e) {
                LOG.warnf("Consumer %s could not apply event %s (%s), attempt %d; retrying in %s: %s", group,
                        event.id(), event.type(), attempt, backoff, e);
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
