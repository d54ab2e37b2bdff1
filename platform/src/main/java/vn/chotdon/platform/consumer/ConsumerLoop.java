package vn.chotdon.platform.consumer;

import vn.chotdon.platform.database.DatabaseOutage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.platform.consumer.EventRecords.Readable;
import vn.chotdon.platform.consumer.EventRecords.Unreadable;
import vn.chotdon.platform.consumer.RetryPolicy.Decision;
import vn.chotdon.platform.consumer.RetryPolicy.Next;
import vn.chotdon.platform.parking.ParkedEvents;
import vn.chotdon.platform.parking.ParkingTicket;

/**
 * One life of a subscription's Kafka consumer, on its thread: poll, apply the records in order,
 * commit what was applied or parked. The readable events of a poll are applied together, up to
 * the batch size, in one transaction (one commit instead of one per event); a record that cannot
 * be read is parked in between, and a batch that fails as a whole is applied again one event at a
 * time, so that only the event at fault is retried and parked. While an event fails, every
 * assigned partition is paused and the consumer keeps polling between attempts, so it stays in
 * its group however long the retries last. Ends when the subscription stops, or with the exception that ended it (the
 * subscription then starts a new one).
 */
final class ConsumerLoop {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PAUSED_POLL = Duration.ofMillis(100);
    private static final Duration LAG_EVERY = Duration.ofSeconds(5);
    private static final Duration KAFKA_CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Subscription subscription;
    private final Consumer<String, String> consumer;
    private final BooleanSupplier running;
    private final EventRecords records;
    private final ParkedEvents parked;
    private final RetryPolicy policy;
    private final SubscriptionState state;
    private final int batchSize;
    /** Per partition of the current poll: the offset of the first record not yet applied or parked. */
    private final Map<TopicPartition, Long> next = new HashMap<>();
    /** Offsets applied or parked and not yet committed. */
    private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    private volatile boolean rebalanced;
    /** True while the partitions are paused between two attempts: partitions assigned meanwhile are paused too. */
    private boolean waiting;
    private Instant lagMeasuredAt = Instant.EPOCH;

    ConsumerLoop(Subscription subscription, Consumer<String, String> consumer, BooleanSupplier running,
            EventRecords records, ParkedEvents parked, RetryPolicy policy, SubscriptionState state, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("chotdon.consumers.batch-size must be at least 1, not " + batchSize);
        }
        this.subscription = subscription;
        this.consumer = consumer;
        this.running = running;
        this.records = records;
        this.parked = parked;
        this.policy = policy;
        this.state = state;
        this.batchSize = batchSize;
    }

    void run() {
        consumer.subscribe(List.of(subscription.topic()), new Rebalance());
        while (running.getAsBoolean()) {
            rebalanced = false;
            ConsumerRecords<String, String> poll = consumer.poll(POLL);
            if (state.status() == SubscriptionState.Status.STARTING
                    || state.status() == SubscriptionState.Status.RESTARTING) {
                state.markRunning();
            }
            next.clear();
            for (TopicPartition partition : poll.partitions()) {
                next.put(partition, poll.records(partition).get(0).offset());
            }
            if (!applyInOrder(poll)) {
                rewindUnfinished();
            }
            commitDone();
            measureLag();
        }
    }

    /** A readable record waiting for its batch's transaction. */
    private record Pending(ConsumerRecord<String, String> record, EventEnvelope<JsonNode> event) {
    }

    /**
     * Applies or parks the poll's records in their order: readable events in batches, a record
     * that cannot be read parked at once after the events before it.
     *
     * @return true when every record was applied or parked; false when the poll must be given up (stop, rebalance)
     */
    private boolean applyInOrder(ConsumerRecords<String, String> poll) {
        List<Pending> pending = new ArrayList<>();
        for (ConsumerRecord<String, String> record : poll) {
            EventRecords.Read read = records.read(record.value());
            if (read instanceof Unreadable unreadable) {
                if (!applyBatch(pending)) {
                    return false;
                }
                LOG.errorf("Consumer %s parks %s-%d@%d at once: %s", subscription.group(), record.topic(),
                        record.partition(), record.offset(), unreadable.reason());
                if (!park(ticket(record, unreadable.eventId(), unreadable.type(), unreadable.cooperativeId(), false,
                        unreadable.reason(), 0))) {
                    return false;
                }
                markDone(record);
                continue;
            }
            pending.add(new Pending(record, ((Readable) read).event()));
            if (pending.size() >= batchSize && !applyBatch(pending)) {
                return false;
            }
        }
        return applyBatch(pending);
    }

    /**
     * Applies the pending events in one transaction; if that fails, one by one, each with its
     * retries and parking. Empties {@code pending} when done.
     *
     * @return false when the poll must be given up (stop, rebalance)
     */
    private boolean applyBatch(List<Pending> pending) {
        if (pending.size() > 1) {
            try {
                state.countApplied(subscription.applyAllOnce(pending.stream().map(Pending::event).toList()));
                pending.forEach(done -> markDone(done.record()));
                pending.clear();
                recovered();
                return true;
            } catch (Exception e) {
                // Nothing of the batch stayed. Which event is at fault (if any: a deadlock or an
                // outage fails a batch too) is found by taking them one at a time.
                state.countBatchGivenUp();
                LOG.warnf("Consumer %s could not apply %d events in one transaction; applying them one by one: %s",
                        subscription.group(), pending.size(), SubscriptionState.describe(e));
            }
        }
        for (Pending one : pending) {
            if (!apply(one.record(), one.event())) {
                return false;
            }
            markDone(one.record());
        }
        pending.clear();
        return true;
    }

    /** @return true when the event was applied or parked; false when the poll must be given up (stop, rebalance) */
    private boolean apply(ConsumerRecord<String, String> record, EventEnvelope<JsonNode> event) {
        int failures = 0;
        int databaseWaits = 0;
        Duration retryingFor = Duration.ZERO;
        while (running.getAsBoolean()) {
            Instant started = Instant.now();
            try {
                if (subscription.applyOnce(event, () -> { })) {
                    state.countApplied();
                }
                recovered();
                return true;
            } catch (Exception e) {
                Decision decision = policy.afterFailure(e, failures + (DatabaseOutage.isCauseOf(e) ? 0 : 1),
                        databaseWaits, retryingFor.plus(Duration.between(started, Instant.now())));
                if (decision.next() == Next.WAIT_FOR_DATABASE) {
                    databaseWaits++;
                    LOG.warnf("Consumer %s waits %s for the database before applying event %s again: %s",
                            subscription.group(), decision.pause(), event.id(), SubscriptionState.describe(e));
                    state.markFailing(SubscriptionState.Status.WAITING_FOR_DATABASE, e);
                } else {
                    failures++;
                    if (failures == 1 && alreadyParked(record)) {
                        LOG.infof("Consumer %s skips %s-%d@%d, parked before", subscription.group(), record.topic(),
                                record.partition(), record.offset());
                        recovered();
                        return true;
                    }
                    if (decision.next() == Next.PARK) {
                        LOG.errorf(e, "Consumer %s parks event %s (%s) after %d failed attempt(s)",
                                subscription.group(), event.id(), event.type(), failures);
                        return park(ticket(record, event.id(), event.type(), EventRecords.cooperativeOf(event.data()),
                                true, SubscriptionState.describe(e), failures));
                    }
                    LOG.warnf("Consumer %s could not apply event %s (%s), attempt %d; retrying in %s: %s",
                            subscription.group(), event.id(), event.type(), failures, decision.pause(),
                            SubscriptionState.describe(e));
                    state.markFailing(SubscriptionState.Status.RETRYING, e);
                    retryingFor = retryingFor.plus(Duration.between(started, Instant.now())).plus(decision.pause());
                }
                if (!pauseFor(decision.pause())) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Parks the record; while the database cannot take it, keeps the partitions paused and tries again. */
    private boolean park(ParkingTicket ticket) {
        int failures = 0;
        while (running.getAsBoolean()) {
            try {
                if (parked.park(ticket)) {
                    state.countParked(ticket.error());
                }
                recovered();
                return true;
            } catch (Exception e) {
                failures++;
                Duration wait = policy.backoff(failures);
                LOG.warnf("Consumer %s could not park %s-%d@%d, trying again in %s: %s", subscription.group(),
                        ticket.topic(), ticket.partition(), ticket.offset(), wait, SubscriptionState.describe(e));
                state.markFailing(DatabaseOutage.isCauseOf(e) ? SubscriptionState.Status.WAITING_FOR_DATABASE
                        : SubscriptionState.Status.RETRYING, e);
                if (!pauseFor(wait)) {
                    return false;
                }
            }
        }
        return false;
    }

    private boolean alreadyParked(ConsumerRecord<String, String> record) {
        try {
            return parked.isParked(subscription.group(), record.topic(), record.partition(), record.offset());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Pauses every assigned partition and polls (receiving nothing) until the wait is over, so that
     * the group does not take this member for dead. Offsets done so far are committed first.
     *
     * @return false when the wait ended because the subscription stops or the partitions were reassigned
     */
    private boolean pauseFor(Duration wait) {
        consumer.pause(consumer.assignment());
        commitDone();
        waiting = true;
        try {
            return pollPausedUntil(Instant.now().plus(wait));
        } finally {
            waiting = false;
        }
    }

    private boolean pollPausedUntil(Instant until) {
        while (running.getAsBoolean()) {
            Duration left = Duration.between(Instant.now(), until);
            ConsumerRecords<String, String> unexpected = consumer.poll(left.compareTo(PAUSED_POLL) < 0
                    ? (left.isNegative() ? Duration.ZERO : left) : PAUSED_POLL);
            if (!unexpected.isEmpty()) {
                // Only partitions assigned during the wait can deliver; they are read again from here later.
                for (TopicPartition partition : unexpected.partitions()) {
                    consumer.seek(partition, unexpected.records(partition).get(0).offset());
                }
            }
            if (rebalanced) {
                return false;
            }
            measureLag();
            if (!Instant.now().isBefore(until)) {
                return true;
            }
        }
        return false;
    }

    private void recovered() {
        resumeAll();
        if (state.status() != SubscriptionState.Status.RUNNING) {
            state.markRunning();
        }
    }

    private void resumeAll() {
        Set<TopicPartition> paused = consumer.paused();
        if (!paused.isEmpty()) {
            consumer.resume(paused);
        }
    }

    private void markDone(ConsumerRecord<String, String> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        next.put(partition, record.offset() + 1);
    }

    /** The poll was given up: every partition still ours is read again from its first record not done. */
    private void rewindUnfinished() {
        Set<TopicPartition> assigned = consumer.assignment();
        for (Map.Entry<TopicPartition, Long> partition : next.entrySet()) {
            if (assigned.contains(partition.getKey())) {
                consumer.seek(partition.getKey(), partition.getValue());
            }
        }
        resumeAll();
    }

    private void commitDone() {
        if (done.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(done);
        done.clear();
        try {
            consumer.commitSync(offsets, KAFKA_CALL_TIMEOUT);
        } catch (KafkaException e) {
            // Not fatal: the records are delivered again and recognised (processed or parked before).
            LOG.warnf("Consumer %s could not commit %s: %s", subscription.group(), offsets, e.getMessage());
        }
    }

    private void measureLag() {
        if (Instant.now().isBefore(lagMeasuredAt.plus(LAG_EVERY))) {
            return;
        }
        lagMeasuredAt = Instant.now();
        try {
            Set<TopicPartition> assigned = consumer.assignment();
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, KAFKA_CALL_TIMEOUT);
            long lag = 0;
            for (TopicPartition partition : assigned) {
                long from = next.containsKey(partition) ? next.get(partition)
                        : consumer.position(partition, KAFKA_CALL_TIMEOUT);
                lag += Math.max(0, ends.getOrDefault(partition, from) - from);
            }
            state.measuredLag(lag);
        } catch (KafkaException e) {
            LOG.debugf("Consumer %s could not measure its lag: %s", subscription.group(), e.getMessage());
        }
    }

    private ParkingTicket ticket(ConsumerRecord<String, String> record, String eventId, String type, Long cooperativeId,
            boolean readable, String error, int attempts) {
        return new ParkingTicket(subscription.group(), record.topic(), record.partition(), record.offset(),
                record.key(), eventId, type, cooperativeId, record.value(), readable, error, attempts);
    }

    /** Commits what was done before partitions go to another member, and gives up the poll in hand. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitDone();
            rebalanced |= !partitions.isEmpty();
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (waiting) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            done.keySet().removeAll(partitions);
            rebalanced |= !partitions.isEmpty();
        }
    }
}
