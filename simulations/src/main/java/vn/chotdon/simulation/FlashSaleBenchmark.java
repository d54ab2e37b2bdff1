package vn.chotdon.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.livestream.LineupItemData;
import vn.chotdon.events.livestream.SessionData;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * A flash sale against a running order-service: a session goes LIVE with a small lineup (the
 * events livestream-service would publish), then many concurrent buyers order at once, far more
 * than the popular item's quota. Prints throughput, latency percentiles, the answers by status,
 * whether the tally agrees with what was accepted, and how long the tally takes to compute.
 *
 * <p>Run it with {@code ./chotdon bench} (which starts what it needs); options:
 * {@code --orders N --clients C --mix BG,BC,MO (percent of buyers per item) --order-service URL --kafka HOST:PORT}.
 */
public final class FlashSaleBenchmark {

    private static final long COOPERATIVE = 1;
    private static final String OWNER_TOKEN = TestTokens.owner(COOPERATIVE);

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Item(long itemId, String code, String name, long priceVnd, long quota) {
    }

    private FlashSaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int orders = Integer.parseInt(options.getOrDefault("orders", "10000"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "64"));
        String service = options.getOrDefault("order-service", "http://127.0.0.1:8083");
        String kafka = options.getOrDefault("kafka", "127.0.0.1:9092");
        int[] mix = java.util.Arrays.stream(options.getOrDefault("mix", "60,25,15").split(","))
                .mapToInt(Integer::parseInt).toArray();

        long sessionId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        List<Item> lineup = List.of(
                new Item(sessionId * 10 + 1, "BG01", "Bánh gio Đan Phượng", 15_000, 600),
                new Item(sessionId * 10 + 2, "BC02", "Bánh chưng Tranh Khúc", 60_000, 3_000),
                new Item(sessionId * 10 + 3, "MO03", "Mật ong bạc hà", 200_000, 20_000));
        announce(kafka, sessionId, lineup);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        awaitOrderable(http, service, sessionId, lineup.size());

        System.out.printf(Locale.ROOT, "%nFlash sale: %d orders from %d concurrent clients against %s%n", orders,
                clients, service);
        System.out.printf(Locale.ROOT, "Lineup: %s%n", lineup.stream()
                .map(i -> i.code() + " quota " + i.quota()).toList());
        machine();

        long[] latencies = new long[orders];
        int[] statuses = new int[orders];
        AtomicInteger next = new AtomicInteger();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                try {
                    for (int n = next.getAndIncrement(); n < orders; n = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(service + "/orders"))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(orderBody(sessionId, n, mix)))
                                .build();
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        latencies[n] = System.nanoTime() - t0;
                        statuses[n] = status;
                        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long elapsed = System.nanoTime() - started;
        pool.shutdown();

        double seconds = elapsed / 1e9;
        long accepted = byStatus.getOrDefault(201, new LongAdder()).sum();
        System.out.printf(Locale.ROOT, "%nWall time %.2f s: %.0f requests/s, %.0f orders accepted/s%n", seconds,
                orders / seconds, accepted / seconds);
        Map<Integer, Long> counts = new TreeMap<>();
        byStatus.forEach((status, count) -> counts.put(status, count.sum()));
        System.out.println("Answers by HTTP status (-1 = no answer): " + counts);
        printPercentiles("201 placed  ", latencies, statuses, 201);
        printPercentiles("409 sold out", latencies, statuses, 409);
        printPercentiles("all         ", latencies, statuses, 0);

        JsonNode tally = get(http, service + "/sessions/" + sessionId + "/tally");
        long heldOrConfirmed = 0;
        for (JsonNode item : tally.path("items")) {
            heldOrConfirmed += item.path("held").asLong() + item.path("confirmed").asLong();
            System.out.printf(Locale.ROOT, "  %s quota %5d  held %5d  remaining %5d%n", item.path("code").asText(),
                    item.path("quota").asLong(), item.path("held").asLong(), item.path("remaining").asLong());
        }
        boolean oversold = false;
        for (JsonNode item : tally.path("items")) {
            oversold |= item.path("held").asLong() + item.path("confirmed").asLong() > item.path("quota").asLong();
        }
        System.out.printf(Locale.ROOT, "Tally: %d orders, %d units held; oversold: %s; 5xx answers: %d%n",
                tally.path("totals").path("orders").asLong(), heldOrConfirmed, oversold ? "YES" : "no",
                counts.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 0)
                        .mapToLong(Map.Entry::getValue).sum());

        long[] tallyTimes = new long[30];
        for (int i = 0; i < tallyTimes.length; i++) {
            long t0 = System.nanoTime();
            get(http, service + "/sessions/" + sessionId + "/tally");
            tallyTimes[i] = System.nanoTime() - t0;
        }
        Arrays.sort(tallyTimes);
        System.out.printf(Locale.ROOT, "Tally of this session (%d orders), %d calls: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                tally.path("totals").path("orders").asLong(), tallyTimes.length, tallyTimes[tallyTimes.length / 2] / 1e6,
                tallyTimes[(int) (tallyTimes.length * 0.95)] / 1e6, tallyTimes[tallyTimes.length - 1] / 1e6);
        System.exit(oversold ? 1 : 0);
    }

    /** By default most buyers want the famous bánh gio (--mix 60,25,15 in percent for BG01, BC02, MO03). */
    private static String orderBody(long sessionId, int n, int[] mix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int pick = random.nextInt(mix[0] + mix[1] + mix[2]);
        String code = pick < mix[0] ? "BG01" : pick < mix[0] + mix[1] ? "BC02" : "MO03";
        Map<String, Object> body = Map.of("sessionId", sessionId,
                "items", List.of(Map.of("code", code, "quantity", 1 + random.nextInt(2))),
                "buyerName", "Người mua " + n,
                "phone", String.format(Locale.ROOT, "09%08d", random.nextInt(100_000_000)),
                "address", Map.of("province", "Hà Nội", "commune", "Xã Đan Phượng", "detail", "Thôn " + (n % 50)),
                "paymentMethod", random.nextBoolean() ? "COD" : "BANK_TRANSFER");
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void announce(String kafka, long sessionId, List<Item> lineup) {
        try (EventPublisher publisher = EventPublisher.open(kafka)) {
            String key = Long.toString(sessionId);
            SessionData session = new SessionData(sessionId, COOPERATIVE, "Benchmark: phiên chốt đơn bánh gio", "TIKTOK", "LIVE",
                    Instant.now(), Instant.now(), null, 30, false, 2);
            publisher.publish(Topics.LIVESTREAM_SESSIONS, key, EventPublisher.envelope(LivestreamEventTypes.SOURCE,
                    LivestreamEventTypes.SESSION_OPENED, LivestreamEventTypes.SCHEMA_VERSION,
                    LivestreamEventTypes.AGGREGATE_SESSION, key, session));
            int order = 1;
            for (Item item : lineup) {
                LineupItemData data = new LineupItemData(sessionId, item.itemId(), item.code(), item.itemId(),
                        item.name(), "CAI", item.priceVnd(), item.quota(), null, order++, false, false, 1);
                publisher.publish(Topics.LIVESTREAM_SESSIONS, key, EventPublisher.envelope(LivestreamEventTypes.SOURCE,
                        LivestreamEventTypes.LINEUP_ITEM_ADDED, LivestreamEventTypes.SCHEMA_VERSION,
                        LivestreamEventTypes.AGGREGATE_SESSION, key, data));
            }
        }
    }

    private static void awaitOrderable(HttpClient http, String service, long sessionId, int items) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(service + "/sessions/" + sessionId + "/orderable")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && JSON.readTree(response.body()).path("items").size() == items) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("order-service did not learn session " + sessionId + " from Kafka within 60 s");
    }

    /** A read as the owner of the benchmark's cooperative (the tally is theirs to see). */
    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + OWNER_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void printPercentiles(String label, long[] latencies, int[] statuses, int status) {
        List<Long> picked = new ArrayList<>();
        for (int i = 0; i < latencies.length; i++) {
            if (status == 0 || statuses[i] == status) {
                picked.add(latencies[i]);
            }
        }
        if (picked.isEmpty()) {
            return;
        }
        long[] sorted = picked.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "  %s n=%6d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", label,
                sorted.length, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }

    private static void machine() throws Exception {
        String cpu = Files.lines(Path.of("/proc/cpuinfo")).filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        System.out.printf(Locale.ROOT, "Machine: %d cores (%s), %d MB max heap for this load generator%n",
                Runtime.getRuntime().availableProcessors(), cpu, Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
