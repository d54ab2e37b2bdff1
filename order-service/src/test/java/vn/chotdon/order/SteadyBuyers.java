package vn.chotdon.order;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Buyers who keep placing orders, each on its own thread and connection, one after another until
 * stopped; every answer is kept with when its request was sent and its answer arrived
 * (System.nanoTime), and checked against the OpenAPI document ({@link CheckedHttp}) after that, so
 * the check's time is not counted as the service's.
 */
final class SteadyBuyers implements AutoCloseable {

    record Answer(String idempotencyKey, String order, long startedNanos, long endedNanos, int status,
            String contentType, String retryAfter, String body) {

        Duration took() {
            return Duration.ofNanos(endedNanos - startedNanos);
        }
    }

    private final LiveSale sale;
    private final String code;
    private final ExecutorService threads;
    private final AtomicInteger placed = new AtomicInteger();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<AssertionError> contractBreaks = new ConcurrentLinkedQueue<>();
    private final int phoneBase;
    private volatile boolean buying = true;

    SteadyBuyers(LiveSale sale, String code, int buyers, int phoneBase) {
        this.sale = sale;
        this.code = code;
        this.phoneBase = phoneBase;
        this.threads = Executors.newFixedThreadPool(buyers);
        for (int i = 0; i < buyers; i++) {
            threads.execute(this::buy);
        }
    }

    private void buy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        while (buying) {
            int n = placed.incrementAndGet();
            String body = Json.write(sale.order(code, 1, String.format("09%08d", phoneBase + n)));
            String key = UUID.randomUUID().toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/orders"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long ended = System.nanoTime();
                CheckedHttp.check(request, response);
                answers.add(new Answer(key, body, started, ended, response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(""),
                        response.headers().firstValue("Retry-After").orElse(null), response.body()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (AssertionError contractBroken) {
                contractBreaks.add(contractBroken);
                return;
            } catch (Exception e) {
                answers.add(new Answer(key, body, started, System.nanoTime(), -1, "", null, e.toString()));
            }
        }
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    long count(Predicate<Answer> which) {
        return answers.stream().filter(which).count();
    }

    /**
     * Stops the buyers and waits for the requests under way; fails if an answer broke the OpenAPI
     * document (the buyer who got it stopped buying).
     */
    @Override
    public void close() throws InterruptedException {
        buying = false;
        threads.shutdown();
        if (!threads.awaitTermination(60, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
        if (!contractBreaks.isEmpty()) {
            throw contractBreaks.peek();
        }
    }
}
