package vn.chotdon.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.HealthRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.health.Readiness;
import vn.chotdon.platform.inbox.ProcessedEvents;
import vn.chotdon.platform.parking.ParkedEvents;

/**
 * Starts supervised, idempotent Kafka consumers. Each subscription polls on its own thread and
 * applies a poll's events together in one transaction that also records their ids as processed
 * (up to {@code chotdon.consumers.batch-size} per transaction; a failed batch is applied again
 * one event per transaction); offsets are committed only once an event was applied or parked. A handler that keeps failing gets its
 * partitions paused and is retried with a growing wait, then the event is parked
 * ({@code parked_event}) and the next one is applied; a record that is not a readable event is
 * parked at once. A database that cannot be reached is waited for, never a reason to park. A
 * consumer that ends unexpectedly is replaced, and readiness reports every subscription.
 */
@ApplicationScoped
public class EventSubscriptions {

    private final Map<String, Object> kafkaConfig;
    private final ProcessedEvents processed;
    private final ParkedEvents parked;
    private final EventRecords records;
    private final ConsumerSettings settings;
    private final HealthRegistry readiness;
    private final List<Subscription> running = new CopyOnWriteArrayList<>();

    EventSubscriptions(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            ProcessedEvents processed, ParkedEvents parked, ObjectMapper json, ConsumerSettings settings,
            @Readiness HealthRegistry readiness) {
        this.kafkaConfig = kafkaConfig;
        this.processed = processed;
        this.parked = parked;
        this.records = new EventRecords(json);
        this.settings = settings;
        this.readiness = readiness;
    }

    /**
     * @param name    the consumer's name, unique in the service; after chotdon.consumer-group-prefix
     *                (the application name unless set) it is the Kafka consumer group and the key of
     *                its processed-event and parked-event records
     * @param topic   the topic to follow from its first record
     * @param handler applies one event
     */
    public Subscription subscribe(String name, String topic, EventHandler handler) {
        Subscription subscription = new Subscription(groupOf(name), topic, handler, kafkaConfig, processed, parked,
                records, settings);
        running.add(subscription);
        readiness.register(SubscriptionHealth.NAME_PREFIX + subscription.group(),
                new SubscriptionHealth(subscription, settings.health()));
        subscription.start();
        return subscription;
    }

    /** The consumer group of a subscription of this name: {@code order-service.read-model}. */
    public String groupOf(String name) {
        return settings.groupPrefix() + "." + name;
    }

    /** The subscription of this instance that consumes as this group. */
    public Optional<Subscription> byGroup(String group) {
        return running.stream().filter(s -> s.group().equals(group)).findFirst();
    }

    public List<Subscription> all() {
        return List.copyOf(running);
    }

    void stopAll(@Observes ShutdownEvent event) {
        running.forEach(Subscription::stop);
        running.forEach(s -> readiness.remove(SubscriptionHealth.NAME_PREFIX + s.group()));
        running.clear();
    }
}
