package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.readmodel.LiveLineups;
import vn.chotdon.order.service.SoldOutMemory;
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
