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
 * The owner and an admin replace the same cooperative's details at the same moment. The fuzz found
 * that the loser of the version check got 500; it must get 409 concurrent-modification, and the row
 * must hold exactly one of the bodies that were answered 200.
 */
@QuarkusTest
class CooperativeRaceTest {

    private static final int CLIENTS = 16;

    Db db = Db.ofApplication();

    @Test
    void simultaneousReplacementsAnswerEither200Or409AndOneOfTheWinnersIsStored() throws Exception {
        long coop = CatalogApi.cooperative("HTX Đua sửa");
        String origin = "http://localhost:" + RestAssured.port;
        String owner = TestTokens.owner(coop);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String body = "{\"name\": \"HTX Đua sửa " + i + "\", \"province\": \"Hà Nội\", \"phone\": \"0912345678\"}";
                answers.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/cooperatives/" + coop))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + owner)
                            .timeout(Duration.ofSeconds(60))
                            .PUT(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    start.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            List<String> storedNames = new ArrayList<>();
            for (Future<HttpResponse<String>> future : answers) {
                HttpResponse<String> answer = future.get();
                byStatus.merge(answer.statusCode(), 1, Integer::sum);
                ApiContract.of(origin).check("PUT", "/cooperatives/" + coop, answer.statusCode(),
                        answer.headers().map(), answer.body());
                if (answer.statusCode() == 200) {
                    storedNames.add(answer.body().replaceAll("(?s).*\"name\"\\s*:\\s*\"([^\"]*)\".*", "$1"));
                }
            }
            assertThat(byStatus.keySet()).as("statuses %s", byStatus).isSubsetOf(200, 409);
            assertThat(byStatus.get(200)).as("statuses %s", byStatus).isNotNull();
            String name = db.text("SELECT name FROM cooperative WHERE id = ?", coop);
            assertThat(storedNames).contains(name);
        } finally {
            pool.shutdownNow();
        }
    }
}
