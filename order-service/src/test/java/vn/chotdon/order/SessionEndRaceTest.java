package vn.chotdon.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Db;

/**
 * Buyers keep ordering while the session ends. The end is applied the way the read model applies
 * it, an UPDATE of the session's row in a transaction of its own: once that UPDATE has the row, no
 * order transaction is left running and none can start, so the orders counted then are all there
 * will ever be.
 */
@QuarkusTest
class SessionEndRaceTest {

    private static final int BUYERS = 16;

    Db db = Db.ofApplication();

    @Inject
    DataSource dataSource;

    @Test
    void noOrderCommitsAfterTheSessionsEndWasApplied() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 1_000_000, null);
        AtomicInteger phones = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService buyers = Executors.newFixedThreadPool(BUYERS);
        List<Future<?>> running = new ArrayList<>();
        long ordersWhenEnded;
        try {
            for (int b = 0; b < BUYERS; b++) {
                running.add(buyers.submit(() -> orderUntilRefused(sale, phones, answers)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> ordersOf(sale) >= 50);
            try (Connection end = dataSource.getConnection()) {
                end.setAutoCommit(false);
                try (PreparedStatement update = end.prepareStatement("UPDATE sale_session SET status = 'ENDED',"
                        + " version = version + 1, updated_at = UTC_TIMESTAMP(6) WHERE session_id = ?")) {
                    update.setLong(1, sale.sessionId);
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
                ordersWhenEnded = ordersOf(sale);
                end.commit();
            }
            for (Future<?> buyer : running) {
                buyer.get();
            }
        } finally {
            buyers.shutdownNow();
        }

        assertThat(ordersOf(sale)).as("orders committed after the end was applied").isEqualTo(ordersWhenEnded);
        assertThat(answers).containsOnly(201, 409);
        assertThat(answers.stream().filter(status -> status == 201).count()).isEqualTo(ordersWhenEnded);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(ordersWhenEnded);
    }

    /** Orders, one unit each, until the session refuses; then one more, which must be refused too. */
    private static Void orderUntilRefused(LiveSale sale, AtomicInteger phones, ConcurrentLinkedQueue<Integer> answers)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int refusals = 0;
        while (refusals < 2) {
            String body = Json.write(sale.order("BG01", 1, String.format("0914%06d", phones.incrementAndGet())));
            HttpResponse<String> answer = CheckedHttp.send(http, HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + "/orders"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            answers.add(answer.statusCode());
            if (answer.statusCode() == 409) {
                assertThat(answer.body()).contains("https://chotdon.vn/problems/session-not-live");
                refusals++;
            }
        }
        return null;
    }

    private long ordersOf(LiveSale sale) {
        return db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId);
    }
}
