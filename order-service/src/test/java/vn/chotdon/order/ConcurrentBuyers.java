package vn.chotdon.order;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Many HTTP clients, each on its own thread and connection, released at the same instant. Every
 * answer is checked against the OpenAPI document ({@link CheckedHttp}).
 */
final class ConcurrentBuyers {

    record Answer(int status, String body, HttpHeaders headers) {
    }

    private ConcurrentBuyers() {
    }

    /**
     * @param bodyOf       the JSON body of client i
     * @param idempotencyKeyOf the Idempotency-Key of client i, or null for none
     */
    static List<Answer> post(String path, int clients, IntFunction<String> bodyOf, IntFunction<String> idempotencyKeyOf)
            throws Exception {
        return post(path, clients, bodyOf, idempotencyKeyOf, client -> Map.of());
    }

    /** The same, each client also sending its own extra headers (X-Forwarded-For, say). */
    static List<Answer> post(String path, int clients, IntFunction<String> bodyOf, IntFunction<String> idempotencyKeyOf,
            IntFunction<Map<String, String>> headersOf) throws Exception {
        return postEach(clients, client -> path, bodyOf, idempotencyKeyOf, headersOf);
    }

    /** The same, each client to its own path (comments racing orders, say). */
    static List<Answer> postEach(int clients, IntFunction<String> pathOf, IntFunction<String> bodyOf,
            IntFunction<String> idempotencyKeyOf, IntFunction<Map<String, String>> headersOf) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                int client = i;
                futures.add(pool.submit(() -> {
                    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                    HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + pathOf.apply(client)))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(bodyOf.apply(client)));
                    String key = idempotencyKeyOf.apply(client);
                    if (key != null) {
                        request.header("Idempotency-Key", key);
                    }
                    headersOf.apply(client).forEach(request::header);
                    start.await();
                    HttpResponse<String> response = CheckedHttp.send(http, request.build());
                    return new Answer(response.statusCode(), response.body(), response.headers());
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
