package vn.chotdon.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * a thread of its own, woken by every commit that wrote outbox rows on this instance and by a
 * slow poll, so a slow or absent broker never holds up an API request: the rows wait and go out
 * when the broker is back.
 *
 * <p>With several instances, one relays at a time: a round is one transaction that first locks
 * the {@code relay} row of {@code outbox_relay_lease} with {@code FOR UPDATE SKIP LOCKED}; an
 * instance that gets nothing leaves the round to the one relaying and tries again shortly. Within
 * the round one idempotent producer sends the rows in id order and the round commits only after
 * their acknowledgements, so rows of one key written one after another (the events of one
 * aggregate) reach its partition in that order; rows of concurrent transactions have no order
 * between them and go out as their commits make them visible. A row Kafka refuses for good is
 * parked with its error and no longer holds up the rows behind it; a row refused at once for a
 * reason that may pass (no metadata, the broker away) stops the rest of its topic for the round,
 * so no later event of its key overtakes it. Delivery is at least once (a row whose acknowledgement was lost is sent again), which is why
 * every consumer deduplicates by event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String TAKE_LEASE =
            "SELECT name FROM outbox_relay_lease WHERE name = 'relay' FOR UPDATE SKIP LOCKED";
    private static final int ERROR_LENGTH = 1000;

    /** What one round did. */
    public record Round(boolean leaseBusy, int read, int published, int parked, int waiting) {

        static Round busy() {
            return new Round(true, 0, 0, 0, 0);
        }

        /** A full batch that made progress: more rows may be waiting right behind it. */
        boolean mayHaveMore(int batchSize) {
            return !leaseBusy && read == batchSize && published + parked > 0;
        }
    }

    private final EntityManager em;
    private final OutboxConfig config;
    private final RelaySignal signal;
    private final Map<String, Object> kafkaConfig;
    private final Counter relayed;
    private final Counter failures;
    private final Counter parkedRows;
    private volatile Producer<String, String> producer;
    private volatile boolean running;
    private volatile boolean lastRunFailed;
    private boolean lastRoundFailed;
    private Thread worker;

    OutboxRelay(EntityManager em, OutboxConfig config, RelaySignal signal,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.signal = signal;
        this.kafkaConfig = kafkaConfig;
        this.relayed = metrics.counter("chotdon.outbox.relayed");
        this.failures = metrics.counter("chotdon.outbox.relay.failures");
        this.parkedRows = metrics.counter("chotdon.outbox.parked");
    }

    void start(@Observes StartupEvent event) {
        producer = newProducer();
        running = true;
        worker = new Thread(this::relayWhenWoken, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        signal.wake();
        if (worker != null) {
            worker.join(2000);
            worker.interrupt();
            worker.join(2000);
        }
        Producer<String, String> p = producer;
        producer = null;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    private void relayWhenWoken() {
        Duration wait = Duration.ZERO;
        while (running) {
            try {
                signal.await(wait);
            } catch (InterruptedException e) {
                return;
            }
            wait = relayPending();
        }
    }

    /** Relays rounds while rows may be waiting; returns how long to sleep before looking again. */
    private Duration relayPending() {
        while (running) {
            Round round;
            try {
                round = relayRound();
            } catch (RuntimeException e) {
                // The database is away, say: the rows are safe in it, and the next round tries again.
                if (!lastRoundFailed) {
                    LOG.warnf("Outbox relay round failed (%s); retrying every %s", e, config.pollInterval());
                }
                lastRoundFailed = true;
                return config.pollInterval();
            }
            if (lastRoundFailed) {
                LOG.info("Outbox relay rounds run again");
                lastRoundFailed = false;
            }
            if (round.leaseBusy()) {
                return config.leaseRetry();
            }
            if (!round.mayHaveMore(config.batchSize())) {
                return config.pollInterval();
            }
        }
        return Duration.ZERO;
    }

    /**
     * One relay round now, as the relay thread runs it: takes the relay lease, sends the next
     * rows in id order, and records in the same transaction what Kafka answered. Rounds of several
     * threads or instances never overlap; a caller that finds the lease taken gets
     * {@link Round#leaseBusy()}.
     */
    public Round relayRound() {
        Producer<String, String> p = producer;
        if (p == null) {
            return Round.busy();
        }
        int timeoutSeconds = (int) config.sendTimeout().plusSeconds(30).toSeconds();
        Round round = QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            if (em.createNativeQuery(TAKE_LEASE).getResultList().isEmpty()) {
                return Round.busy();
            }
            List<OutboxEvent> rows = em
                    .createQuery("from OutboxEvent where publishedAt is null and parkedAt is null order by id",
                            OutboxEvent.class)
                    .setMaxResults(config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return new Round(false, 0, 0, 0, 0);
            }
            Outcomes outcomes = send(p, rows);
            record(outcomes);
            return new Round(false, rows.size(), outcomes.published.size(), outcomes.parked.size(),
                    rows.size() - outcomes.published.size() - outcomes.parked.size());
        });
        if (round.published() > 0 && lastRunFailed && round.waiting() == 0) {
            LOG.infof("Outbox relay reaches Kafka again; relayed %d waiting event(s)", round.published());
            lastRunFailed = false;
        }
        return round;
    }

    /** What Kafka answered for each row of a round. */
    private static final class Outcomes {
        final List<Long> published = new ArrayList<>();
        final Map<OutboxEvent, Throwable> parked = new LinkedHashMap<>();
        final Map<OutboxEvent, Throwable> failed = new LinkedHashMap<>();

        void failed(OutboxEvent row, Throwable failure) {
            if (KafkaRefusal.refusesTheRowForGood(failure)) {
                parked.put(row, failure);
            } else {
                failed.put(row, failure);
            }
        }
    }

    private record Sent(OutboxEvent row, Future<RecordMetadata> ack) {
    }

    private Outcomes send(Producer<String, String> p, List<OutboxEvent> rows) {
        Outcomes outcomes = new Outcomes();
        Set<String> stoppedTopics = new HashSet<>();
        List<Sent> sent = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            if (stoppedTopics.contains(row.topic)) {
                continue;
            }
            Future<RecordMetadata> ack;
            try {
                ack = p.send(record(row));
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            Throwable refusedAtOnce = ack.isDone() ? failureOf(ack) : null;
            if (refusedAtOnce == null) {
                sent.add(new Sent(row, ack));
                continue;
            }
            outcomes.failed(row, refusedAtOnce);
            if (!outcomes.parked.containsKey(row)) {
                // No metadata in time, a full buffer: the topic's later rows would fail the same way
                // and must not overtake this one.
                stoppedTopics.add(row.topic);
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().plusSeconds(1).toNanos();
        for (Sent s : sent) {
            try {
                s.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                outcomes.published.add(s.row().id);
            } catch (ExecutionException e) {
                outcomes.failed(s.row(), e.getCause() == null ? e : e.getCause());
            } catch (TimeoutException e) {
                outcomes.failed(s.row(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return outcomes;
    }

    private static Throwable failureOf(Future<RecordMetadata> done) {
        try {
            done.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static ProducerRecord<String, String> record(OutboxEvent row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.messageKey, row.payload);
        record.headers()
                .add("content-type", EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))
                .add("ce_id", row.eventId.getBytes(StandardCharsets.UTF_8))
                .add("ce_type", row.eventType.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void record(Outcomes outcomes) {
        Instant now = Instant.now();
        if (!outcomes.published.isEmpty()) {
            em.createQuery("update OutboxEvent set publishedAt = :now where id in :ids")
                    .setParameter("now", now)
                    .setParameter("ids", outcomes.published)
                    .executeUpdate();
            relayed.increment(outcomes.published.size());
        }
        outcomes.parked.forEach((row, failure) -> {
            em.createQuery("update OutboxEvent set attempts = attempts + 1, lastError = :error, parkedAt = :now"
                    + " where id = :id")
                    .setParameter("error", describe(failure))
                    .setParameter("now", now)
                    .setParameter("id", row.id)
                    .executeUpdate();
            parkedRows.increment();
            LOG.warnf("Outbox event %s (%s to %s) parked: Kafka refuses it (%s); an admin can release it with"
                    + " POST /admin/outbox/parked/%d/retry", row.eventId, row.eventType, row.topic, describe(failure),
                    row.id);
        });
        if (!outcomes.failed.isEmpty()) {
            Map<String, List<Long>> byError = new HashMap<>();
            outcomes.failed.forEach((row, failure) ->
                    byError.computeIfAbsent(describe(failure), error -> new ArrayList<>()).add(row.id));
            byError.forEach((error, ids) -> em
                    .createQuery("update OutboxEvent set attempts = attempts + 1, lastError = :error where id in :ids")
                    .setParameter("error", error)
                    .setParameter("ids", ids)
                    .executeUpdate());
            Throwable first = outcomes.failed.values().iterator().next();
            noteFailure(first);
            if (KafkaRefusal.brokeTheProducer(first)) {
                replaceProducer();
            }
        }
    }

    private void noteFailure(Throwable e) {
        failures.increment();
        if (!lastRunFailed) {
            LOG.warnf("Outbox relay cannot reach Kafka (%s); events wait in the outbox and are retried", e.toString());
        }
        lastRunFailed = true;
    }

    private static String describe(Throwable failure) {
        String text = failure.getClass().getName() + ": " + failure.getMessage();
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }

    private synchronized void replaceProducer() {
        Producer<String, String> old = producer;
        if (old == null) {
            return;
        }
        producer = newProducer();
        old.close(Duration.ZERO);
        LOG.warn("Outbox relay replaced its Kafka producer after a producer-level failure");
    }

    private Producer<String, String> newProducer() {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence with at most 5 requests in flight keeps each partition's order across retries.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        long timeoutMs = config.sendTimeout().toMillis();
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeoutMs / 3));
        // A topic whose metadata cannot be had blocks send() this long, once per round (its topic then waits).
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1000, timeoutMs / 3));
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
        return new KafkaProducer<>(props);
    }
}
