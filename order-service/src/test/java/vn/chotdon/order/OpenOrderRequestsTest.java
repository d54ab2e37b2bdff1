package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.service.IdempotencyKey;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;

/**
 * A flood of taps: past chotdon.orders.max-open-requests the instance answers 503 orders-busy at
 * once, does nothing for those requests, and takes them when they are sent again; the orders it
 * holds open are placed as usual.
 */
@QuarkusTest
@TestProfile(OpenOrderRequestsTest.ThreeOpenAtMost.class)
class OpenOrderRequestsTest {

    public static class ThreeOpenAtMost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chotdon.orders.max-open-requests", String.valueOf(MOST));
        }
    }

    private static final int MOST = 3;
    private static final int TAPS = 20;

    Db db = Db.ofApplication();

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.thread-pool.max-threads")
    int workerThreads;

    @BeforeEach
    void asABuyer() {
        Callers.anonymous();
    }

    @Test
    void tapsPastTheOpenRequestCapAreAnsweredBusyAtOnceAndTakenWhenSentAgain() throws Exception {
        LiveSale sale = new LiveSale().open();
        long item = sale.item("BG01", "Bánh gio", 15000, 100, null);
        List<Tap> taps = new ArrayList<>();
        for (int i = 0; i < TAPS; i++) {
            taps.add(new Tap(UUID.randomUUID().toString(), Json.write(sale.order("BG01", 1, "09120000" + (10 + i)))));
        }

        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        // The orders let in stay open, waiting for a worker thread.
        try (TakenWorkers workers = TakenWorkers.all(workerThreads)) {
            CountDownLatch start = new CountDownLatch(1);
            for (Tap tap : taps) {
                answers.add(post(tap, start));
            }
            start.countDown();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> answers.stream().filter(CompletableFuture::isDone).count() == TAPS - MOST);
            assertThat(openRequests()).as("requests held open").isEqualTo(MOST);
            List<Answer> refused = answers.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
            assertThat(refused).allSatisfy(answer -> {
                assertThat(answer.status).isEqualTo(503);
                assertThat(answer.contentType).startsWith("application/problem+json");
                assertThat(answer.retryAfter).isEqualTo("1");
                assertThat(answer.body).contains("https://chotdon.vn/problems/orders-busy");
            });
            workers.release();
            await().atMost(Duration.ofSeconds(30)).until(() -> answers.stream().allMatch(CompletableFuture::isDone));
        }
        List<Tap> placed = new ArrayList<>();
        List<Tap> turnedAway = new ArrayList<>();
        for (int i = 0; i < TAPS; i++) {
            (answers.get(i).join().status == 201 ? placed : turnedAway).add(taps.get(i));
        }
        assertThat(placed).as("the requests held open, placed once a worker took them").hasSize(MOST);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(MOST);
        for (Tap tap : turnedAway) {
            assertThat(db.number("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", IdempotencyKey.of(tap.key).id()))
                    .as("nothing kept for a request turned away").isZero();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> openRequests() == 0);

        // Sent again one at a time, with their keys, they are placed.
        for (Tap tap : turnedAway) {
            assertThat(post(tap, new CountDownLatch(0)).get(30, TimeUnit.SECONDS).status).isEqualTo(201);
        }
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(TAPS);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", item)).isEqualTo(TAPS);
    }

    private double openRequests() {
        return metrics.get("chotdon.orders.open.requests").gauge().value();
    }

    private record Tap(String key, String body) {
    }

    private record Answer(int status, String contentType, String retryAfter, String body) {
    }

    /** Each request on a thread of its own, all sent when {@code start} opens. */
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    private CompletableFuture<Answer> post(Tap tap, CountDownLatch start) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            var response = given().contentType(ContentType.JSON).header("Idempotency-Key", tap.key).body(tap.body)
                    .post("/orders");
            return new Answer(response.statusCode(), response.contentType(), response.header("Retry-After"),
                    response.asString());
        }, clients);
    }
}
