package vn.chotdon.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.chotdon.platform.inbox.ProcessedEvents;

/**
 * Starts idempotent Kafka consumers: each subscription polls on its own thread, applies every
 * event in a transaction that also records its id as processed, and commits offsets only
 * after that. Redelivery, a restart or a replay from the start of the topic apply nothing twice.
 */
@ApplicationScoped
public class EventSubscriptions {

    private final Map<String, Object> kafkaConfig;
    private final ProcessedEvents processed;
    private final ObjectMapper json;
    private final String groupPrefix;
    private final List<Subscription> running = new CopyOnWriteArrayList<>();

    EventSubscriptions(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            ProcessedEvents processed, ObjectMapper json,
            @ConfigProperty(name = "chotdon.consumer-group-prefix", defaultValue = "${quarkus.application.name}")
            String groupPrefix) {
        this.kafkaConfig = kafkaConfig;
        this.processed = processed;
        this.json = json;
        this.groupPrefix = groupPrefix;
    }

    /**
     * @param name    the consumer's name, unique in the service; after chotdon.consumer-group-prefix
     *                (the application name unless set) it is the Kafka consumer group and the key of
     *                its processed-event records
     * @param topic   the topic to follow from its first record
     * @param handler applies one event
     */
    public Subscription subscribe(String name, String topic, EventHandler handler) {
        Subscription subscription = new Subscription(groupPrefix + "." + name, topic, handler, kafkaConfig,
                processed, json);
        running.add(subscription);
        subscription.start();
        return subscription;
    }

    void stopAll(@Observes ShutdownEvent event) {
        running.forEach(Subscription::stop);
        running.clear();
    }
}
