package vn.chotdon.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import vn.chotdon.events.EventEnvelope;

/**
 * Sends outbox rows to Kafka in the order they were written, then marks them relayed. Runs on
 * its own scheduler thread, so a slow or absent broker never holds up an API request: the rows
 * wait and go out when the broker is back. Delivery is at least once (a row whose
 * acknowledgement was lost is sent again), which is why every consumer deduplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Counter relayed;
    private final Counter failures;
    private volatile Producer<String, String> producer;
    private volatile boolean lastRunFailed;

    OutboxRelay(EntityManager em, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.relayed = metrics.counter("chotdon.outbox.relayed");
        this.failures = metrics.counter("chotdon.outbox.relay.failures");
    }

    void start(@Observes StartupEvent event) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        long timeoutMs = config.sendTimeout().toMillis();
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeoutMs / 3));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
        producer = new KafkaProducer<>(props);
    }

    void stop(@Observes ShutdownEvent event) {
        Producer<String, String> p = producer;
        producer = null;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    @Scheduled(identity = "outbox-relay", every = "${chotdon.outbox.poll-interval:0.2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        if (producer == null) {
            return;
        }
        boolean fullBatchRelayed;
        do {
            fullBatchRelayed = relayBatch();
        } while (fullBatchRelayed);
    }

    /** @return true when a whole batch went out, so more rows may be waiting */
    boolean relayBatch() {
        List<OutboxEvent> batch = QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("from OutboxEvent where publishedAt is null order by id", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .getResultList());
        if (batch.isEmpty()) {
            return false;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        try {
            for (OutboxEvent row : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.messageKey, row.payload);
                record.headers()
                        .add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))
                        .add("ce_id", row.eventId.getBytes(StandardCharsets.UTF_8))
                        .add("ce_type", row.eventType.getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
        } catch (RuntimeException e) {
            noteFailure(e);
        }
        List<Long> done = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(config.sendTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
                done.add(batch.get(i).id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                noteFailure(e);
                break;
            }
        }
        if (!done.isEmpty()) {
            Instant now = Instant.now();
            QuarkusTransaction.requiringNew().run(() -> em
                    .createQuery("update OutboxEvent set publishedAt = :now where id in :ids")
                    .setParameter("now", now)
                    .setParameter("ids", done)
                    .executeUpdate());
            relayed.increment(done.size());
            if (lastRunFailed) {
                LOG.infof("Outbox relay reaches Kafka again; relayed %d waiting event(s)", done.size());
                lastRunFailed = false;
            }
        }
        return done.size() == config.batchSize();
    }

    private void noteFailure(Exception e) {
        failures.increment();
        if (!lastRunFailed) {
            LOG.warnf("Outbox relay cannot reach Kafka (%s); events wait in the outbox and are retried", e.toString());
        }
        lastRunFailed = true;
    }

    @Scheduled(identity = "outbox-cleanup", every = "1h", delayed = "1m")
    void deleteRelayedRows() {
        Instant before = Instant.now().minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("delete from OutboxEvent where publishedAt < :before")
                .setParameter("before", before)
                .executeUpdate());
    }
}
