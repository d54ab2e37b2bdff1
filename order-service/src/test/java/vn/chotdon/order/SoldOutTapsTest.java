package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.readmodel.LiveLineups;
import vn.chotdon.order.service.IdempotencyKey;
import vn.chotdon.order.service.OrderPlacement;
import vn.chotdon.order.service.PlaceOrder;
import vn.chotdon.order.service.Placement;
import vn.chotdon.order.service.SoldOutMemory;
import vn.chotdon.order.service.UnitsInFlight;
import vn.chotdon.order.waitlist.service.JoinWaitlist;
import vn.chotdon.order.waitlist.service.WaitlistJoins;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;

/**
 * A flash sale's worker pool is full of orders waiting their turn; a tap for an item already found
 * sold out is answered without waiting behind them (on the event loop, its Idempotency-Key read by
 * the gathered reads), and still finds an order placed earlier with its key.
 */
@QuarkusTest
class SoldOutTapsTest {

    Db db = Db.ofApplication();

    @Inject
    SoldOutMemory soldOut;

    @Inject
    LiveLineups lineups;

    @Inject
    UnitsInFlight inFlight;

    @Inject
    OrderPlacement placement;

    @Inject
    WaitlistJoins joins;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.thread-pool.max-threads")
    int workerThreads;

    @BeforeEach
    void asABuyer() {
        Callers.anonymous();
    }

    @Test
    void soldOutTapsAreAnsweredWhileEveryWorkerIsBusyAndOrdersWait() throws Exception {
        LiveSale sale = new LiveSale().open();
        sale.item("NL01", "Nhãn lồng", 30000, 1, null);
        long hot = sale.item("BG01", "Bánh gio", 15000, 100, null);
        String firstKey = UUID.randomUUID().toString();
        String firstBody = Json.write(sale.order("NL01", 1, "0912345678"));
        String placed = post(firstKey, firstBody).join().body;
        assertThat(placed).contains("\"status\"");

        try (TakenWorkers workers = TakenWorkers.all(workerThreads)) {
            CompletableFuture<Answer> order = post(UUID.randomUUID().toString(),
                    Json.write(sale.order("BG01", 1, "0911111111")));

            soldOut.remember(lineups.of(sale.sessionId).orElseThrow().item("NL01").orElseThrow());
            List<CompletableFuture<Answer>> refusals = new ArrayList<>();
            refusals.add(post(UUID.randomUUID().toString(), Json.write(sale.order("NL01", 1, "0922222222"))));
            refusals.add(post(null, Json.write(sale.order("NL01", 2, "0933333333"))));
            CompletableFuture<Answer> retry = post(firstKey, firstBody);

            await().atMost(Duration.ofSeconds(30)).until(() -> refusals.stream().allMatch(CompletableFuture::isDone)
                    && retry.isDone());
            assertThat(order).as("the order waits for a worker").isNotDone();
            assertThat(refusals).allSatisfy(refusal -> {
                assertThat(refusal.join().status).isEqualTo(409);
                assertThat(refusal.join().body).contains("https://chotdon.vn/problems/sold-out");
            });
            assertThat(retry.join().status).as("the key's earlier order").isEqualTo(201);
            assertThat(retry.join().body).isEqualTo(placed);

            workers.release();
            assertThat(order.get(30, TimeUnit.SECONDS).status).isEqualTo(201);
        }
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(2);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", hot)).isEqualTo(1);
    }

    @Test
    void tapsForAnItemWhoseUnitsLeftAreAllBeingOrderedAreRefusedAtOnceAndAUnitGivenBackIsSoldToALaterTap()
            throws Exception {
        LiveSale sale = new LiveSale().open();
        long hot = sale.item("BG01", "Bánh gio", 15000, 6, 1);
        String repeatBuyer = "0912345678";
        assertThat(post(UUID.randomUUID().toString(), Json.write(sale.order("BG01", 1, repeatBuyer))).join().status)
                .isEqualTo(201);
        List<String> keys = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        List<String> tapKeys = new ArrayList<>();
        List<String> tapBodies = new ArrayList<>();

        try (TakenWorkers workers = TakenWorkers.all(workerThreads)) {
            // The five units left, claimed by five orders waiting for a worker: the repeat buyer's second
            // (over its limit of one, so refused once it runs) and four others.
            List<CompletableFuture<Answer>> orders = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                keys.add(UUID.randomUUID().toString());
                bodies.add(Json.write(sale.order("BG01", 1, i == 0 ? repeatBuyer : String.format("091100000%d", i))));
                lineups.readAgain(sale.sessionId);
                orders.add(post(keys.get(i), bodies.get(i)));
                long claimed = i + 1;
                await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.running(hot) == claimed);
            }
            CompletableFuture<Answer> retry = post(keys.get(1), bodies.get(1));

            for (int i = 0; i < 10; i++) {
                tapKeys.add(UUID.randomUUID().toString());
                tapBodies.add(Json.write(sale.order("BG01", 1, String.format("092%07d", i))));
                lineups.readAgain(sale.sessionId);
                Answer tap = post(tapKeys.get(i), tapBodies.get(i)).get(30, TimeUnit.SECONDS);
                assertThat(tap.status).isEqualTo(409);
                assertThat(tap.body).contains("https://chotdon.vn/problems/sold-out").contains("\"remaining\":0")
                        .contains("\"beingOrdered\":5");
            }
            assertThat(orders).as("the orders still wait for a worker").noneMatch(CompletableFuture::isDone);
            assertThat(retry).as("a retry of an order being placed waits for it, never refused").isNotDone();

            workers.release();
            assertThat(orders.get(0).get(30, TimeUnit.SECONDS).body).contains("https://chotdon.vn/problems/buyer-limit");
            for (int i = 1; i < 5; i++) {
                assertThat(orders.get(i).get(30, TimeUnit.SECONDS).status).isEqualTo(201);
            }
            assertThat(retry.get(30, TimeUnit.SECONDS).body).isEqualTo(orders.get(1).join().body);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.running(hot) == 0);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", hot)).isEqualTo(5);

        // The unit the refused order gave back goes to a tap sent again.
        lineups.readAgain(sale.sessionId);
        assertThat(post(tapKeys.get(0), tapBodies.get(0)).get(30, TimeUnit.SECONDS).status).isEqualTo(201);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(6);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", hot)).isEqualTo(6);
        assertThat(db.number("SELECT COUNT(*) FROM idempotency_key WHERE idem_key IN (?, ?, ?)",
                IdempotencyKey.of(tapKeys.get(1)).id(), IdempotencyKey.of(tapKeys.get(2)).id(),
                IdempotencyKey.of(tapKeys.get(3)).id())).as("a refusal keeps nothing").isZero();
    }

    @Test
    void aTapRefusedBecauseTheUnitsLeftAreBeingOrderedCanJoinTheWaitlist() throws Exception {
        LiveSale sale = new LiveSale().open();
        long hot = sale.item("BG01", "Bánh gio", 15000, 2, null);
        JoinWaitlist late = json.convertValue(WaitlistTest.joinBody("BG01", 1, "0933333333"), JoinWaitlist.class);
        assertThatThrownBy(() -> joins.join(sale.sessionId, late, null))
                .as("two units left, nobody ordering them").isInstanceOfSatisfying(ProblemException.class,
                        refused -> assertThat(refused.toProblem("/").type).endsWith("/not-sold-out"));

        try (TakenWorkers workers = TakenWorkers.all(workerThreads)) {
            List<CompletableFuture<Answer>> orders = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                lineups.readAgain(sale.sessionId);
                orders.add(post(UUID.randomUUID().toString(),
                        Json.write(sale.order("BG01", 1, String.format("091100000%d", i)))));
                long claimed = i + 1;
                await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.running(hot) == claimed);
            }
            lineups.readAgain(sale.sessionId);
            Answer tap = post(UUID.randomUUID().toString(), Json.write(sale.order("BG01", 1, "0933333333")))
                    .get(30, TimeUnit.SECONDS);
            assertThat(tap.body).contains("https://chotdon.vn/problems/sold-out").contains("\"beingOrdered\":2");

            // As the waitlist's resource calls it (on the test's thread: every worker is taken).
            WaitlistJoins.Joined joined = joins.join(sale.sessionId, late, null);
            assertThat(joined.accessToken()).as("a new entry").isNotNull();

            workers.release();
            for (CompletableFuture<Answer> order : orders) {
                assertThat(order.get(30, TimeUnit.SECONDS).status).isEqualTo(201);
            }
        }
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", hot)).isEqualTo(2);
        assertThat(db.number("SELECT COUNT(*) FROM waitlist_entry WHERE item_id = ? AND state = 'WAITING'", hot))
                .isEqualTo(1);
    }

    @Test
    void anOrderFromALiveCommentIsDecidedByTheDatabaseNotRefusedForTheUnitsTapsClaim() throws Exception {
        LiveSale sale = new LiveSale().open();
        long last = sale.item("BG01", "Bánh gio", 15000, 1, null);

        try (TakenWorkers workers = TakenWorkers.all(workerThreads)) {
            lineups.readAgain(sale.sessionId);
            CompletableFuture<Answer> tap = post(UUID.randomUUID().toString(),
                    Json.write(sale.order("BG01", 1, "0911111111")));
            await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.running(last) == 1);

            // As CommentOrders places it, on a thread of its own while the tap waits for a worker.
            Placement fromComment = placement.place(json.convertValue(sale.order("BG01", 1, "0922222222"),
                    PlaceOrder.class), "comment:" + UUID.randomUUID());

            assertThat(fromComment).isInstanceOf(Placement.Placed.class);
            workers.release();
            Answer refused = tap.get(30, TimeUnit.SECONDS);
            assertThat(refused.status).isEqualTo(409);
            assertThat(refused.body).contains("https://chotdon.vn/problems/sold-out").doesNotContain("beingOrdered");
        }
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(1);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", last)).isEqualTo(1);
    }

    /**
     * A flood of refusals from memory, each with its own key: the keys' reads are gathered in batches
     * on the reader threads and complete there, while other taps arrive on the event loops; every
     * answer is still the whole problem, and nothing is stored.
     */
    @Test
    void everyTapRefusedFromMemoryGetsTheWholeProblemWhileThousandsArrive() throws Exception {
        LiveSale sale = new LiveSale().open();
        sale.item("NL01", "Nhãn lồng", 30000, 1, null);
        assertThat(post(UUID.randomUUID().toString(), Json.write(sale.order("NL01", 1, "0912345678"))).join().status)
                .isEqualTo(201);
        soldOut.remember(lineups.of(sale.sessionId).orElseThrow().item("NL01").orElseThrow());
        String body = Json.write(sale.order("NL01", 1, "0922222222"));
        int taps = 3000;

        // As phones send them: a connection of its own per tap, hundreds open at once.
        Vertx vertx = Vertx.vertx();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        try {
            HttpClientOptions oneConnectionEach = new HttpClientOptions().setKeepAlive(false)
                    .setDefaultHost("localhost").setDefaultPort(RestAssured.port);
            HttpClient http = vertx.createHttpClient(oneConnectionEach, new PoolOptions().setHttp1MaxSize(256));
            Semaphore open = new Semaphore(256);
            CountDownLatch answered = new CountDownLatch(taps);
            // Each tap sent from the client's event loop, so that its body's reader is attached before the
            // answer can arrive (chained from this thread, a quick answer can come first and read empty).
            Context sender = vertx.getOrCreateContext();
            for (int t = 0; t < taps; t++) {
                open.acquire();
                RequestOptions tap = new RequestOptions().setMethod(HttpMethod.POST).setURI("/orders")
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Idempotency-Key", UUID.randomUUID().toString());
                sender.runOnContext(onLoop -> http.request(tap)
                        .compose(request -> request.send(Buffer.buffer(body)))
                        .compose(answer -> answer.body().map(read -> answer.statusCode() + " "
                                + answer.getHeader("Content-Type") + " " + read.toString(StandardCharsets.UTF_8)))
                        .onComplete(done -> {
                            String answer = done.succeeded() ? done.result() : done.cause().toString();
                            if (!answer.startsWith("409 application/problem+json ")
                                    || !answer.contains("https://chotdon.vn/problems/sold-out")) {
                                wrong.add(answer);
                            }
                            open.release();
                            answered.countDown();
                        }));
            }
            assertThat(answered.await(120, TimeUnit.SECONDS)).as("every tap answered").isTrue();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        assertThat(wrong).as("answers that are not the sold-out problem, of %d", taps).isEmpty();
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(1);
    }

    private record Answer(int status, String body) {
    }

    /** Each request on a thread of its own: the common pool has one thread on 2 cores. */
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    private CompletableFuture<Answer> post(String key, String body) {
        return CompletableFuture.supplyAsync(() -> {
            var request = given().contentType(ContentType.JSON).body(body);
            if (key != null) {
                request = request.header("Idempotency-Key", key);
            }
            var response = request.post("/orders");
            return new Answer(response.statusCode(), response.asString());
        }, clients);
    }
}
