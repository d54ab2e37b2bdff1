package vn.chotdon.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.chotdon.platform.outbox.Outbox;
import vn.chotdon.platform.outbox.OutboxRelay;
import vn.chotdon.platform.outbox.OutboxRetention;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventTap;
import vn.chotdon.testing.EventTap.Received;
import vn.chotdon.testing.TestTokens;

/**
 * The outbox relay with several relayers at once (rounds raced from many threads, as several
 * instances would), a row Kafka refuses for good, retention, and how soon a commit reaches Kafka.
 * Polls every 0.2 s here, as the relay did before it was woken by commits, to compare the two.
 */
@QuarkusTest
@TestProfile(OutboxRelayTest.PollingAsBefore.class)
class OutboxRelayTest {

    public static class PollingAsBefore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chotdon.outbox.poll-interval", "0.2s");
        }
    }

    private static final String TYPE = "vn.chotdon.test.relayed";
    private static final int TOO_LARGE = 1_200_000;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxRetention retention;

    @Inject
    Scheduler scheduler;

    Db db = Db.ofApplication();

    @Test
    void relayersRacingSendEveryRowOnceAndEachKeyInTheOrderItWasWritten() throws Exception {
        String topic = "chotdon.test.relay-race-" + UUID.randomUUID();
        int writers = 8;
        int rowsEach = 60;
        // Each writer writes its own keys one row after another, as the events of one aggregate follow
        // one another; rows of different keys race.
        List<String> keys = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            keys.add("session-" + w + "-a");
            keys.add("session-" + w + "-b");
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger busyRounds = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger failedRounds = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(writers + 4);
        try (EventTap tap = EventTap.onTopic(topic)) {
            List<Future<?>> relayers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                relayers.add(threads.submit(() -> {
                    while (writing.get() || unpublished(topic) > 0) {
                        try {
                            OutboxRelay.Round round = relay.relayRound();
                            rounds.incrementAndGet();
                            if (round.leaseBusy()) {
                                busyRounds.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            // As the relay thread does: a round that got no connection in time runs again.
                            failedRounds.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                writes.add(threads.submit(() -> {
                    for (int i = 0; i < rowsEach; i++) {
                        String key = keys.get(2 * writer + i % 2);
                        write(topic, key, Map.of("writer", writer, "n", i));
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> relayer : relayers) {
                relayer.get(120, TimeUnit.SECONDS);
            }

            int total = writers * rowsEach;
            tap.awaitMatching(e -> TYPE.equals(e.type()), total, Duration.ofSeconds(60));
            List<Received> delivered = tap.drainMatching(e -> TYPE.equals(e.type()), Duration.ofSeconds(2));
            assertThat(delivered).as("records on the topic").hasSize(total);
            assertThat(delivered.stream().map(Received::id).distinct().count()).as("distinct event ids").isEqualTo(total);
            for (String key : keys) {
                List<String> onTopic = delivered.stream().filter(e -> key.equals(e.key())).map(Received::id).toList();
                assertThat(onTopic).as("events of " + key + " on the topic, in outbox id order")
                        .isEqualTo(eventIdsInIdOrder(topic, key));
            }
            System.out.printf("Relay race: %d rows by %d writers, %d rounds raced by 4 threads, %d found the lease"
                    + " taken, %d failed%n", total, writers, rounds.get(), busyRounds.get(), failedRounds.get());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRowKafkaRefusesIsParkedTheRowsBehindItGoOutAndAnAdminReleasesIt() {
        String topic = "chotdon.test.relay-poison-" + UUID.randomUUID();
        try (EventTap tap = EventTap.onTopic(topic)) {
            String before = write(topic, "session-1", Map.of("n", 1));
            String tooLarge = write(topic, "session-1", Map.of("n", 2, "blob", "x".repeat(TOO_LARGE)));
            String invalidTopic = writeTo("not a valid topic!", "session-1", Map.of("n", 3));
            String after = write(topic, "session-1", Map.of("n", 4));
            String otherKey = write(topic, "session-2", Map.of("n", 5));

            List<Received> delivered = tap.awaitMatching(e -> TYPE.equals(e.type()), 3, Duration.ofSeconds(30));
            assertThat(delivered.stream().filter(e -> "session-1".equals(e.key())).map(Received::id))
                    .as("the rows behind the refused ones, in order").containsExactly(before, after);
            assertThat(delivered).extracting(Received::id).contains(otherKey);
            await().atMost(Duration.ofSeconds(30)).until(() -> parked(tooLarge) && parked(invalidTopic));
            assertThat(db.text("SELECT last_error FROM outbox_event WHERE event_id = ?", tooLarge))
                    .contains("RecordTooLargeException");
            assertThat(db.text("SELECT last_error FROM outbox_event WHERE event_id = ?", invalidTopic))
                    .contains("InvalidTopicException");

            long id = db.number("SELECT id FROM outbox_event WHERE event_id = ?", tooLarge);
            Callers.as(TestTokens.admin()).queryParam("size", 100).get("/admin/outbox/parked").then().statusCode(200)
                    .body("items.eventId", hasItem(tooLarge))
                    .body("items.find { it.eventId == '" + tooLarge + "' }.attempts", is(1))
                    .body("items.find { it.eventId == '" + tooLarge + "' }.topic", is(topic));

            // As if the broker's limit were raised: Kafka now takes the row, and the admin releases it.
            db.execute("UPDATE outbox_event SET payload = REPLACE(payload, ?, 'x') WHERE id = ?", "x".repeat(TOO_LARGE), id);
            Callers.as(TestTokens.admin()).post("/admin/outbox/parked/" + id + "/retry").then().statusCode(200)
                    .body("parkedAt", nullValue());
            tap.awaitMatching(e -> tooLarge.equals(e.id()), 1, Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> db.number(
                    "SELECT COUNT(*) FROM outbox_event WHERE id = ? AND published_at IS NOT NULL", id) == 1);
            Callers.as(TestTokens.admin()).post("/admin/outbox/parked/" + id + "/retry").then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void retentionDeletesOnlyOldRelayedRowsAndTwoInstancesDeletingAtOnceAgree() throws Exception {
        String topic = "chotdon.test.relay-retention-" + UUID.randomUUID();
        for (int i = 0; i < 30; i++) {
            write(topic, "session-1", Map.of("n", i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(topic) == 0);
        // Only the two racing instances below delete: the application's own hourly run would be a third.
        scheduler.pause("outbox-retention");
        assertThat(scheduler.isPaused("outbox-retention")).as("the scheduled job is known by that name").isTrue();
        db.execute("UPDATE outbox_event SET published_at = ? WHERE topic = ? AND id % 3 <> 0",
                Instant.now().minus(Duration.ofDays(30)), topic);
        long old = db.number("SELECT COUNT(*) FROM outbox_event WHERE topic = ? AND published_at < ?", topic,
                Instant.now().minus(Duration.ofDays(8)));
        long all = db.number("SELECT COUNT(*) FROM outbox_event WHERE published_at < ?",
                Instant.now().minus(Duration.ofDays(8)));

        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Instant before = Instant.now().minus(Duration.ofDays(7));
            Future<Long> first = instances.submit(() -> retention.deleteRelayedBefore(before));
            Future<Long> second = instances.submit(() -> retention.deleteRelayedBefore(before));
            assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS))
                    .as("rows deleted by both").isEqualTo(all);
        } finally {
            instances.shutdownNow();
            scheduler.resume("outbox-retention");
        }
        assertThat(old).isPositive();
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE topic = ?", topic)).as("recent rows kept")
                .isEqualTo(30 - old);
    }

    @Test
    void aCommitReachesKafkaWithoutWaitingForThePoll() {
        String topic = "chotdon.test.relay-latency-" + UUID.randomUUID();
        write(topic, "warm-up", Map.of("n", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(topic) == 0);

        List<Long> woken = new ArrayList<>();
        List<Long> polled = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            String announced = write(topic, "session-1", Map.of("n", i));
            woken.add(millisToPublished(announced, started));
            String unannounced = UUID.randomUUID().toString();
            started = System.nanoTime();
            // Written without Outbox.record, so no commit wakes the relay: only the 0.2 s poll finds it.
            db.execute("INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, occurred_at)"
                    + " VALUES (?, ?, 'session-1', ?, ?, ?)", unannounced, topic, TYPE,
                    "{\"id\":\"" + unannounced + "\",\"type\":\"" + TYPE + "\"}", Instant.now());
            polled.add(millisToPublished(unannounced, started));
        }
        long wokenMedian = median(woken);
        long polledMedian = median(polled);
        System.out.printf("Commit to Kafka acknowledgement: woken by the commit median %d ms, max %d ms;"
                + " found by a 0.2 s poll (as before) median %d ms, max %d ms%n", wokenMedian,
                Collections.max(woken), polledMedian, Collections.max(polled));
        assertThat(wokenMedian).as("median ms from commit to acknowledgement").isLessThan(polledMedian);
    }

    /**
     * From just before the row's transaction to the moment the relay has marked it acknowledged
     * (the database keeps whole seconds on the test server, so the test clock measures).
     */
    private long millisToPublished(String eventId, long startedNanos) {
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                .until(() -> db.number("SELECT COUNT(*) FROM outbox_event WHERE event_id = ?"
                        + " AND published_at IS NOT NULL", eventId) == 1);
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
        return sorted.get(sorted.size() / 2);
    }

    private String write(String topic, String key, Map<String, Object> data) {
        return writeTo(topic, key, data);
    }

    private String writeTo(String topic, String key, Map<String, Object> data) {
        return QuarkusTransaction.requiringNew().call(() -> outbox
                .record(topic, "test", key, key, TYPE, 1, data).id());
    }

    private boolean parked(String eventId) {
        return db.number("SELECT COUNT(*) FROM outbox_event WHERE event_id = ? AND parked_at IS NOT NULL"
                + " AND published_at IS NULL", eventId) == 1;
    }

    private long unpublished(String topic) {
        return db.number("SELECT COUNT(*) FROM outbox_event WHERE topic = ? AND published_at IS NULL"
                + " AND parked_at IS NULL", topic);
    }

    private List<String> eventIdsInIdOrder(String topic, String key) {
        List<String> ids = new ArrayList<>();
        long count = db.number("SELECT COUNT(*) FROM outbox_event WHERE topic = ? AND message_key = ?", topic, key);
        for (long offset = 0; offset < count; offset++) {
            ids.add(db.text("SELECT event_id FROM outbox_event WHERE topic = ? AND message_key = ? ORDER BY id"
                    + " LIMIT 1 OFFSET " + offset, topic, key));
        }
        return ids;
    }
}
