package vn.chotdon.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.chotdon.events.Topics;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.EventTap;
import vn.chotdon.testing.EventTap.Received;
import vn.chotdon.testing.LocalInfrastructure;
import vn.chotdon.testing.TestTokens;

/**
 * A live sale across the three services, as in production: set up in catalog and livestream,
 * orders from many concurrent buyers, sell-out, faults (Kafka away, order-service killed, a
 * consumer replaying its topic), then the session ends and every view must agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveSaleEndToEndTest {

    private static final int BG_QUOTA = 120;
    private static final int BC_QUOTA = 60;
    private static final int MO_QUOTA = 300;
    private static final String BUYER_NAME = "Người xem live Trần Thị Bích";
    private static final String ADDRESS_DETAIL = "Thôn Thượng Thôn, ngõ 17 nhà 42";
    private static final String MEMBER_PHONE = "0987654321";

    private LiveSystem system;
    private long cooperative;
    private final Map<String, Long> products = new HashMap<>();
    private final Map<String, Long> stockAtStart = new HashMap<>();
    private long session;
    private long shortHoldSession;
    /** Every order accepted in the main session, by id, from every 201 answer seen. */
    private final Map<Long, String> acceptedOrders = new ConcurrentHashMap<>();
    /** Every well-formed buyer phone sent, to look for afterwards where it must not be. */
    private final Set<String> buyerPhones = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startTheSystemAndSetUpTheSale() {
        system = LiveSystem.start();
        Callers.actAs(TestTokens.admin());
        cooperative = post(system.catalog, "/cooperatives", Map.of("name", "HTX Nông nghiệp Đan Phượng",
                "province", "Hà Nội", "commune", "Xã Đan Phượng", "phone", "0912 345 678"), 201).getLong("id");
        // From here on REST Assured calls are the cooperative's owner; buyers' orders go without a token.
        Callers.actAs(TestTokens.owner(cooperative));
        long member = post(system.catalog, "/cooperatives/" + cooperative + "/members",
                Map.of("name", "Hộ bà Nguyễn Thị Huệ", "phone", MEMBER_PHONE), 201).getLong("id");
        product("BG01", "Bánh gio Thanh Huệ", member, 15000, 1000);
        product("BC02", "Bánh chưng Tranh Khúc", member, 60000, 500);
        product("MO03", "Mật ong bạc hà", member, 200000, 400);

        session = session("Chốt đơn bánh gio tối thứ Sáu", 30);
        lineup(session, "BG01", 15000, BG_QUOTA, null);
        lineup(session, "BC02", 55000, BC_QUOTA, 2);
        lineup(session, "MO03", 190000, MO_QUOTA, null);
        post(system.livestream, "/sessions/" + session + "/start", null, 200);
        long pinned = given().baseUri(system.livestream.url()).get("/sessions/" + session + "/lineup")
                .then().statusCode(200).extract().jsonPath().getLong("find { it.code == 'BG01' }.id");
        post(system.livestream, "/sessions/" + session + "/lineup/" + pinned + "/pin", null, 200);
        awaitOrderable(session, 3);

        shortHoldSession = session("Phiên giữ hàng 1 phút", 1);
        lineup(shortHoldSession, "BG01", 15000, 10, null);
        post(system.livestream, "/sessions/" + shortHoldSession + "/start", null, 200);
        awaitOrderable(shortHoldSession, 1);
        for (int i = 0; i < 3; i++) {
            placeOrder(shortHoldSession, "BG01", 2, "0977000" + (100 + i), "BANK_TRANSFER", null);
        }
    }

    @AfterAll
    void stopTheSystem() {
        Callers.anonymous();
        if (system != null) {
            system.stop();
        }
    }

    @Test
    @Order(1)
    void manyBuyersAtOnceSellTheHotItemOutWithoutOversellOrDuplicates() throws Exception {
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            String code = i % 3 == 0 ? "MO03" : "BG01";
            bodies.add(order(session, code, 1 + i % 2, String.format("09%08d", 20_000_000 + i), i % 2 == 0 ? "COD" : "BANK_TRANSFER"));
            keys.add(UUID.randomUUID().toString());
        }
        // Some buyers tap twice: the same request with the same key, at the same moment.
        for (int i = 0; i < 20; i++) {
            bodies.add(bodies.get(i));
            keys.add(keys.get(i));
        }
        // Some type their phone wrong.
        for (int i = 0; i < 10; i++) {
            bodies.add(order(session, "BG01", 1, "0123" + i, "COD"));
            keys.add(UUID.randomUUID().toString());
        }
        List<Answer> answers = concurrently(bodies, keys);

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(byStatus.keySet()).as("answers by status %s", byStatus).allMatch(s -> s == 201 || s == 400 || s == 409);
        assertThat(byStatus.get(400)).isEqualTo(10);
        Map<String, Set<Long>> ordersByKey = new HashMap<>();
        for (Answer answer : answers) {
            if (answer.status() == 201) {
                ordersByKey.computeIfAbsent(answer.key(), k -> new HashSet<>()).add(answer.orderId());
            }
        }
        assertThat(ordersByKey.values()).as("one order per Idempotency-Key").allMatch(ids -> ids.size() == 1);
        JsonPath tally = tally(session);
        assertThat(tally.getInt("totals.orders")).isEqualTo(acceptedOrders.size());
        assertThat(unitsTaken(tally, "BG01")).as("the hot item sold out exactly").isEqualTo(BG_QUOTA);
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.body()).containsAnyOf("sold-out", "request-in-progress"));
    }

    @Test
    @Order(2)
    void ordersKeepComingWhileKafkaIsDownAndNothingIsLost() {
        system.stopKafka();
        try {
            for (int i = 0; i < 15; i++) {
                placeOrder(session, "MO03", 1, String.format("09%08d", 30_000_000 + i), "COD", UUID.randomUUID().toString());
            }
            List<Long> ids = new ArrayList<>(acceptedOrders.keySet());
            for (int i = 0; i < 10; i++) {
                given().baseUri(system.order.url()).post("/orders/" + ids.get(i) + "/confirm").then().statusCode(200);
            }
        } finally {
            system.startKafka();
        }
        awaitViewsAgree();
    }

    @Test
    @Order(3)
    void orderServiceKilledMidBurstLosesAndDoublesNothing() throws Exception {
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            bodies.add(order(session, "MO03", 1, String.format("09%08d", 40_000_000 + i), "BANK_TRANSFER"));
            keys.add(UUID.randomUUID().toString());
        }
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<?> kill = killer.submit(() -> {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> acceptedOrders.size() >= 10);
            system.order.kill();
        });
        List<Answer> firstTry = concurrently(bodies, keys);
        kill.get();
        killer.shutdown();
        system.order.start(Map.of());

        Map<String, Answer> firstAnswers = new HashMap<>();
        firstTry.stream().filter(a -> a.status() == 201).forEach(a -> firstAnswers.put(a.key(), a));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Answer> again = concurrently(bodies, keys);
            return again.stream().allMatch(a -> a.status() == 201);
        });
        List<Answer> settled = concurrently(bodies, keys);
        for (Answer answer : settled) {
            assertThat(answer.status()).isEqualTo(201);
            Answer first = firstAnswers.get(answer.key());
            if (first != null) {
                assertThat(answer.body()).as("a retry gets the original answer").isEqualTo(first.body());
            }
        }
        assertThat(settled.stream().map(Answer::orderId).distinct().count()).as("one order per key").isEqualTo(80);
        assertThat(tally(session).getInt("totals.orders")).isEqualTo(acceptedOrders.size());
    }

    @Test
    @Order(4)
    void staffConfirmAndCancelThenTheSessionEndsAndAllViewsAgree() {
        List<Long> ids = new ArrayList<>(acceptedOrders.keySet());
        ids.sort(Long::compare);
        for (int i = 0; i < ids.size(); i++) {
            String action = i % 10 == 0 ? "cancel" : i % 3 == 0 ? "pay" : "confirm";
            given().baseUri(system.order.url()).post("/orders/" + ids.get(i) + "/" + action).then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 409));
        }
        // A few confirmed sales are cancelled afterwards: their units go back.
        for (int i = 1; i < ids.size(); i += 25) {
            given().baseUri(system.order.url()).post("/orders/" + ids.get(i) + "/cancel").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 409));
        }
        awaitViewsAgree();
        post(system.livestream, "/sessions/" + session + "/end", null, 200);
        awaitViewsAgree();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath tally = tally(session);
            for (String code : List.of("BG01", "BC02", "MO03")) {
                long product = products.get(code);
                JsonPath reservation = given().baseUri(system.catalog.url())
                        .get("/products/" + product + "/reservations/" + session).then().statusCode(200).extract()
                        .jsonPath();
                long held = item(tally, code).get("held");
                long confirmed = item(tally, code).get("confirmed");
                assertThat(reservation.getLong("sold")).as("%s sold in catalog = confirmed in the tally", code)
                        .isEqualTo(confirmed);
                assertThat(reservation.getLong("quantity")).as("%s: what the ended session keeps", code)
                        .isEqualTo(confirmed + held);
                JsonPath stock = given().baseUri(system.catalog.url()).get("/products/" + product + "/stock").then()
                        .extract().jsonPath();
                assertThat(stock.getLong("onHand") + soldInSessions(product)).as("%s: no unit lost", code)
                        .isEqualTo(stockAtStart.get(code));
            }
        });
    }

    @Test
    @Order(5)
    void everyOrderHasItsEventsOnKafkaOnce() {
        try (EventTap tap = EventTap.fromBeginning(LiveSystem.KAFKA, Topics.ORDERS)) {
            List<Received> events = tap.awaitMatching(e -> e.key().equals(Long.toString(session))
                    && "vn.chotdon.order.placed".equals(e.type()), acceptedOrders.size(), Duration.ofSeconds(60));
            List<Received> all = tap.drainMatching(e -> e.key().equals(Long.toString(session)), Duration.ofSeconds(2));
            Map<String, Received> distinct = new HashMap<>();
            all.forEach(e -> distinct.putIfAbsent(e.id(), e));
            Map<Long, List<String>> typesByOrder = distinct.values().stream().collect(Collectors.groupingBy(
                    e -> e.data().path("orderId").asLong(), Collectors.mapping(Received::type, Collectors.toList())));
            assertThat(typesByOrder.keySet()).isEqualTo(acceptedOrders.keySet());
            typesByOrder.forEach((order, types) -> {
                assertThat(types.stream().filter("vn.chotdon.order.placed"::equals).count())
                        .as("order %d placed once", order).isEqualTo(1);
                assertThat(types).as("order %d: no transition twice", order).doesNotHaveDuplicates();
            });
            assertThat(events).isNotEmpty();
        }
    }

    @Test
    @Order(6)
    void consumersReplayingTheirTopicsFromTheStartChangeNoNumbers() throws Exception {
        JsonPath boardBefore = board(session);
        String ledgerBefore = ledgers();
        system.livestream.stop();
        system.catalog.stop();
        try (Admin admin = Admin.create(adminProperties())) {
            List<String> groups = List.of("livestream-service-e2e.board", "catalog-service-e2e.session-sales",
                    "catalog-service-e2e.session-ends");
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.describeConsumerGroups(groups).all().get().values()
                    .stream().allMatch(group -> group.members().isEmpty()));
            // Without committed offsets, the consumers start again from the first record of their topics.
            admin.deleteConsumerGroups(groups).all().get();
        } finally {
            system.catalog.start(Map.of());
            system.livestream.start(Map.of());
        }
        try (Admin admin = Admin.create(adminProperties())) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> caughtUp(admin, "livestream-service-e2e.board")
                    && caughtUp(admin, "catalog-service-e2e.session-sales"));
        }
        JsonPath boardAfter = board(session);
        assertThat(boardAfter.getMap("totals")).isEqualTo(boardBefore.getMap("totals"));
        assertThat(ledgers()).isEqualTo(ledgerBefore);
    }

    @Test
    @Order(7)
    void heldOrdersOfAShortHoldExpireAndGiveTheirUnitsBack() {
        await().atMost(Duration.ofSeconds(120)).until(() -> tally(shortHoldSession).getInt("ordersByStatus.EXPIRED") == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> board(shortHoldSession).getLong("totals.cancelled") == 6);
        JsonPath tally = tally(shortHoldSession);
        assertThat(item(tally, "BG01").get("remaining")).isEqualTo(10L);
    }

    // ------------------------------------------------------------------ helpers

    private record Answer(String key, int status, String body, long orderId) {
    }

    @Test
    @Order(8)
    void buyersPhonesAndAddressesAppearNowhereButTheOwnersExport() throws IOException {
        List<String> personal = new ArrayList<>(List.of(BUYER_NAME, ADDRESS_DETAIL, MEMBER_PHONE.substring(1)));
        for (String phone : buyerPhones) {
            // The national number without its leading 0: matches 0912…, +84912… and 84912… alike.
            personal.add(phone.substring(1));
        }
        String export = given().baseUri(system.order.url()).get("/sessions/" + session + "/orders.csv").then()
                .statusCode(200).extract().asString();
        assertThat(export).as("the owner's shipping list has the buyers' details (so the search below is real)")
                .contains(ADDRESS_DETAIL, BUYER_NAME);
        assertThat(buyerPhones).as("phones in the owner's shipping list").anyMatch(p -> export.contains(p.substring(1)));

        StringBuilder logs = new StringBuilder();
        try (var files = Files.list(system.logDirectory())) {
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                logs.append(Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        assertThat(logs).as("the services' logs").isNotEmpty();
        StringBuilder events = new StringBuilder();
        for (String topic : List.of(Topics.ORDERS, Topics.LIVESTREAM_SESSIONS, Topics.CATALOG_PRODUCTS)) {
            try (EventTap tap = EventTap.fromBeginning(LiveSystem.KAFKA, topic)) {
                tap.drainMatching(e -> true, Duration.ofSeconds(2)).forEach(e -> events.append(e.event()).append('\n'));
            }
        }
        assertThat(events).as("every event of the sale").isNotEmpty();
        for (String secret : personal) {
            assertThat(logs.indexOf(secret)).as("'%s' in the services' logs", secret).isEqualTo(-1);
            assertThat(events.indexOf(secret)).as("'%s' in the events", secret).isEqualTo(-1);
        }
    }

    @Test
    @Order(9)
    void onlyTheConfiguredFrontEndMayCallFromABrowser() throws Exception {
        HttpResponse<String> allowed = preflight(LiveSystem.FRONT_END_ORIGIN);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(LiveSystem.FRONT_END_ORIGIN);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase(Locale.ROOT))
                .contains("idempotency-key", "authorization");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isNotEqualTo(Optional.of("true"));

        HttpResponse<String> foreign = preflight("https://lua-dao.example");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).as("a page of another site")
                .isNotEqualTo(Optional.of("https://lua-dao.example")).isNotEqualTo(Optional.of("*"));
    }

    @Test
    @Order(10)
    void aTokenFromChotdonTokenOpensTheOwnersTallyAndNothingElse() throws Exception {
        Path script = LocalInfrastructure.repositoryRoot().resolve("chotdon");
        Process mint = new ProcessBuilder("bash", script.toString(), "token", "--role", "owner", "--cooperative",
                Long.toString(cooperative)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String token = new String(mint.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(mint.waitFor()).isZero();

        Callers.as(token).baseUri(system.order.url()).get("/sessions/" + session + "/tally").then().statusCode(200);
        Callers.as(token).baseUri(system.order.url()).get("/sessions/" + (session + 1000) + "/tally").then()
                .statusCode(404);
        Callers.as(token).baseUri(system.catalog.url()).contentType(ContentType.JSON)
                .body(Map.of("name", "HTX khác", "province", "Hà Nội")).post("/cooperatives").then().statusCode(403);
    }

    private HttpResponse<String> preflight(String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(system.order.url() + "/orders"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key,authorization")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitViewsAgree() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath tally = tally(session);
            JsonPath board = board(session);
            for (String code : List.of("BG01", "BC02", "MO03")) {
                Map<String, Long> t = item(tally, code);
                Map<String, Object> b = board.getMap("items.find { it.code == '" + code + "' }");
                assertThat(((Number) b.get("held")).longValue()).as("%s held: board = tally", code).isEqualTo(t.get("held"));
                assertThat(((Number) b.get("confirmed")).longValue()).as("%s confirmed", code).isEqualTo(t.get("confirmed"));
                assertThat(((Number) b.get("cancelled")).longValue()).as("%s cancelled", code).isEqualTo(t.get("cancelled"));
                assertThat(((Number) b.get("remaining")).longValue()).as("%s remaining", code).isEqualTo(t.get("remaining"));
                long sold = given().baseUri(system.catalog.url())
                        .get("/products/" + products.get(code) + "/reservations/" + session).then().extract().jsonPath()
                        .getLong("sold");
                assertThat(sold).as("%s sold in the stock ledger = confirmed in the tally", code).isEqualTo(t.get("confirmed"));
                assertThat(t.get("held") + t.get("confirmed")).as("%s: no oversell", code).isLessThanOrEqualTo(t.get("quota"));
            }
        });
    }

    private List<Answer> concurrently(List<Map<String, Object>> bodies, List<String> keys) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(64, bodies.size()));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < bodies.size(); i++) {
                Map<String, Object> body = bodies.get(i);
                String key = keys.get(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return send(body, key);
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

    private Answer send(Map<String, Object> body, String key) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.order.url() + "/orders"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                            .writeValueAsString(body)));
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long orderId = -1;
            if (response.statusCode() == 201) {
                JsonPath receipt = new JsonPath(response.body());
                orderId = receipt.getLong("order.id");
                if (receipt.getLong("order.sessionId") == session) {
                    acceptedOrders.put(orderId, receipt.getString("order.code"));
                }
            }
            return new Answer(key, response.statusCode(), response.body(), orderId);
        } catch (java.io.IOException e) {
            return new Answer(key, -1, e.toString(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(key, -1, e.toString(), -1);
        }
    }

    private void placeOrder(long sessionId, String code, int quantity, String phone, String payment, String key) {
        Answer answer = send(order(sessionId, code, quantity, phone, payment), key);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private Map<String, Object> order(long sessionId, String code, int quantity, String phone, String payment) {
        if (phone.matches("0[0-9]{9}")) {
            buyerPhones.add(phone);
        }
        return Map.of("sessionId", sessionId, "items", List.of(Map.of("code", code, "quantity", quantity)),
                "buyerName", BUYER_NAME, "phone", phone, "paymentMethod", payment,
                "address", Map.of("province", "Hà Nội", "commune", "Xã Đan Phượng", "detail", ADDRESS_DETAIL));
    }

    private void product(String code, String name, long member, long price, long stock) {
        long id = post(system.catalog, "/products", Map.of("cooperativeId", cooperative, "memberId", member, "name", name,
                "unit", "CAI", "priceVnd", price), 201).getLong("id");
        post(system.catalog, "/products/" + id + "/activate", null, 200);
        post(system.catalog, "/products/" + id + "/stock/receipts", Map.of("quantity", stock), 201);
        products.put(code, id);
        stockAtStart.put(code, stock);
    }

    private long session(String title, int holdMinutes) {
        return post(system.livestream, "/sessions", Map.of("cooperativeId", cooperative, "title", title,
                "platform", "TIKTOK", "scheduledStart", OffsetDateTime.now().plusMinutes(5).toString(),
                "holdMinutes", holdMinutes), 201).getLong("id");
    }

    private void lineup(long sessionId, String code, long price, long quota, Integer limit) {
        Map<String, Object> item = new HashMap<>(Map.of("code", code, "productId", products.get(code),
                "livePriceVnd", price, "quota", quota));
        if (limit != null) {
            item.put("perBuyerLimit", limit);
        }
        post(system.livestream, "/sessions/" + sessionId + "/lineup", item, 201);
    }

    private void awaitOrderable(long sessionId, int items) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = given().baseUri(system.order.url()).get("/sessions/" + sessionId).then().extract();
            return response.statusCode() == 200 && "LIVE".equals(response.path("status"))
                    && response.jsonPath().getList("items").size() == items;
        });
    }

    private JsonPath tally(long sessionId) {
        return given().baseUri(system.order.url()).get("/sessions/" + sessionId + "/tally").then().statusCode(200)
                .extract().jsonPath();
    }

    private JsonPath board(long sessionId) {
        return given().baseUri(system.livestream.url()).get("/sessions/" + sessionId + "/board").then().statusCode(200)
                .extract().jsonPath();
    }

    private String ledgers() {
        StringBuilder all = new StringBuilder();
        for (long product : products.values()) {
            all.append(given().baseUri(system.catalog.url()).queryParam("size", 100)
                    .get("/products/" + product + "/stock/ledger").then().statusCode(200).extract().jsonPath()
                    .getList("items.id")).append(given().baseUri(system.catalog.url())
                    .get("/products/" + product + "/stock").then().extract().asString());
        }
        return all.toString();
    }

    /** Units of the product sold by the orders of both sessions (they left the stock). */
    private long soldInSessions(long product) {
        long sold = 0;
        for (long sessionId : List.of(session, shortHoldSession)) {
            var reservation = given().baseUri(system.catalog.url())
                    .get("/products/" + product + "/reservations/" + sessionId).then().extract();
            if (reservation.statusCode() == 200) {
                sold += reservation.jsonPath().getLong("sold");
            }
        }
        return sold;
    }

    private static Map<String, Long> item(JsonPath tally, String code) {
        Map<String, Object> item = tally.getMap("items.find { it.code == '" + code + "' }");
        Map<String, Long> numbers = new HashMap<>();
        item.forEach((k, v) -> {
            if (v instanceof Number n) {
                numbers.put(k, n.longValue());
            }
        });
        return numbers;
    }

    private static long unitsTaken(JsonPath tally, String code) {
        Map<String, Long> item = item(tally, code);
        return item.get("held") + item.get("confirmed");
    }

    private static JsonPath post(ServiceProcess service, String path, Object body, int status) {
        var request = given().baseUri(service.url());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post(path).then().statusCode(status).extract().jsonPath();
    }

    private static Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LiveSystem.KAFKA);
        return props;
    }

    private static boolean caughtUp(Admin admin, String group) throws Exception {
        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return false;
        }
        var ends = admin.listOffsets(committed.keySet().stream().collect(Collectors.toMap(tp -> tp,
                tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
        return committed.entrySet().stream().allMatch(e -> e.getValue() != null
                && e.getValue().offset() >= ends.get(e.getKey()).offset());
    }
}
