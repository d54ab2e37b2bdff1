package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Db;

/**
 * Not a test: a rerunnable measurement of what one order costs on this machine, before and after a
 * change to the hot path. Its name keeps it out of the normal run; run it alone with
 * {@code -Dtest=HotPathMeasure}. A closed model (a fixed number of clients, each sending its next
 * order when the last one is answered) over one HTTP client, every request with its own
 * Idempotency-Key: accepted orders of one item with a large quota, then sold-out taps of an item
 * sold out. It prints throughput and latency percentiles and checks only that nothing was
 * oversold or lost; the numbers depend on whatever else runs on the machine (note `uptime`).
 */
@QuarkusTest
class HotPathMeasure {

    private static final int CLIENTS = Integer.getInteger("chotdon.measure.clients", 32);
    private static final int ORDERS = Integer.getInteger("chotdon.measure.orders", 3000);
    private static final int WARM_UP = 600;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Db db = Db.ofApplication();
    private long lastRunNanos;

    record Timed(int status, long nanos) {
    }

    @Test
    void measureAcceptedOrdersAndSoldOutTaps() throws Exception {
        // A loaded machine may take minutes to start the read model's consumer: wait for readiness.
        await().atMost(Duration.ofMinutes(5)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio Thanh Huệ", 15000, 1_000_000, null);
        sale.item("NL01", "Nhãn lồng", 30000, 1, null);
        run(WARM_UP, i -> Json.write(sale.order("BG01", 1, phone(900_000 + i))));
        run(1, i -> Json.write(sale.order("NL01", 1, "0912345678")));
        run(WARM_UP, i -> Json.write(sale.order("NL01", 1, phone(800_000 + i))));

        List<Timed> accepted = run(ORDERS, i -> Json.write(sale.order("BG01", 1, phone(i))));
        report("accepted", accepted, ORDERS);
        List<Timed> soldOut = run(ORDERS, i -> Json.write(sale.order("NL01", 1, phone(400_000 + i))));
        report("sold out", soldOut, ORDERS);

        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId))
                .isEqualTo(db.number("SELECT SUM(quantity) FROM order_line WHERE item_id = ?", itemId));
    }

    private static String phone(int i) {
        return String.format("09%08d", 10_000_000 + i);
    }

    private List<Timed> run(int requests, IntFunction<String> bodyOf) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            long started = System.nanoTime();
            List<Future<List<Timed>>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                work.add(clients.submit(() -> {
                    List<Timed> mine = new ArrayList<>();
                    for (int i = client; i < requests; i += CLIENTS) {
                        mine.add(send(bodyOf.apply(i)));
                    }
                    return mine;
                }));
            }
            List<Timed> all = new ArrayList<>();
            for (Future<List<Timed>> f : work) {
                all.addAll(f.get());
            }
            lastRunNanos = System.nanoTime() - started;
            return all;
        } finally {
            clients.shutdownNow();
        }
    }

    private Timed send(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/orders"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Timed(response.statusCode(), System.nanoTime() - start);
    }

    private void report(String what, List<Timed> answers, int requests) {
        Map<Integer, Long> byStatus = new TreeMap<>();
        answers.forEach(a -> byStatus.merge(a.status(), 1L, Long::sum));
        long[] millis = answers.stream().mapToLong(a -> a.nanos() / 1000).sorted().toArray();
        double seconds = lastRunNanos / 1e9;
        System.out.printf("HOT PATH %s: %d requests by %d clients in %.2f s = %.0f/s; statuses %s;"
                + " p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, requests, CLIENTS, seconds,
                requests / seconds, byStatus, at(millis, 0.50), at(millis, 0.95), at(millis, 0.99),
                millis[millis.length - 1] / 1000.0);
    }

    private static double at(long[] sortedMicros, double quantile) {
        int index = (int) Math.ceil(quantile * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(index, sortedMicros.length - 1))] / 1000.0;
    }
}
