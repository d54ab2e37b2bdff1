package vn.chotdon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real Kafka consumer on one topic, for tests that check what a service published: it reads
 * from the moment it is opened, or from the start of the topic. It assigns itself every partition (no consumer group), so it
 * is ready as soon as it is opened.
 */
public final class EventTap implements AutoCloseable {

    /** One record as read: the Kafka key and the CloudEvent in its value. */
    public record Received(String key, JsonNode event) {
        public String id() {
            return event.path("id").asText();
        }

        public String type() {
            return event.path("type").asText();
        }

        public JsonNode data() {
            return event.path("data");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final List<Received> received = new ArrayList<>();

    private EventTap(String bootstrapServers, String topic, boolean fromBeginning) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(30);
        while (partitions.isEmpty()) {
            // Asking for the topic's partitions creates the topic when the broker auto-creates topics.
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            if (partitions.isEmpty() && Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
    }

    /** Opens a tap at the end of {@code topic} on the broker the application under test uses. */
    public static EventTap onTopic(String topic) {
        return new EventTap(bootstrapServers(), topic, false);
    }

    /** Opens a tap that reads {@code topic} from its first record, as a consumer replaying it would. */
    public static EventTap fromBeginning(String topic) {
        return new EventTap(bootstrapServers(), topic, true);
    }

    /** Opens a tap that reads {@code topic} from its first record on the given brokers. */
    public static EventTap fromBeginning(String bootstrapServers, String topic) {
        return new EventTap(bootstrapServers, topic, true);
    }

    private static String bootstrapServers() {
        return ConfigProvider.getConfig().getOptionalValue("kafka.bootstrap.servers", String.class)
                .orElse("127.0.0.1:9092");
    }

    /**
     * Reads until at least {@code count} records match, or fails after {@code timeout}.
     *
     * @return every matching record read so far (duplicates included)
     */
    public List<Received> awaitMatching(Predicate<Received> match, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (matching(match).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("expected " + count + " matching event(s) within " + timeout + ", got "
                        + matching(match).size() + "; all events read: " + received);
            }
            poll(Duration.ofMillis(200));
        }
        return matching(match);
    }

    /** Keeps reading for {@code quietPeriod} and returns every matching record, to check nothing more arrives. */
    public List<Received> drainMatching(Predicate<Received> match, Duration quietPeriod) {
        Instant end = Instant.now().plus(quietPeriod);
        while (Instant.now().isBefore(end)) {
            poll(Duration.ofMillis(200));
        }
        return matching(match);
    }

    private List<Received> matching(Predicate<Received> match) {
        return received.stream().filter(match).toList();
    }

    private void poll(Duration timeout) {
        for (ConsumerRecord<String, String> record : consumer.poll(timeout)) {
            try {
                received.add(new Received(record.key(), JSON.readTree(record.value())));
            } catch (Exception e) {
                throw new AssertionError("record at " + record.topic() + "/" + record.partition() + "@"
                        + record.offset() + " is not JSON: " + record.value(), e);
            }
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
