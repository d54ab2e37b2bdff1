package vn.chotdon.platform.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.platform.inbox.ProcessedEvents;
import vn.chotdon.platform.parking.ParkedEvents;

/**
 * One supervised consumer of one topic, see {@link EventSubscriptions}. Its thread runs a
 * {@link ConsumerLoop}; when that ends unexpectedly (an error the loop could not handle, the
 * thread interrupted, the client closed under it) a new Kafka consumer is started after a wait
 * that grows with each restart in a row, until the application stops.
 */
public final class Subscription {

    private static final Logger LOG = Logger.getLogger(Subscription.class);
    /** A consumer that ran this long without ending was healthy: the next restart waits the first backoff again. */
    private static final Duration HEALTHY_RUN = Duration.ofMinutes(5);

    private final String group;
    private final String topic;
    private final EventHandler handler;
    private final ProcessedEvents processed;
    private final ParkedEvents parked;
    private final EventRecords records;
    private final ConsumerSettings settings;
    private final Map<String, Object> consumerConfig;
    private final SubscriptionState state = new SubscriptionState();
    private final Thread thread;
    private volatile boolean running = true;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Consumer<String, String> current;

    Subscription(String group, String topic, EventHandler handler, Map<String, Object> kafkaConfig,
            ProcessedEvents processed, ParkedEvents parked, EventRecords records, ConsumerSettings settings) {
        this.group = group;
        this.topic = topic;
        this.handler = handler;
        this.processed = processed;
        this.parked = parked;
        this.records = records;
        this.settings = settings;
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
        this.consumerConfig = props;
        this.thread = new Thread(this::supervise, "consumer-" + group);
        this.thread.setDaemon(true);
    }

    public String group() {
        return group;
    }

    public String topic() {
        return topic;
    }

    public SubscriptionState state() {
        return state;
    }

    /** Whether its thread is alive; it ends only when the application stops. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * Applies the event once in a new transaction that also records it as processed, with
     * {@code alsoInTransaction} (a replay marks its parked event there).
     *
     * @return false when the event had been processed before (nothing was applied)
     */
    public boolean applyOnce(EventEnvelope<JsonNode> event, Runnable alsoInTransaction) throws Exception {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                boolean first = processed.firstDelivery(group, event.id());
                if (first) {
                    handler.handle(event);
                    handler.beforeCommit();
                }
                alsoInTransaction.run();
                return first;
            });
        } catch (QuarkusTransactionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Applies the events, in their order, in one new transaction that also records them all as
     * processed: one commit for the batch. An event processed before, or met earlier in the
     * batch, is skipped. If anything throws, nothing of the batch stays (neither effects nor
     * records), and the caller can take the events one by one with {@link #applyOnce}.
     *
     * @return how many events were applied
     */
    public int applyAllOnce(List<EventEnvelope<JsonNode>> events) throws Exception {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Set<String> fresh = processed.firstDeliveries(group, events.stream().map(EventEnvelope::id).toList());
                int applied = 0;
                for (EventEnvelope<JsonNode> event : events) {
                    if (fresh.remove(event.id())) {
                        handler.handle(event);
                        applied++;
                    }
                }
                if (applied > 0) {
                    handler.beforeCommit();
                }
                return applied;
            });
        } catch (QuarkusTransactionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        Consumer<String, String> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
        // No interrupt: one arriving while the consumer closes keeps it from leaving its group, and
        // the partitions of a stopped instance then wait out the session timeout.
        stopping.countDown();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void supervise() {
        RetryPolicy restarts = new RetryPolicy(1, Duration.ZERO, settings.restart().firstBackoff(),
                settings.restart().maxBackoff());
        int inARow = 0;
        while (running) {
            Instant started = Instant.now();
            Throwable ended = runOnce();
            if (!running) {
                break;
            }
            inARow = Duration.between(started, Instant.now()).compareTo(HEALTHY_RUN) > 0 ? 1 : inARow + 1;
            Duration wait = restarts.backoff(inARow);
            LOG.errorf(ended, "Consumer %s stopped unexpectedly; a new one starts in %s", group, wait);
            state.markRestarting(ended);
            Thread.interrupted();
            try {
                stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state.markStopped();
    }

    /** @return what ended the consumer, or null when it ended because the subscription stops */
    private Throwable runOnce() {
        Consumer<String, String> consumer = null;
        try {
            consumer = new KafkaConsumer<>(consumerConfig);
            current = consumer;
            new ConsumerLoop(this, consumer, () -> running, records, parked, RetryPolicy.of(settings.retry()), state,
                    settings.batchSize())
                    .run();
            return running ? new IllegalStateException("the consumer loop returned") : null;
        } catch (WakeupException | InterruptException e) {
            // Cleared so that closing still leaves the group at once: a new consumer need not wait out the session timeout.
            Thread.interrupted();
            return running ? e : null;
        } catch (Throwable e) {
            Thread.interrupted();
            return e;
        } finally {
            current = null;
            if (consumer != null) {
                closeQuietly(consumer);
            }
        }
    }

    private void closeQuietly(Consumer<String, String> consumer) {
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debugf("Consumer %s did not close cleanly: %s", group, e.getMessage());
        }
    }
}
