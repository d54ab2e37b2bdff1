package vn.chotdon.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.EventTap;
import vn.chotdon.testing.EventTap.Received;
import vn.chotdon.testing.LocalInfrastructure;
import vn.chotdon.testing.TestTokens;

/**
 * A live sale across the three services, each running two instances behind the same database and
 * broker, as in production: set up in catalog and livestream, orders from many concurrent buyers
 * spread over both order-service instances, viewers following the live board on both livestream
 * instances, sell-out, faults (Kafka away, an order-service instance killed, consumers replaying
 * their topics), then the session ends and every view, on every instance, must agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveSaleEndToEndTest {

    private static final int BG_QUOTA = 120;
    private static final int BC_QUOTA = 60;
    private static final int MO_QUOTA = 300;
    /** Orders of 2 units each in the session whose holds last one minute. */
    private static final int SHORT_HOLDS = 30;
    private static final List<String> CODES = List.of("BG01", "BC02", "MO03");
    private static final String BUYER_NAME = "Người xem live Trần Thị Bích";
    private static final String ADDRESS_DETAIL = "Thôn Thượng Thôn, ngõ 17 nhà 42";
    private static final String MEMBER_PHONE = "0987654321";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COMMISSION_BASIS_POINTS = 750;
    private static final String ACCOUNT_NUMBER = "1023456789";
    /** The units of BG01 in the live-comment session, fewer than its comments and taps ask for. */
    private static final int COMMENT_QUOTA = 30;
    /** Regular buyers who order BG01 by comment in that session. */
    private static final int COMMENT_BUYERS = 40;
    /** Buyers who tap POST /orders for BG01 at the same time: fewer than the units, so that comments get some. */
    private static final int COMMENT_TAPS = 20;

    private LiveSystem system;
    private long cooperative;
    private final Map<String, Long> products = new HashMap<>();
    private final Map<String, Long> stockAtStart = new HashMap<>();
    private long session;
    private long shortHoldSession;
    /** Every order accepted in the main session, by id, from every 201 answer seen. */
    private final Map<Long, String> acceptedOrders = new ConcurrentHashMap<>();
    private final Set<Long> shortHoldOrders = ConcurrentHashMap.newKeySet();
    /** Every well-formed buyer phone sent, to look for afterwards where it must not be. */
    private final Set<String> buyerPhones = ConcurrentHashMap.newKeySet();
    /** A viewer of the main session's board on each livestream instance, from before the first order. */
    private List<BoardStream> viewers = List.of();
    /** Spreads the staff's own calls over the instances, as their load balancer would. */
    private final AtomicInteger staffRequests = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

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
        long pinned = given().baseUri(system.livestream.instance(2).url()).get("/sessions/" + session + "/lineup")
                .then().statusCode(200).extract().jsonPath().getLong("find { it.code == 'BG01' }.id");
        post(system.livestream, "/sessions/" + session + "/lineup/" + pinned + "/pin", null, 200);
        awaitOrderable(session, 3);
        viewers = system.livestream.all().stream().map(instance -> BoardStream.follow(instance, session, http)).toList();

        shortHoldSession = session("Phiên giữ hàng 1 phút", 1);
        lineup(shortHoldSession, "BG01", 15000, 2 * SHORT_HOLDS, null);
        post(system.livestream, "/sessions/" + shortHoldSession + "/start", null, 200);
        awaitOrderable(shortHoldSession, 1);
        for (int i = 0; i < SHORT_HOLDS; i++) {
            shortHoldOrders.add(placeOrder(system.order.forRequest(i), shortHoldSession, "BG01", 2,
                    "0977000" + (100 + i), "BANK_TRANSFER", null));
        }
    }

    @AfterAll
    void stopTheSystem() {
        Callers.anonymous();
        viewers.forEach(BoardStream::close);
        if (system != null) {
            system.stop();
        }
    }

    @Test
    @Order(1)
    void manyBuyersAtOnceOnBothInstancesSellTheHotItemOutWithoutOversellOrDuplicates() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 180; i++) {
            String code = i % 3 == 0 ? "MO03" : "BG01";
            attempts.add(new Attempt(order(session, code, 1 + i % 2, String.format("09%08d", 20_000_000 + i),
                    i % 2 == 0 ? "COD" : "BANK_TRANSFER"), UUID.randomUUID().toString(), system.order.forRequest(i)));
        }
        // Some buyers tap twice: the same request with the same key at the same moment, which the
        // load balancer sends to the other instance.
        for (int i = 0; i < 20; i++) {
            Attempt first = attempts.get(i);
            attempts.add(new Attempt(first.body(), first.key(), system.order.other(first.to())));
        }
        // Some type their phone wrong.
        for (int i = 0; i < 10; i++) {
            attempts.add(new Attempt(order(session, "BG01", 1, "0123" + i, "COD"), UUID.randomUUID().toString(),
                    system.order.forRequest(i)));
        }
        List<Answer> answers = concurrently(attempts);

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(byStatus.keySet()).as("answers by status %s; the first unexpected one: %s", byStatus,
                answers.stream().filter(a -> a.status() != 201 && a.status() != 400 && a.status() != 409).findFirst())
                .allMatch(s -> s == 201 || s == 400 || s == 409);
        assertThat(byStatus.get(400)).isEqualTo(10);
        Map<String, Set<Long>> ordersByKey = new HashMap<>();
        for (Answer answer : answers) {
            if (answer.status() == 201) {
                ordersByKey.computeIfAbsent(answer.key(), k -> new HashSet<>()).add(answer.orderId());
            }
        }
        assertThat(ordersByKey.values()).as("one order per Idempotency-Key, whichever instance answered")
                .allMatch(ids -> ids.size() == 1);
        assertThat(answers.stream().filter(a -> a.status() == 201).map(Answer::instance).distinct())
                .as("both order-service instances took orders").hasSize(LiveSystem.INSTANCES);
        for (ServiceProcess instance : system.order.all()) {
            JsonPath tally = tally(instance, session);
            assertThat(tally.getInt("totals.orders")).as("orders in the tally of %s", instance.name())
                    .isEqualTo(acceptedOrders.size());
            assertThat(unitsTaken(tally, "BG01")).as("the hot item sold out exactly").isEqualTo(BG_QUOTA);
        }
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.body()).containsAnyOf("sold-out", "request-in-progress"));

        awaitViewsAgree();
        for (BoardStream viewer : viewers) {
            assertThat(viewer.boards().size()).as("boards pushed live to the viewer on %s", viewer.instance().name())
                    .isGreaterThan(1);
            for (JsonNode board : viewer.boards()) {
                for (JsonNode item : board.path("items")) {
                    assertThat(item.path("held").asLong() + item.path("confirmed").asLong())
                            .as("%s on a board streamed by %s: no oversell", item.path("code").asText(),
                                    viewer.instance().name())
                            .isLessThanOrEqualTo(item.path("quota").asLong());
                    assertThat(item.path("remaining").asLong()).isNotNegative();
                }
            }
        }
    }

    /**
     * Both instances' outbox relays ran through the flash sale: every event is on its topic once.
     * Consumers would hide a second copy, so only the topic itself shows it. Checked before any
     * fault, since a process killed between sending and marking a row may send it again.
     */
    @Test
    @Order(2)
    void theRelaysOfBothInstancesPublishEveryEventOnce() {
        Map<String, String> repeatedByTopic = new TreeMap<>();
        for (String topic : List.of(Topics.ORDERS, Topics.LIVESTREAM_SESSIONS, Topics.CATALOG_PRODUCTS)) {
            try (EventTap tap = EventTap.fromBeginning(LiveSystem.KAFKA, topic)) {
                if (topic.equals(Topics.ORDERS)) {
                    tap.awaitMatching(e -> e.key().equals(Long.toString(session))
                            && OrderEventTypes.ORDER_PLACED.equals(e.type()), acceptedOrders.size(), Duration.ofSeconds(60));
                }
                List<Received> events = tap.drainMatching(e -> true, Duration.ofSeconds(2));
                Map<String, Integer> copies = repeated(events);
                if (!copies.isEmpty()) {
                    repeatedByTopic.put(topic, String.format("%d of %d ids in %d records, e.g. %s", copies.size(),
                            events.stream().map(Received::id).distinct().count(), events.size(),
                            copies.entrySet().stream().limit(3).toList()));
                }
            }
        }
        assertThat(repeatedByTopic).as("event ids on a topic more than once (ids, records, copies)").isEmpty();
    }

    @Test
    @Order(3)
    void ordersKeepComingWhileKafkaIsDownAndNothingIsLost() {
        system.stopKafka();
        try {
            for (int i = 0; i < 16; i++) {
                placeOrder(system.order.forRequest(i), session, "MO03", 1, String.format("09%08d", 30_000_000 + i),
                        "COD", UUID.randomUUID().toString());
            }
            List<Long> ids = new ArrayList<>(acceptedOrders.keySet());
            for (int i = 0; i < 10; i++) {
                given().baseUri(system.order.forRequest(i).url()).post("/orders/" + ids.get(i) + "/confirm").then()
                        .statusCode(200);
            }
        } finally {
            system.startKafka();
        }
        awaitViewsAgree();
    }

    /**
     * Instance 1 dies mid-burst; its buyers retry, and the load balancer sends them to instance 2,
     * which must take over the keys the dead instance had claimed. Once instance 1 is back, every
     * retry on either instance gets the first answer.
     */
    @Test
    @Order(4)
    void anOrderServiceInstanceKilledMidBurstLosesAndDoublesNothing() throws Exception {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            attempts.add(new Attempt(order(session, "MO03", 1, String.format("09%08d", 40_000_000 + i), "BANK_TRANSFER"),
                    UUID.randomUUID().toString(), system.order.forRequest(i)));
        }
        ServiceProcess victim = system.order.instance(1);
        int acceptedBefore = acceptedOrders.size();
        ExecutorService killer = Executors.newSingleThreadExecutor();
        Future<?> kill = killer.submit(() -> {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                    .until(() -> acceptedOrders.size() >= acceptedBefore + 10);
            victim.kill();
        });
        List<Answer> firstTry = concurrently(attempts);
        kill.get();
        killer.shutdown();

        Map<String, Answer> firstAnswers = new HashMap<>();
        firstTry.stream().filter(a -> a.status() == 201).forEach(a -> firstAnswers.put(a.key(), a));
        List<Attempt> retries = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            retries.add(attempts.get(i).to(system.order.forRequest(i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> concurrently(retries).stream().allMatch(a -> a.status() == 201));
        victim.start(Map.of());

        for (ServiceProcess instance : system.order.all()) {
            List<Answer> settled = concurrently(attempts.stream().map(a -> a.to(instance)).toList());
            for (Answer answer : settled) {
                assertThat(answer.status()).as("%s on %s", answer.body(), instance.name()).isEqualTo(201);
                Answer first = firstAnswers.get(answer.key());
                if (first != null) {
                    assertThat(answer.body()).as("a retry on %s gets the original answer of %s", instance.name(),
                            first.instance().name()).isEqualTo(first.body());
                }
            }
            assertThat(settled.stream().map(Answer::orderId).distinct().count()).as("one order per key").isEqualTo(80);
        }
        for (ServiceProcess instance : system.order.all()) {
            assertThat(tally(instance, session).getInt("totals.orders")).isEqualTo(acceptedOrders.size());
        }
    }

    @Test
    @Order(5)
    void staffConfirmAndCancelThenTheSessionEndsAndAllViewsAgree() {
        List<Long> ids = new ArrayList<>(acceptedOrders.keySet());
        ids.sort(Long::compare);
        for (int i = 0; i < ids.size(); i++) {
            String action = i % 10 == 0 ? "cancel" : i % 3 == 0 ? "pay" : "confirm";
            given().baseUri(system.order.forRequest(i).url()).post("/orders/" + ids.get(i) + "/" + action).then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 409));
        }
        // A few confirmed sales are cancelled afterwards: their units go back.
        for (int i = 1; i < ids.size(); i += 25) {
            given().baseUri(system.order.forRequest(i + 1).url()).post("/orders/" + ids.get(i) + "/cancel").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 409));
        }
        awaitViewsAgree();
        post(system.livestream, "/sessions/" + session + "/end", null, 200);
        awaitViewsAgree();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath tally = tally(system.order.instance(1), session);
            for (ServiceProcess catalog : system.catalog.all()) {
                for (String code : CODES) {
                    long product = products.get(code);
                    JsonPath reservation = given().baseUri(catalog.url())
                            .get("/products/" + product + "/reservations/" + session).then().statusCode(200).extract()
                            .jsonPath();
                    long held = item(tally, code).get("held");
                    long confirmed = item(tally, code).get("confirmed");
                    assertThat(reservation.getLong("sold")).as("%s sold in catalog = confirmed in the tally", code)
                            .isEqualTo(confirmed);
                    assertThat(reservation.getLong("quantity")).as("%s: what the ended session keeps", code)
                            .isEqualTo(confirmed + held);
                    JsonPath stock = given().baseUri(catalog.url()).get("/products/" + product + "/stock").then()
                            .extract().jsonPath();
                    assertThat(stock.getLong("onHand") + soldInSessions(catalog, product)).as("%s: no unit lost", code)
                            .isEqualTo(stockAtStart.get(code));
                }
            }
        });
    }

    @Test
    @Order(6)
    void everyOrderHasItsEventsOnKafkaOnce() {
        try (EventTap tap = EventTap.fromBeginning(LiveSystem.KAFKA, Topics.ORDERS)) {
            List<Received> events = tap.awaitMatching(e -> e.key().equals(Long.toString(session))
                    && OrderEventTypes.ORDER_PLACED.equals(e.type()), acceptedOrders.size(), Duration.ofSeconds(60));
            List<Received> all = tap.drainMatching(e -> e.key().equals(Long.toString(session)), Duration.ofSeconds(2));
            // A process killed between sending a row and marking it sent sends it again: consumers drop the copy.
            Map<String, Received> distinct = new HashMap<>();
            all.forEach(e -> distinct.putIfAbsent(e.id(), e));
            Map<Long, List<String>> typesByOrder = distinct.values().stream().collect(Collectors.groupingBy(
                    e -> e.data().path("orderId").asLong(), Collectors.mapping(Received::type, Collectors.toList())));
            assertThat(typesByOrder.keySet()).isEqualTo(acceptedOrders.keySet());
            typesByOrder.forEach((order, types) -> {
                assertThat(types.stream().filter(OrderEventTypes.ORDER_PLACED::equals).count())
                        .as("order %d placed once", order).isEqualTo(1);
                assertThat(types).as("order %d: no transition twice", order).doesNotHaveDuplicates();
            });
            assertThat(events).isNotEmpty();
            System.out.printf("Order events of the session on the topic: %d, distinct ids: %d%n", all.size(),
                    distinct.size());
        }
    }

    @Test
    @Order(7)
    void consumersReplayingTheirTopicsFromTheStartChangeNoNumbers() throws Exception {
        JsonNode boardBefore = board(system.livestream.instance(1), session);
        String ledgerBefore = ledgers();
        viewers.forEach(BoardStream::close);
        viewers = List.of();
        Set<String> replayed;
        try (Admin admin = Admin.create(adminProperties())) {
            replayed = groupsOf(admin, "livestream", "catalog");
            assertThat(replayed).as("consumer groups of livestream- and catalog-service").isNotEmpty();
        }
        LiveSystem.inParallel(List.of(system.livestream::stop, system.catalog::stop));
        try (Admin admin = Admin.create(adminProperties())) {
            await().alias("the stopped instances leave their consumer groups " + replayed).atMost(Duration.ofSeconds(60))
                    .until(() -> admin.describeConsumerGroups(replayed).all().get().values().stream()
                            .allMatch(group -> group.members().isEmpty()));
            // Without committed offsets, the consumers start again from the first record of their topics.
            admin.deleteConsumerGroups(replayed).all().get();
        } finally {
            LiveSystem.inParallel(List.of(system.catalog::start, system.livestream::start));
        }
        try (Admin admin = Admin.create(adminProperties())) {
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> allCaughtUp(admin, replayed));
        }
        for (ServiceProcess livestream : system.livestream.all()) {
            assertThat(board(livestream, session).path("totals")).as("board totals on %s", livestream.name())
                    .isEqualTo(boardBefore.path("totals"));
        }
        assertThat(ledgers()).isEqualTo(ledgerBefore);
    }

    /** Both instances expire holds that ran out: each hold expires once, its units go back once. */
    @Test
    @Order(8)
    void heldOrdersOfAShortHoldExpireOnceAndGiveTheirUnitsBack() {
        await().atMost(Duration.ofSeconds(120))
                .until(() -> tally(system.order.instance(2), shortHoldSession).getInt("ordersByStatus.EXPIRED") == SHORT_HOLDS);
        for (ServiceProcess livestream : system.livestream.all()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> board(livestream, shortHoldSession).path("totals").path("cancelled").asLong() == 2 * SHORT_HOLDS);
        }
        assertThat(item(tally(system.order.instance(1), shortHoldSession), "BG01").get("remaining"))
                .isEqualTo(2L * SHORT_HOLDS);
        try (EventTap tap = EventTap.fromBeginning(LiveSystem.KAFKA, Topics.ORDERS)) {
            Predicate<Received> expiry = e -> e.key().equals(Long.toString(shortHoldSession))
                    && OrderEventTypes.ORDER_EXPIRED.equals(e.type());
            tap.awaitMatching(expiry, SHORT_HOLDS, Duration.ofSeconds(30));
            List<Received> expired = tap.drainMatching(expiry, Duration.ofSeconds(2));
            Map<Long, Set<String>> expiriesByOrder = expired.stream().collect(Collectors.groupingBy(
                    e -> e.data().path("orderId").asLong(), Collectors.mapping(Received::id, Collectors.toSet())));
            assertThat(expiriesByOrder.keySet()).isEqualTo(shortHoldOrders);
            assertThat(expiriesByOrder).as("expiries (distinct event ids) of each order").allSatisfy((order, ids) ->
                    assertThat(ids).as("order %d expired", order).hasSize(1));
        }
    }

    @Test
    @Order(9)
    void buyersPhonesAndAddressesAppearNowhereButTheOwnersExport() throws IOException {
        List<String> personal = new ArrayList<>(List.of(BUYER_NAME, ADDRESS_DETAIL, MEMBER_PHONE.substring(1)));
        for (String phone : buyerPhones) {
            // The national number without its leading 0: matches 0912…, +84912… and 84912… alike.
            personal.add(phone.substring(1));
        }
        String export = given().baseUri(system.order.instance(2).url()).get("/sessions/" + session + "/orders.csv").then()
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
    @Order(10)
    void onlyTheConfiguredFrontEndMayCallFromABrowser() throws Exception {
        for (ServiceProcess order : system.order.all()) {
            HttpResponse<String> allowed = preflight(order, LiveSystem.FRONT_END_ORIGIN);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(LiveSystem.FRONT_END_ORIGIN);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase(Locale.ROOT))
                    .contains("idempotency-key", "authorization");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).isNotEqualTo(Optional.of("true"));

            HttpResponse<String> foreign = preflight(order, "https://lua-dao.example");
            assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).as("a page of another site")
                    .isNotEqualTo(Optional.of("https://lua-dao.example")).isNotEqualTo(Optional.of("*"));
        }
    }

    @Test
    @Order(11)
    void aTokenFromChotdonTokenOpensTheOwnersTallyAndNothingElse() throws Exception {
        Path script = LocalInfrastructure.repositoryRoot().resolve("chotdon");
        Process mint = new ProcessBuilder("bash", script.toString(), "token", "--role", "owner", "--cooperative",
                Long.toString(cooperative)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String token = new String(mint.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(mint.waitFor()).isZero();

        for (ServiceProcess order : system.order.all()) {
            Callers.as(token).baseUri(order.url()).get("/sessions/" + session + "/tally").then().statusCode(200);
            Callers.as(token).baseUri(order.url()).get("/sessions/" + (session + 1000) + "/tally").then().statusCode(404);
        }
        Callers.as(token).baseUri(system.catalog.instance(1).url()).contentType(ContentType.JSON)
                .body(Map.of("name", "HTX khác", "province", "Hà Nội")).post("/cooperatives").then().statusCode(403);
    }

    /**
     * A second session paid the way buyers really pay: each bank-transfer order's VietQR names the
     * cooperative's account and the order code; the bank's notifier posts the transfers (memos
     * mangled as banks mangle them, some delivered twice at once to both instances, one short of its
     * amount) and the orders become PAID without staff. Couriers deliver cash-on-delivery orders, one
     * paid order comes back. Then what each member household is owed adds up, to the đồng, to the
     * tally's counted revenue less the commission.
     */
    @Test
    @Order(12)
    void transfersPaidThroughTheWebhookAndTheSettlementPerHouseholdAgreeWithTheTally() throws Exception {
        long butcher = post(system.catalog, "/cooperatives/" + cooperative + "/members",
                Map.of("name", "Hộ ông Trần Văn Lực", "phone", "0983456123"), 201).getLong("id");
        product("GL04", "Giò lụa Ước Lễ", butcher, 220000, 200);
        given().baseUri(system.catalog.instance(1).url()).contentType(ContentType.JSON)
                .body(Map.of("basisPoints", COMMISSION_BASIS_POINTS))
                .put("/cooperatives/" + cooperative + "/settlement/commission").then().statusCode(200);
        post(system.order, "/cooperatives/" + cooperative + "/receiving-accounts", Map.of("bankBin", "970436",
                "accountNumber", ACCOUNT_NUMBER, "accountName", "HTX Nông nghiệp Đan Phượng", "makeDefault", true), 201);
        JsonPath key = given().baseUri(system.order.instance(1).url()).put("/payments/webhook-key").then().statusCode(200)
                .extract().jsonPath();
        String webhookPath = key.getString("webhookPath");
        String apiKey = key.getString("apiKey");

        long paidSession = session("Phiên chuyển khoản VietQR", 30);
        lineup(paidSession, "BG01", 15000, 200, null);
        lineup(paidSession, "GL04", 210000, 50, null);
        post(system.livestream, "/sessions/" + paidSession + "/start", null, 200);
        awaitOrderable(paidSession, 2);

        List<JsonPath> transferOrders = new ArrayList<>();
        List<JsonPath> codOrders = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            boolean cod = i % 4 == 3;
            long id = placeOrder(system.order.forRequest(i), paidSession, i % 2 == 0 ? "BG01" : "GL04", 1 + i % 3,
                    "0978" + (100000 + i * 37), cod ? "COD" : "BANK_TRANSFER", null);
            JsonPath order = given().baseUri(system.order.instance(1).url()).get("/orders/" + id).then().statusCode(200)
                    .extract().jsonPath();
            (cod ? codOrders : transferOrders).add(order);
        }
        for (JsonPath order : transferOrders) {
            assertThat(order.getString("transfer.purpose")).isEqualTo("CHOTDON " + order.getString("code"));
            assertThat(order.getString("transfer.qrPayload")).contains("0010A000000727").contains(ACCOUNT_NUMBER)
                    .contains("CHOTDON " + order.getString("code"));
            assertThat(order.getLong("transfer.amountVnd")).isEqualTo(order.getLong("totalVnd"));
        }

        JsonPath underpaid = transferOrders.get(0);
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(notify(0, webhookPath, apiKey, 7_100, "IBFT " + underpaid.getString("code"),
                underpaid.getLong("totalVnd") - 5_000));
        ExecutorService bank = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
            for (int i = 1; i < transferOrders.size(); i++) {
                JsonPath order = transferOrders.get(i);
                int transaction = 7_100 + i;
                String memo = bankMemo(order.getString("code"), i);
                // Every third transfer is delivered twice at once, to both instances, as a notifier retrying.
                for (int copy = 0; copy < (i % 3 == 0 ? 2 : 1); copy++) {
                    int instance = i + copy;
                    deliveries.add(bank.submit(() -> notify(instance, webhookPath, apiKey, transaction, memo,
                            order.getLong("totalVnd"))));
                }
            }
            for (Future<HttpResponse<String>> delivery : deliveries) {
                answers.add(delivery.get());
            }
        } finally {
            bank.shutdownNow();
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200));
        assertThat(answers.get(0).body()).contains("\"outcome\":\"REVIEW\"").contains("UNDERPAID");

        for (int i = 0; i < transferOrders.size(); i++) {
            String status = given().baseUri(system.order.instance(1 + i % 2).url())
                    .get("/orders/" + transferOrders.get(i).getLong("id")).then().statusCode(200).extract().path("status");
            assertThat(status).as("order %s", transferOrders.get(i).getString("code")).isEqualTo(i == 0 ? "PLACED" : "PAID");
        }
        JsonPath review = given().baseUri(system.order.instance(2).url()).queryParam("state", "OPEN")
                .get("/payments/unmatched").then().statusCode(200).extract().jsonPath();
        assertThat(review.getList("items.reason")).containsExactly("UNDERPAID");

        for (JsonPath order : codOrders) {
            for (String action : List.of("confirm", "ship", "deliver")) {
                post(system.order, "/orders/" + order.getLong("id") + "/" + action, null, 200);
            }
        }
        JsonPath sentBack = transferOrders.get(1);
        for (String action : List.of("ship", "deliver", "return")) {
            post(system.order, "/orders/" + sentBack.getLong("id") + "/" + action, null, 200);
        }
        post(system.order, "/orders/" + codOrders.get(0).getLong("id") + "/return", null, 200);

        long expectedCounted = 0;
        for (int i = 2; i < transferOrders.size(); i++) {
            expectedCounted += transferOrders.get(i).getLong("totalVnd");
        }
        for (int i = 1; i < codOrders.size(); i++) {
            expectedCounted += codOrders.get(i).getLong("totalVnd");
        }
        JsonPath tally = tally(system.order.instance(2), paidSession);
        assertThat(tally.getLong("totals.countedRevenueVnd")).isEqualTo(expectedCounted);
        assertThat(tally.getLong("payments.unmatchedVnd")).isEqualTo(underpaid.getLong("totalVnd") - 5_000);
        assertThat(tally.getInt("ordersByStatus.RETURNED")).isEqualTo(2);

        long commission = expectedCounted * COMMISSION_BASIS_POINTS / 10_000;
        long finalCounted = expectedCounted;
        for (ServiceProcess catalog : system.catalog.all()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonPath settlement = given().baseUri(catalog.url())
                        .get("/cooperatives/" + cooperative + "/settlement/sessions/" + paidSession).then().statusCode(200)
                        .extract().jsonPath();
                assertThat(settlement.getLong("totals.grossVnd")).as("gross on %s", catalog.name()).isEqualTo(finalCounted);
                assertThat(settlement.getLong("totals.commissionVnd")).isEqualTo(commission);
                assertThat(settlement.getLong("totals.netVnd")).isEqualTo(finalCounted - commission);
                assertThat(settlement.getList("members.memberId", Long.class)).hasSize(2).doesNotContainNull();
                for (String amount : List.of("grossVnd", "commissionVnd", "netVnd", "unitsSold")) {
                    long sum = settlement.getList("members.amounts." + amount, Long.class).stream()
                            .mapToLong(Long::longValue).sum();
                    assertThat(sum).as("households' %s add up to the total", amount)
                            .isEqualTo(settlement.getLong("totals." + amount));
                }
            });
        }

        try (EventTap tap = EventTap.fromBeginning(LiveSystem.KAFKA, Topics.ORDERS)) {
            Predicate<Received> paid = e -> e.key().equals(Long.toString(paidSession))
                    && OrderEventTypes.ORDER_PAID.equals(e.type());
            tap.awaitMatching(paid, transferOrders.size() - 1, Duration.ofSeconds(30));
            Map<Long, Set<String>> paidEventsByOrder = tap.drainMatching(paid, Duration.ofSeconds(2)).stream()
                    .collect(Collectors.groupingBy(e -> e.data().path("orderId").asLong(),
                            Collectors.mapping(Received::id, Collectors.toSet())));
            assertThat(paidEventsByOrder).hasSize(transferOrders.size() - 1)
                    .allSatisfy((order, ids) -> assertThat(ids).as("order %d paid once", order).hasSize(1));
        }
    }

    /**
     * A third session sold from live comments: a forwarder posts the comments in batches to both
     * order-service instances at once (each batch twice, the copy racing the first to the other
     * instance) while buyers tap POST /orders for the last units of the same item on both instances
     * (40 comments and 20 taps of one unit each for 30 units).
     * Every comment is stored once, every ordered comment has exactly one order, nothing is oversold,
     * and the comment orders count on the board, in the ticker and in catalog's ledger like any other.
     */
    @Test
    @Order(13)
    void liveCommentsOnBothInstancesRaceBuyersForTheLastUnitsWithoutOversellOrDoubles() throws Exception {
        long commentSession = session("Chốt đơn qua bình luận", 30);
        lineup(commentSession, "BG01", 15000, COMMENT_QUOTA, null);
        lineup(commentSession, "BC02", 55000, 60, null);
        post(system.livestream, "/sessions/" + commentSession + "/start", null, 200);
        awaitOrderable(commentSession, 2);
        // Regular buyers: each has ordered bánh chưng through the app, so their phones have an address.
        List<Attempt> regulars = new ArrayList<>();
        for (int i = 0; i < COMMENT_BUYERS; i++) {
            regulars.add(new Attempt(order(commentSession, "BC02", 1, regularPhone(i), "COD"), UUID.randomUUID().toString(),
                    system.order.forRequest(i)));
        }
        assertThat(concurrently(regulars)).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));

        List<Map<String, Object>> comments = new ArrayList<>();
        for (int i = 0; i < COMMENT_BUYERS; i++) {
            comments.add(comment("74" + (100_000 + i), i % 2 == 0 ? "Chị Lan" : "Anh Tuấn",
                    commentText(i, regularPhone(i))));
        }
        for (int i = 0; i < 5; i++) {
            comments.add(comment("75" + (100_000 + i), "Cô Mai", "chốt BG01 x1 sđt 0355" + (100_100 + i)));
            comments.add(comment("76" + (100_000 + i), "Hà My", i % 2 == 0 ? "còn bánh gio không shop?" : "đẹp quá shop ơi"));
        }
        List<Callable<HttpResponse<String>>> race = new ArrayList<>();
        for (int from = 0; from < comments.size(); from += 10) {
            List<Map<String, Object>> batch = comments.subList(from, Math.min(comments.size(), from + 10));
            // The forwarder's batch and its resend, at the same moment, one to each instance.
            for (ServiceProcess instance : system.order.all()) {
                race.add(() -> postComments(instance, commentSession, batch));
            }
        }
        List<Attempt> taps = new ArrayList<>();
        for (int i = 0; i < COMMENT_TAPS; i++) {
            taps.add(new Attempt(order(commentSession, "BG01", 1, String.format(Locale.ROOT, "0986%06d", 200_000 + i), "COD"),
                    UUID.randomUUID().toString(), system.order.forRequest(i)));
        }
        List<Answer> tapAnswers = new ArrayList<>();
        List<HttpResponse<String>> batchAnswers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(race.size() + taps.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> posted = new ArrayList<>();
            List<Future<Answer>> tapped = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : race) {
                posted.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            for (Attempt tap : taps) {
                tapped.add(pool.submit(() -> {
                    start.await();
                    return send(tap);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> answer : posted) {
                batchAnswers.add(answer.get());
            }
            for (Future<Answer> answer : tapped) {
                tapAnswers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(batchAnswers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        Map<String, List<JsonNode>> outcomesById = new TreeMap<>();
        for (HttpResponse<String> answer : batchAnswers) {
            for (JsonNode outcome : JSON.readTree(answer.body()).path("outcomes")) {
                outcomesById.computeIfAbsent(outcome.path("platformCommentId").asText(), k -> new ArrayList<>()).add(outcome);
            }
        }
        assertThat(outcomesById).hasSize(comments.size());
        Map<String, String> orderCodeByComment = new TreeMap<>();
        outcomesById.forEach((id, both) -> {
            assertThat(both).as("answers for comment %s", id).hasSize(2);
            assertThat(both.stream().filter(o -> o.path("outcome").asText().equals("DUPLICATE")))
                    .as("comment %s: one of its two copies is the duplicate: %s", id, both).hasSize(1);
            assertThat(both.get(0).path("commentId").asLong()).as("one stored comment").isEqualTo(both.get(1).path("commentId").asLong());
            both.stream().filter(o -> o.path("outcome").asText().equals("ORDERED"))
                    .forEach(o -> orderCodeByComment.put(id, o.path("orderCode").asText()));
        });
        Map<String, Long> firstOutcomes = outcomesById.values().stream().flatMap(List::stream)
                .filter(o -> !o.path("outcome").asText().equals("DUPLICATE"))
                .collect(Collectors.groupingBy(o -> o.path("outcome").asText() + " " + o.path("reasons").path(0).path("code")
                        .asText(""), TreeMap::new, Collectors.counting()));
        System.out.printf("Live comments racing taps for the last %d units: %s; taps: %s%n", COMMENT_QUOTA, firstOutcomes,
                tapAnswers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting())));
        assertThat(orderCodeByComment).as("comments that ordered").isNotEmpty();
        assertThat(firstOutcomes.keySet()).as("what became of the comments").contains("WAITLISTED SOLD_OUT",
                "WAITING_FOR_REVIEW ADDRESS_MISSING", "WAITING_FOR_REVIEW QUESTION", "IGNORED ")
                .doesNotContain("REFUSED SOLD_OUT");
        assertThat(firstOutcomes.get("WAITING_FOR_REVIEW ADDRESS_MISSING")).isEqualTo(5);
        // A regular buyer whose comment came after the last unit waits in the item's line, once, whichever instance took it.
        for (ServiceProcess instance : system.order.all()) {
            assertThat(given().baseUri(instance.url()).queryParam("state", "WAITING").queryParam("size", 100)
                    .get("/sessions/" + commentSession + "/waitlist").then().statusCode(200).extract().jsonPath()
                    .getLong("totalItems")).as("waiting buyers seen on %s", instance.name())
                    .isEqualTo(firstOutcomes.get("WAITLISTED SOLD_OUT"));
        }
        long tapped = tapAnswers.stream().filter(a -> a.status() == 201).count();
        assertThat(tapAnswers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(201, 409));
        assertThat(tapped + orderCodeByComment.size()).as("units of BG01 ordered by comments and taps")
                .isEqualTo(COMMENT_QUOTA);

        // Each comment stored once, on whichever instance it was listed.
        for (ServiceProcess instance : system.order.all()) {
            JsonPath stored = given().baseUri(instance.url()).queryParam("size", 100)
                    .get("/sessions/" + commentSession + "/comments").then().statusCode(200).extract().jsonPath();
            assertThat(stored.getLong("totalItems")).isEqualTo(comments.size());
            assertThat(stored.getList("items.platformCommentId", String.class)).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(outcomesById.keySet());
            Map<String, String> ordered = new TreeMap<>();
            JsonPath orderedComments = given().baseUri(instance.url()).queryParam("state", "ORDERED").queryParam("size", 100)
                    .get("/sessions/" + commentSession + "/comments").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> comment : orderedComments.<Map<String, Object>> getList("items")) {
                ordered.put((String) comment.get("platformCommentId"), (String) comment.get("orderCode"));
            }
            assertThat(ordered).isEqualTo(orderCodeByComment);
        }
        // Each ordered comment has exactly one order, and no comment left waiting has any.
        List<Map<String, Object>> sessionOrders = given().baseUri(system.order.instance(2).url())
                .queryParam("sessionId", commentSession).queryParam("size", 100).get("/orders").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(sessionOrders).hasSize(COMMENT_BUYERS + (int) tapped + orderCodeByComment.size());
        outcomesById.keySet().forEach(id -> {
            List<String> codes = sessionOrders.stream().filter(o -> String.valueOf(o.get("note")).endsWith(" " + id))
                    .map(o -> (String) o.get("code")).toList();
            assertThat(codes).as("orders of comment %s", id).isEqualTo(orderCodeByComment.containsKey(id)
                    ? List.of(orderCodeByComment.get(id)) : List.of());
        });

        // Two staff decide the same waiting comment at once, on both instances: one decision holds.
        long waiting = outcomesById.values().stream().flatMap(List::stream)
                .filter(o -> o.path("reasons").path(0).path("code").asText().equals("ADDRESS_MISSING"))
                .findFirst().orElseThrow().path("commentId").asLong();
        Map<String, Object> accept = Map.of("decision", "EDIT_THEN_ACCEPT", "lines", List.of(Map.of("code", "BC02",
                "quantity", 2)), "phone", "0355100100", "address", Map.of("province", "Hà Nội", "commune", "Xã Đan Phượng",
                "detail", ADDRESS_DETAIL), "note", "Khách đổi sang bánh chưng");
        List<Integer> decisions = new ArrayList<>();
        ExecutorService staff = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> both = new ArrayList<>();
            for (ServiceProcess instance : system.order.all()) {
                both.add(staff.submit(() -> given().baseUri(instance.url()).contentType(ContentType.JSON).body(accept)
                        .post("/sessions/" + commentSession + "/comments/" + waiting + "/decision").then().extract()
                        .statusCode()));
            }
            for (Future<Integer> decision : both) {
                decisions.add(decision.get());
            }
        } finally {
            staff.shutdownNow();
        }
        assertThat(decisions).containsExactlyInAnyOrder(200, 409);
        JsonPath decided = given().baseUri(system.order.instance(1).url()).queryParam("state", "ACCEPTED")
                .get("/sessions/" + commentSession + "/comments").then().statusCode(200).extract().jsonPath();
        assertThat(decided.getList("items.id", Long.class)).containsExactly(waiting);
        assertThat(decided.getString("items[0].decidedBy")).isNotBlank();

        // Staff confirm the comment orders as any others; then every view agrees.
        List<Long> commentOrders = sessionOrders.stream().filter(o -> orderCodeByComment.containsValue((String) o.get("code")))
                .map(o -> ((Number) o.get("id")).longValue()).toList();
        for (int i = 0; i < commentOrders.size(); i++) {
            given().baseUri(system.order.forRequest(i).url()).post("/orders/" + commentOrders.get(i) + "/confirm").then()
                    .statusCode(200);
        }
        List<String> codes = List.of("BG01", "BC02");
        awaitSessionViewsAgree(commentSession, codes);
        JsonPath tally = tally(system.order.instance(1), commentSession);
        assertThat(unitsTaken(tally, "BG01")).as("the last units sold once, to comments and taps").isEqualTo(COMMENT_QUOTA);
        assertThat(item(tally, "BC02").get("held") + item(tally, "BC02").get("confirmed")).isEqualTo(COMMENT_BUYERS + 2L);
        for (ServiceProcess livestream : system.livestream.all()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode newest = board(livestream, commentSession).path("ticker").path(0);
                assertThat(newest.path("code").asText() + " x" + newest.path("quantity").asLong() + " "
                        + newest.path("buyerShownAs").asText()).as("the newest order on the board of %s: the accepted"
                        + " comment's", livestream.name()).isEqualTo("BC02 x2 Cô M***");
            });
        }
        post(system.livestream, "/sessions/" + commentSession + "/end", null, 200);
        awaitSessionViewsAgree(commentSession, codes);
        try (EventTap tap = EventTap.fromBeginning(LiveSystem.KAFKA, Topics.ORDERS)) {
            Predicate<Received> placed = e -> e.key().equals(Long.toString(commentSession))
                    && OrderEventTypes.ORDER_PLACED.equals(e.type());
            tap.awaitMatching(placed, sessionOrders.size() + 1, Duration.ofSeconds(30));
            Map<Long, Set<String>> placedByOrder = tap.drainMatching(placed, Duration.ofSeconds(2)).stream()
                    .collect(Collectors.groupingBy(e -> e.data().path("orderId").asLong(),
                            Collectors.mapping(Received::id, Collectors.toSet())));
            assertThat(placedByOrder).hasSize(sessionOrders.size() + 1)
                    .allSatisfy((order, ids) -> assertThat(ids).as("order %d placed once", order).hasSize(1));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** One order request and the instance it is sent to. */
    private record Attempt(Map<String, Object> body, String key, ServiceProcess to) {
        Attempt to(ServiceProcess instance) {
            return new Attempt(body, key, instance);
        }
    }

    private record Answer(String key, int status, String body, long orderId, ServiceProcess instance) {
    }

    private static String regularPhone(int i) {
        return String.format(Locale.ROOT, "0966%06d", 100_000 + i * 13);
    }

    /** The ways buyers write the same order of one BG01 with their phone. */
    private static String commentText(int i, String phone) {
        return switch (i % 4) {
            case 0 -> "chốt bg01 x1 sdt " + phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
            case 1 -> "BG01 " + phone;
            case 2 -> "bg 01 1c nha " + phone.substring(0, 4) + "." + phone.substring(4, 7) + "." + phone.substring(7);
            default -> "e lấy bánh gio 1 cái +84 " + phone.substring(1);
        };
    }

    private static Map<String, Object> comment(String id, String name, String text) {
        return Map.of("platform", "TIKTOK", "platformCommentId", id, "commenterName", name,
                "commenterId", "viewer." + id, "text", text, "commentedAt", "2026-11-28T13:05:00Z");
    }

    /** A forwarder's batch of comments, posted with a service token. */
    private HttpResponse<String> postComments(ServiceProcess instance, long sessionId, List<Map<String, Object>> comments)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(instance.url() + "/sessions/" + sessionId + "/comments"))
                .header("Authorization", "Bearer " + TestTokens.service()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("comments", comments)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until every view of a session agrees with order-service's tally, as {@link #awaitViewsAgree}
     * does for the main session: the tally on each order-service instance, the board on each livestream
     * instance, catalog's ledger on each catalog instance, and no oversell.
     */
    private void awaitSessionViewsAgree(long sessionId, List<String> codes) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath tally = tally(system.order.instance(1), sessionId);
            for (ServiceProcess order : system.order.all()) {
                JsonPath other = tally(order, sessionId);
                for (String code : codes) {
                    assertThat(item(other, code)).as("%s in the tally of %s", code, order.name()).isEqualTo(item(tally, code));
                }
            }
            for (ServiceProcess livestream : system.livestream.all()) {
                assertBoardShowsTally("the board of " + livestream.name(), board(livestream, sessionId), tally, codes);
            }
            for (ServiceProcess catalog : system.catalog.all()) {
                for (String code : codes) {
                    JsonPath reservation = given().baseUri(catalog.url())
                            .get("/products/" + products.get(code) + "/reservations/" + sessionId).then().statusCode(200)
                            .extract().jsonPath();
                    assertThat(reservation.getLong("sold")).as("%s sold in the stock ledger of %s = confirmed in the tally",
                            code, catalog.name()).isEqualTo(item(tally, code).get("confirmed"));
                    if ("ENDED".equals(tally.getString("sessionStatus"))) {
                        assertThat(reservation.getLong("quantity")).as("%s: what the ended session keeps", code)
                                .isEqualTo(item(tally, code).get("confirmed") + item(tally, code).get("held"));
                    }
                }
            }
            for (String code : codes) {
                Map<String, Long> t = item(tally, code);
                assertThat(t.get("held") + t.get("confirmed")).as("%s: no oversell", code).isLessThanOrEqualTo(t.get("quota"));
            }
        });
    }

    private HttpResponse<String> preflight(ServiceProcess order, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(order.url() + "/orders"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,idempotency-key,authorization")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until every view of the main session agrees with order-service's tally: the tally on
     * each order-service instance, the board on each livestream instance (REST and, while viewers
     * follow it, the latest board each viewer's stream pushed) and catalog's stock ledger on each
     * catalog instance; and nothing is oversold.
     */
    private void awaitViewsAgree() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath tally = tally(system.order.instance(1), session);
            for (ServiceProcess order : system.order.all()) {
                JsonPath other = tally(order, session);
                for (String code : CODES) {
                    assertThat(item(other, code)).as("%s in the tally of %s", code, order.name()).isEqualTo(item(tally, code));
                }
            }
            Map<String, JsonNode> boards = new HashMap<>();
            for (ServiceProcess livestream : system.livestream.all()) {
                boards.put("the board of " + livestream.name(), board(livestream, session));
            }
            for (BoardStream viewer : viewers) {
                boards.put("the latest board streamed by " + viewer.instance().name()
                        + (viewer.ending() == null ? "" : " (" + viewer.ending() + ")"), viewer.latest());
            }
            boards.forEach((where, board) -> assertBoardShowsTally(where, board, tally, CODES));
            for (ServiceProcess catalog : system.catalog.all()) {
                for (String code : CODES) {
                    long sold = given().baseUri(catalog.url())
                            .get("/products/" + products.get(code) + "/reservations/" + session).then().extract().jsonPath()
                            .getLong("sold");
                    assertThat(sold).as("%s sold in the stock ledger of %s = confirmed in the tally", code, catalog.name())
                            .isEqualTo(item(tally, code).get("confirmed"));
                }
            }
            for (String code : CODES) {
                Map<String, Long> t = item(tally, code);
                assertThat(t.get("held") + t.get("confirmed")).as("%s: no oversell", code).isLessThanOrEqualTo(t.get("quota"));
            }
        });
    }

    private static void assertBoardShowsTally(String where, JsonNode board, JsonPath tally, List<String> codes) {
        for (String code : codes) {
            Map<String, Long> t = item(tally, code);
            JsonNode b = StreamSupport.stream(board.path("items").spliterator(), false)
                    .filter(item -> code.equals(item.path("code").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(code + " is missing on " + where));
            for (String counter : List.of("held", "confirmed", "cancelled", "remaining")) {
                assertThat(b.path(counter).asLong()).as("%s %s on %s = tally", code, counter, where).isEqualTo(t.get(counter));
            }
        }
    }

    private List<Answer> concurrently(List<Attempt> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(64, attempts.size()));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        try {
            for (Attempt attempt : attempts) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return send(attempt);
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

    private Answer send(Attempt attempt) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(attempt.to().url() + "/orders"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(attempt.body())));
            if (attempt.key() != null) {
                request.header("Idempotency-Key", attempt.key());
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
            return new Answer(attempt.key(), response.statusCode(), response.body(), orderId, attempt.to());
        } catch (java.io.IOException e) {
            return new Answer(attempt.key(), -1, e.toString(), -1, attempt.to());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(attempt.key(), -1, e.toString(), -1, attempt.to());
        }
    }

    /** A SePay notification of one incoming transfer to the cooperative's account, posted to one instance. */
    private HttpResponse<String> notify(int instance, String webhookPath, String apiKey, int transaction, String memo,
            long amountVnd) throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("id", transaction, "gateway", "Vietcombank",
                "transactionDate", "2026-11-28 20:15:37", "accountNumber", ACCOUNT_NUMBER, "content", memo,
                "transferType", "in", "transferAmount", amountVnd, "accumulated", 0,
                "referenceCode", "FT" + transaction, "description", ""));
        body.put("subAccount", null);
        body.put("code", null);
        return http.send(HttpRequest.newBuilder(URI.create(system.order.forRequest(instance).url() + webhookPath))
                .header("Authorization", "Apikey " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The memo as banks pass it on: their prefixes and references, upper or lower case, glued or split. */
    private static String bankMemo(String code, int n) {
        return switch (n % 4) {
            case 0 -> "MBVCB.1234567.CHOTDON " + code + ".CT tu 0912345678 NGUYEN VAN A";
            case 1 -> "chotdon" + code.toLowerCase(Locale.ROOT);
            case 2 -> "IBFT " + code;
            default -> "CHOTDON " + code.substring(0, 4) + " " + code.substring(4) + " chuyen tien";
        };
    }

    private long placeOrder(ServiceProcess instance, long sessionId, String code, int quantity, String phone,
            String payment, String key) {
        Answer answer = send(new Attempt(order(sessionId, code, quantity, phone, payment), key, instance));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.orderId();
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

    /** Until every order-service instance takes orders for the session. */
    private void awaitOrderable(long sessionId, int items) {
        for (ServiceProcess order : system.order.all()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var response = given().baseUri(order.url()).get("/sessions/" + sessionId + "/orderable").then().extract();
                return response.statusCode() == 200 && "LIVE".equals(response.path("status"))
                        && response.jsonPath().getList("items").size() == items;
            });
        }
    }

    private static JsonPath tally(ServiceProcess order, long sessionId) {
        return given().baseUri(order.url()).get("/sessions/" + sessionId + "/tally").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonNode board(ServiceProcess livestream, long sessionId) throws IOException {
        return JSON.readTree(given().baseUri(livestream.url()).get("/sessions/" + sessionId + "/board").then()
                .statusCode(200).extract().asString());
    }

    /** The stock ledgers and stock of every product, as both catalog instances show them (they must agree). */
    private String ledgers() {
        List<String> views = new ArrayList<>();
        for (ServiceProcess catalog : system.catalog.all()) {
            StringBuilder all = new StringBuilder();
            for (long product : products.values()) {
                all.append(given().baseUri(catalog.url()).queryParam("size", 100)
                        .get("/products/" + product + "/stock/ledger").then().statusCode(200).extract().jsonPath()
                        .getList("items.id")).append(given().baseUri(catalog.url())
                        .get("/products/" + product + "/stock").then().extract().asString());
            }
            views.add(all.toString());
        }
        assertThat(views).as("the ledgers on every catalog instance").containsOnly(views.get(0));
        return views.get(0);
    }

    /** Units of the product sold by the orders of both sessions (they left the stock). */
    private long soldInSessions(ServiceProcess catalog, long product) {
        long sold = 0;
        for (long sessionId : List.of(session, shortHoldSession)) {
            var reservation = given().baseUri(catalog.url())
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

    /** Ids seen more than once, with the number of copies. */
    private static Map<String, Integer> repeated(List<Received> events) {
        Map<String, Integer> copies = events.stream().collect(Collectors.groupingBy(Received::id,
                Collectors.reducing(0, e -> 1, Integer::sum)));
        copies.values().removeIf(n -> n == 1);
        return copies;
    }

    /** A staff call, sent to the next instance of the service in turn. */
    private JsonPath post(Replicas service, String path, Object body, int status) {
        var request = given().baseUri(service.forRequest(staffRequests.getAndIncrement()).url());
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

    /** The consumer groups of these services (whatever each consumer is named after the prefix). */
    private static Set<String> groupsOf(Admin admin, String... services) throws Exception {
        Set<String> prefixes = new HashSet<>();
        for (String service : services) {
            prefixes.add(LiveSystem.consumerGroupPrefix(service) + ".");
        }
        return admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .filter(group -> prefixes.stream().anyMatch(group::startsWith)).collect(Collectors.toSet());
    }

    private static boolean allCaughtUp(Admin admin, Set<String> groups) throws Exception {
        for (String group : groups) {
            if (!caughtUp(admin, group)) {
                return false;
            }
        }
        return true;
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
