package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
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

/**
 * Several staff add the same code (in different cases, for different products) at the same
 * moment: the unique key lets exactly one in, and every reservation made for a refused item is
 * given back to catalog-service.
 */
@QuarkusTest
class DuplicateCodeRaceTest {

    private static final int CLIENTS = 8;
    private static final String[] SPELLINGS = { "RC01", "rc01", "Rc01", "rC01" };

    @CatalogStub.Server
    WireMockServer catalog;

    Db db = Db.ofApplication();

    @Test
    void exactlyOneOfConcurrentSameCodeAddsWins() throws Exception {
        long coop = LivestreamApi.cooperative();
        long session = LivestreamApi.session(coop);
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            products.add(LivestreamApi.product(catalog, coop));
        }
        String staff = TestTokens.staff(coop);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String body = LivestreamApi.json(LivestreamApi.itemBody(SPELLINGS[i % SPELLINGS.length], products.get(i), 10));
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/sessions/" + session + "/lineup"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + staff)
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                answers.add(pool.submit(() -> {
                    start.await();
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    ContractCheck.answer(answer);
                    return answer.statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                statuses.merge(answer.get(), 1, Integer::sum);
            }
            assertThat(statuses).as("answers by status").containsOnlyKeys(201, 409);
            assertThat(statuses.get(201)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(db.number("SELECT COUNT(*) FROM lineup_item WHERE session_id = ?", session)).isEqualTo(1);
        assertThat(db.text("SELECT code FROM lineup_item WHERE session_id = ?", session)).isEqualTo("RC01");
        long winner = db.number("SELECT product_id FROM lineup_item WHERE session_id = ?", session);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND event_type LIKE '%item-added'",
                String.valueOf(session))).isEqualTo(1);
        for (long product : products) {
            String url = LineupTest.reservation(product, session);
            int reserved = catalog.findAll(putRequestedFor(urlEqualTo(url))).size();
            int released = catalog.findAll(deleteRequestedFor(urlEqualTo(url))).size();
            if (product == winner) {
                assertThat(reserved).as("winner reserved").isEqualTo(1);
                assertThat(released).as("winner released").isZero();
            } else {
                assertThat(released).as("reservation of refused product %d given back", product).isEqualTo(reserved);
            }
        }
    }
}
