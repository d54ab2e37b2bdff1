package vn.chotdon.catalog;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;
import vn.chotdon.testing.contract.ApiContract;

/**
 * Many sessions reserve the same product at once; the database must never give out more than it
 * has, and every answer, granted or refused, keeps the OpenAPI document.
 */
@QuarkusTest
class ReservationRaceTest {

    private static final int CLIENTS = 64;
    private static final int UNITS_EACH = 7;
    private static final int STOCK = 150;

    Db db = Db.ofApplication();

    private static String reservationPath(long productId, long sessionId) {
        return "/products/" + productId + "/reservations/" + sessionId;
    }

    @Test
    void concurrentReservationsNeverTakeStockBelowZero() throws Exception {
        long coop = CatalogApi.cooperative("HTX Chạy đua");
        long productId = CatalogApi.productInStock(coop, "Bánh gio phiên chốt đơn", STOCK);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String service = TestTokens.service();
        String origin = "http://localhost:" + RestAssured.port;
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                long sessionId = 10_000 + i;
                answers.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(origin + reservationPath(productId, sessionId)))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + service)
                            .timeout(Duration.ofSeconds(60))
                            .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\": " + UNITS_EACH + "}"))
                            .build();
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            ApiContract contract = ApiContract.of(origin);
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                contract.check("PUT", response.request().uri().getRawPath(), response.statusCode(),
                        response.headers().map(), response.body());
            }

            int fits = STOCK / UNITS_EACH;
            assertThat(statuses).as("answers by status").containsOnlyKeys(200, 409);
            assertThat(statuses.get(200)).isEqualTo(fits);
            assertThat(statuses.get(409)).isEqualTo(CLIENTS - fits);
        } finally {
            pool.shutdownNow();
        }

        long available = db.number("SELECT available FROM product_stock WHERE product_id = ?", productId);
        long reserved = db.number("SELECT reserved FROM product_stock WHERE product_id = ?", productId);
        assertThat(available).isEqualTo(STOCK % UNITS_EACH).isNotNegative();
        assertThat(reserved).isEqualTo((long) (STOCK / UNITS_EACH) * UNITS_EACH);
        assertThat(db.number("SELECT MIN(available_after) FROM stock_ledger_entry WHERE product_id = ?", productId))
                .as("stock after every ledger entry").isNotNegative();
        assertThat(db.number("SELECT SUM(available_delta) FROM stock_ledger_entry WHERE product_id = ?", productId))
                .as("ledger sums to available stock").isEqualTo(available);
        assertThat(db.number("SELECT SUM(reserved_delta) FROM stock_ledger_entry WHERE product_id = ?", productId))
                .as("ledger sums to reserved stock").isEqualTo(reserved);
        assertThat(db.number("SELECT COALESCE(SUM(quantity), 0) FROM session_reservation WHERE product_id = ?", productId))
                .as("reservations sum to reserved stock").isEqualTo(reserved);
        assertThat(db.number("SELECT COUNT(*) FROM session_reservation WHERE product_id = ? AND quantity > 0", productId))
                .isEqualTo(STOCK / UNITS_EACH);
    }
}
