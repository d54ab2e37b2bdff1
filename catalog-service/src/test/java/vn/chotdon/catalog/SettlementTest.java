package vn.chotdon.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.catalog.settlement.SettlementScope;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * What each member household is owed, built from order events published to the real broker as
 * order-service publishes them: money counts once paid or delivered, a return or a cancellation
 * after payment reverses it, duplicates and a replay change nothing, a revived order counts, and
 * the households' amounts add up to the đồng to the money that counted (order-service's
 * {@code countedRevenueVnd}) less the commission computed once.
 */
@QuarkusTest
class SettlementTest {

    private static final String CONSUMER = "catalog-service-test.settlement";

    private final Db db = Db.ofApplication();
    private final long session = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    private final long otherSession = session + 1;
    private final List<EventEnvelope<?>> published = new ArrayList<>();
    private long coop;
    private long orderIds;

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void householdsAreOwedExactlyTheCountedMoneyLessTheCommissionAndPayoutsAreHonest() throws Exception {
        coop = CatalogApi.cooperative("HTX Thanh toán hộ");
        String owner = TestTokens.claims().role("owner").cooperative(coop).subject("chi-lan@htx").sign();
        Callers.as(owner).contentType(ContentType.JSON).body(Map.of("basisPoints", 1000))
                .put("/cooperatives/" + coop + "/settlement/commission").then().statusCode(200)
                .body("basisPoints", is(1000)).body("setBy", is("chi-lan@htx"));
        long a = CatalogApi.member(coop, "Hộ bà Nguyễn Thị Huệ");
        long b = CatalogApi.member(coop, "Hộ ông Trần Văn Gio");
        long c = CatalogApi.member(coop, "=Hộ Lê, Văn \"Chè\"");
        long gioA = product("Bánh gio Thanh Huệ", a);
        long gioB = product("Bánh gio lá tre", b);
        long cheB = product("Chè lam", b);
        long mocC = product("Mộc nhĩ", c);
        long own = product("Túi quà HTX", null);

        try (EventPublisher publisher = EventPublisher.open()) {
            // 1: paid by transfer (the PAID event delivered twice), then shipped and delivered: counts once.
            OrderData paid = order(session, "BANK_TRANSFER", line(gioA, 2, 15_001), line(gioB, 1, 20_005));
            send(publisher, paid, "PLACED", null);
            EventEnvelope<?> paidEvent = send(publisher, paid, "PAID", "PLACED");
            publisher.publish(Topics.ORDERS, Long.toString(session), paidEvent);
            send(publisher, paid, "SHIPPED", "PAID");
            send(publisher, paid, "DELIVERED", "SHIPPED");
            // 2: cash on delivery, delivered, then returned: counted, then reversed.
            OrderData returned = order(session, "COD", line(mocC, 3, 7));
            send(publisher, returned, "PLACED", null);
            send(publisher, returned, "CONFIRMED", "PLACED");
            send(publisher, returned, "SHIPPED", "CONFIRMED");
            send(publisher, returned, "DELIVERED", "SHIPPED");
            send(publisher, returned, "RETURNED", "DELIVERED");
            // 3: paid, then cancelled (refunded): reversed.
            OrderData refunded = order(session, "BANK_TRANSFER", line(cheB, 1, 33_333));
            send(publisher, refunded, "PLACED", null);
            send(publisher, refunded, "PAID", "PLACED");
            send(publisher, refunded, "CANCELLED", "PAID");
            // 4: the hold expired, a late transfer revived it: counts.
            OrderData revived = order(session, "BANK_TRANSFER", line(gioA, 1, 5));
            send(publisher, revived, "PLACED", null);
            send(publisher, revived, "EXPIRED", "PLACED");
            send(publisher, revived, "PAID", "EXPIRED");
            // 5: a product of no household: counts for the cooperative's totals.
            OrderData ownProduct = order(session, "BANK_TRANSFER", line(own, 1, 10));
            send(publisher, ownProduct, "PLACED", null);
            send(publisher, ownProduct, "PAID", "PLACED");
            // 6: cancelled before payment, 7: cash on delivery refused at the door: never count.
            OrderData dropped = order(session, "BANK_TRANSFER", line(mocC, 1, 15));
            send(publisher, dropped, "PLACED", null);
            send(publisher, dropped, "CANCELLED", "PLACED");
            OrderData refused = order(session, "COD", line(gioB, 2, 5));
            send(publisher, refused, "PLACED", null);
            send(publisher, refused, "CONFIRMED", "PLACED");
            send(publisher, refused, "SHIPPED", "CONFIRMED");
            send(publisher, refused, "RETURNED", "SHIPPED");
            // Another session's sale, interleaved: not in this session's report.
            OrderData elsewhere = order(otherSession, "BANK_TRANSFER", line(gioA, 1, 100));
            send(publisher, elsewhere, "PLACED", null);
            send(publisher, elsewhere, "PAID", "PLACED");
            awaitApplied(publisher);

            // Money that counted: order 1 (30 002 + 20 005), order 4 (5), order 5 (10) = 50 022 đồng, as the tally's
            // countedRevenueVnd. 10 % of it once: 5002.2 → 5002. Exact shares 3000.7 (A), 2000.5 (B), 0 (C), 1 (none):
            // the floors make 5001 and the missing đồng goes to the largest remainder, A.
            JsonPath report = sessionReport(owner);
            assertThat(report.getLong("totals.grossVnd")).isEqualTo(50_022);
            assertThat(report.getLong("totals.commissionVnd")).isEqualTo(5_002);
            assertThat(report.getLong("totals.netVnd")).isEqualTo(50_022 - 5_002);
            assertThat(report.getLong("totals.feesVnd")).isZero();
            assertThat(report.getList("members.memberId")).containsExactly((int) a, (int) b, (int) c, null);
            assertMember(report, 0, 3, 30_007, 0, 3_001);
            assertMember(report, 1, 1, 20_005, 33_333, 2_000);
            assertMember(report, 2, 0, 0, 21, 0);
            assertMember(report, 3, 1, 10, 0, 1);
            assertThat(report.getString("members[0].memberName")).isEqualTo("Hộ bà Nguyễn Thị Huệ");
            assertThat(report.getList("members[1].products.productName")).containsExactly("Bánh gio lá tre", "Chè lam");
            assertThat(report.getLong("members[1].products[1].unitsReversed")).isEqualTo(1);
            assertThat(report.getLong("members[1].products[1].grossVnd")).isZero();
            assertThat(report.getLong("rates[0].basisPoints")).isEqualTo(1000);
            assertThat(report.getLong("rates[0].commissionVnd")).isEqualTo(5_002);
            assertSumsToTotals(report);
            assertThat(db.number("SELECT COUNT(*) FROM settlement_entry WHERE session_id = ?", session))
                    .as("one entry per line counted or reversed").isEqualTo(2 + 2 + 2 + 1 + 1);

            // A replay of the whole topic's events for the session changes nothing.
            for (EventEnvelope<?> event : List.copyOf(published)) {
                publisher.publish(Topics.ORDERS, Long.toString(session), event);
            }
            awaitApplied(publisher);
            assertThat(sessionReport(owner).getMap("totals")).isEqualTo(report.getMap("totals"));

            // The owner pays household A; the payout keeps who and when, and A owes nothing more.
            Response payout = Callers.as(owner).contentType(ContentType.JSON).body(Map.of("memberId", a))
                    .post("/cooperatives/" + coop + "/settlement/sessions/" + session + "/payouts");
            payout.then().statusCode(201).body("netVnd", is(30_007 - 3_001)).body("paidBy", is("chi-lan@htx"))
                    .body("memberId", is((int) a));
            assertThat(payout.jsonPath().getLong("sessionId")).isEqualTo(session);
            assertThat(payout.header("Location")).endsWith("/cooperatives/" + coop + "/settlement/sessions/" + session);
            JsonPath afterPayout = sessionReport(owner);
            assertThat(afterPayout.getLong("members[0].amounts.paidOutVnd")).isEqualTo(27_006);
            assertThat(afterPayout.getLong("members[0].amounts.owedVnd")).isZero();
            assertThat(afterPayout.getLong("totals.owedVnd")).isEqualTo(45_020 - 27_006);
            Callers.as(owner).contentType(ContentType.JSON).body(Map.of("memberId", a))
                    .post("/cooperatives/" + coop + "/settlement/sessions/" + session + "/payouts")
                    .then().statusCode(409).body("type", is("https://chotdon.vn/problems/nothing-owed"));

            // The revived order comes back after the payout: the payout stays as it was, A now owes money back.
            send(publisher, revived, "RETURNED", "PAID");
            awaitApplied(publisher);
            JsonPath adjusted = sessionReport(owner);
            // 50 017 counted: 5001.7 → 5001; A 3000.2 (30 002), B 2000.5, none 1 → floors 5001, nothing missing.
            assertThat(adjusted.getLong("totals.grossVnd")).isEqualTo(50_017);
            assertThat(adjusted.getLong("totals.commissionVnd")).isEqualTo(5_001);
            assertMember(adjusted, 0, 2, 30_002, 5, 3_000);
            assertThat(adjusted.getLong("members[0].amounts.paidOutVnd")).isEqualTo(27_006);
            assertThat(adjusted.getLong("members[0].amounts.owedVnd")).isEqualTo(27_002 - 27_006);
            assertThat(adjusted.getList("members[0].payouts.netVnd")).containsExactly(27_006);
            assertSumsToTotals(adjusted);
            Callers.as(owner).contentType(ContentType.JSON).body(Map.of("memberId", a))
                    .post("/cooperatives/" + coop + "/settlement/sessions/" + session + "/payouts")
                    .then().statusCode(201).body("netVnd", is(-4)).body("grossVnd", is(-5)).body("commissionVnd", is(-1));
            assertThat(sessionReport(owner).getLong("members[0].amounts.owedVnd")).isZero();

            // A new rate applies to money counting from now on; money counted before keeps its rate.
            Callers.as(owner).contentType(ContentType.JSON).body(Map.of("basisPoints", 2000))
                    .put("/cooperatives/" + coop + "/settlement/commission").then().statusCode(200)
                    .body("basisPoints", is(2000)).body("history.basisPoints", org.hamcrest.Matchers.contains(2000, 1000));
            OrderData late = order(session, "COD", line(mocC, 1, 1_000));
            send(publisher, late, "PLACED", null);
            send(publisher, late, "DELIVERED", "PLACED");
            awaitApplied(publisher);
            JsonPath twoRates = sessionReport(owner);
            assertThat(twoRates.getList("rates.basisPoints")).containsExactly(1000, 2000);
            assertThat(twoRates.getLong("members[2].amounts.commissionVnd")).isEqualTo(200);
            assertThat(twoRates.getLong("totals.commissionVnd")).isEqualTo(5_001 + 200);
            assertSumsToTotals(twoRates);
        }

        // Eight payouts of household B race: one pays, the others find nothing owed.
        List<Integer> statuses = race(8, () -> Callers.as(owner).contentType(ContentType.JSON)
                .body(Map.of("memberId", b)).post("/cooperatives/" + coop + "/settlement/sessions/" + session + "/payouts")
                .statusCode());
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(db.number("SELECT COUNT(*) FROM settlement_payout WHERE member_id = ?", b)).isEqualTo(1);
        assertThat(db.number("SELECT SUM(net_vnd) FROM settlement_payout WHERE member_id = ?", b)).isEqualTo(20_005 - 2_000);

        // Days in Vietnam: both sessions' money, and A's money of the session was settled by the session payouts.
        LocalDate today = LocalDate.now(SettlementScope.VIETNAM);
        JsonPath days = Callers.as(owner).queryParam("from", today.minusDays(1).toString())
                .queryParam("days", 2).get("/cooperatives/" + coop + "/settlement")
                .then().statusCode(200).extract().jsonPath();
        assertThat(days.getLong("totals.grossVnd")).isEqualTo(50_017 + 1_000 + 100);
        assertThat(days.getString("timeZone")).isEqualTo("Asia/Ho_Chi_Minh");
        assertSumsToTotals(days);
        Callers.as(owner).contentType(ContentType.JSON).body(Map.of("memberId", a))
                .queryParam("from", today.minusDays(1).toString()).queryParam("days", 2)
                .post("/cooperatives/" + coop + "/settlement/payouts")
                .then().statusCode(409).body("type", is("https://chotdon.vn/problems/settled-elsewhere"));
        assertThat(days.getString("from")).isEqualTo(today.minusDays(1).toString());
        assertThat(days.getString("to")).isEqualTo(today.toString());
        Callers.as(owner).queryParam("from", today.toString()).queryParam("days", 367)
                .get("/cooperatives/" + coop + "/settlement").then().statusCode(400)
                .body("type", is("https://chotdon.vn/problems/validation"));
        Callers.as(owner).queryParam("days", 1).get("/cooperatives/" + coop + "/settlement")
                .then().statusCode(400).body("type", is("https://chotdon.vn/problems/validation"));

        // CSV for Excel: BOM, CRLF, quoting, a household name that looks like a formula neutralised.
        Response csv = Callers.as(owner).get("/cooperatives/" + coop + "/settlement/sessions/" + session + "/report.csv");
        csv.then().statusCode(200).contentType("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"cooperative-" + coop + "-session-" + session + "-settlement.csv\"");
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFmember_id,member_name,products,units_sold,gross_vnd,reversed_vnd,"
                + "commission_vnd,fees_vnd,net_vnd,paid_out_vnd,owed_vnd\r\n");
        String[] rows = text.substring(1).split("\r\n");
        assertThat(rows).hasSize(6);
        assertThat(rows[1]).isEqualTo(a + ",Hộ bà Nguyễn Thị Huệ,Bánh gio Thanh Huệ x2,2,30002,5,3000,0,27002,27002,0");
        assertThat(rows[3]).startsWith(c + ",\"'=Hộ Lê, Văn \"\"Chè\"\"\",Mộc nhĩ x1,1,1000,21,200,0,800,0,800");
        assertThat(rows[4]).startsWith(",(no member household),Túi quà HTX x1,1,10,0,1,0,9,0,9");
        assertThat(rows[5]).startsWith(",TOTAL,,");
    }

    @Test
    void revenueIsTheOwnersStaffAndOtherCooperativesAreRefused() {
        long home = CatalogApi.cooperative("HTX Doanh thu riêng");
        long other = CatalogApi.cooperative("HTX Hàng xóm");
        long member = CatalogApi.member(home, "Hộ bà Phạm Thị Lan");
        String base = "/cooperatives/" + home + "/settlement";
        List<String> reads = List.of(base + "/sessions/1", base + "/sessions/1/report.csv", base + "/commission",
                base + "?from=2026-12-01&days=31", base + "/report.csv?from=2026-12-01&days=31");
        for (String path : reads) {
            Callers.as(TestTokens.staff(home)).get(path).then().statusCode(403);
            Callers.as(TestTokens.owner(other)).get(path).then().statusCode(404);
            Callers.as(TestTokens.owner(home)).get(path).then().statusCode(200);
            Callers.as(TestTokens.admin()).get(path).then().statusCode(200);
        }
        for (String token : List.of(TestTokens.staff(home), TestTokens.admin())) {
            Callers.as(token).contentType(ContentType.JSON).body(Map.of("memberId", member))
                    .post(base + "/sessions/1/payouts").then().statusCode(403);
        }
        Callers.as(TestTokens.staff(home)).contentType(ContentType.JSON).body(Map.of("basisPoints", 10_000))
                .put(base + "/commission").then().statusCode(403);
        Callers.as(TestTokens.owner(home)).contentType(ContentType.JSON).body(Map.of("basisPoints", 10_001))
                .put(base + "/commission").then().statusCode(400).body("errors[0].field", is("basisPoints"));
        Callers.as(TestTokens.owner(home)).get(base + "/commission").then().statusCode(200)
                .body("basisPoints", is(0)).body("history.size()", is(0));
        Callers.as(TestTokens.owner(home)).contentType(ContentType.JSON).body(Map.of("memberId", member))
                .post(base + "/sessions/1/payouts").then().statusCode(409)
                .body("type", is("https://chotdon.vn/problems/nothing-owed"));
        long strangersMember = CatalogApi.member(other, "Hộ của HTX khác");
        Callers.as(TestTokens.owner(home)).contentType(ContentType.JSON).body(Map.of("memberId", strangersMember))
                .post(base + "/sessions/1/payouts").then().statusCode(422)
                .body("type", is("https://chotdon.vn/problems/invalid-reference"));
        assertThat(db.number("SELECT COUNT(*) FROM commission_rate WHERE cooperative_id = ?", home)).isZero();
    }

    private static void assertMember(JsonPath report, int index, long units, long gross, long reversed, long commission) {
        String m = "members[" + index + "].amounts.";
        assertThat(report.getLong(m + "unitsSold")).as(m + "unitsSold").isEqualTo(units);
        assertThat(report.getLong(m + "grossVnd")).as(m + "grossVnd").isEqualTo(gross);
        assertThat(report.getLong(m + "reversedVnd")).as(m + "reversedVnd").isEqualTo(reversed);
        assertThat(report.getLong(m + "commissionVnd")).as(m + "commissionVnd").isEqualTo(commission);
        assertThat(report.getLong(m + "netVnd")).as(m + "netVnd").isEqualTo(gross - commission);
    }

    private static void assertSumsToTotals(JsonPath report) {
        for (String amount : List.of("unitsSold", "grossVnd", "reversedVnd", "commissionVnd", "feesVnd", "netVnd",
                "paidOutVnd", "owedVnd")) {
            long sum = report.getList("members.amounts." + amount, Long.class).stream().mapToLong(Long::longValue).sum();
            assertThat(sum).as("members' %s", amount).isEqualTo(report.getLong("totals." + amount));
        }
        long rates = report.getList("rates.commissionVnd", Long.class).stream().mapToLong(Long::longValue).sum();
        assertThat(rates).isEqualTo(report.getLong("totals.commissionVnd"));
    }

    private JsonPath sessionReport(String owner) {
        return Callers.as(owner).get("/cooperatives/" + coop + "/settlement/sessions/" + session)
                .then().statusCode(200).extract().jsonPath();
    }

    private long product(String name, Long member) {
        Map<String, Object> body = new HashMap<>(CatalogApi.productBody(coop, name));
        if (member != null) {
            body.put("memberId", member);
        }
        return Callers.as(TestTokens.staff(coop)).contentType(ContentType.JSON).body(body).post("/products")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static OrderData.OrderLineData line(long product, long quantity, long unitPrice) {
        return new OrderData.OrderLineData(product + 1000, "SP" + product, product, quantity, unitPrice,
                quantity * unitPrice);
    }

    private OrderData order(long sessionId, String paymentMethod, OrderData.OrderLineData... lines) {
        long id = session * 100 + ++orderIds;
        long total = List.of(lines).stream().mapToLong(OrderData.OrderLineData::lineTotalVnd).sum();
        return new OrderData(id, "ST" + orderIds + "X" + (session % 100_000), sessionId, coop, "PLACED", null,
                paymentMethod, total, List.of(lines), java.time.Instant.now(), 0, "H***");
    }

    private EventEnvelope<?> send(EventPublisher publisher, OrderData order, String status, String previous) {
        OrderData data = new OrderData(order.orderId(), order.code(), order.sessionId(), order.cooperativeId(), status,
                previous, order.paymentMethod(), order.totalVnd(), order.lines(), order.placedAt(), order.version(),
                order.buyerShownAs());
        EventEnvelope<?> event = EventPublisher.envelope(OrderEventTypes.SOURCE, "vn.chotdon.order."
                + status.toLowerCase(java.util.Locale.ROOT), OrderEventTypes.SCHEMA_VERSION,
                OrderEventTypes.AGGREGATE_ORDER, Long.toString(order.orderId()), data);
        publisher.publish(Topics.ORDERS, Long.toString(order.sessionId()), event);
        if (order.sessionId() == session) {
            published.add(event);
        }
        return event;
    }

    /** Waits until the settlement consumer has applied a marker sent after everything else on the session's partition. */
    private void awaitApplied(EventPublisher publisher) {
        for (long sessionId : List.of(session, otherSession)) {
            OrderData marker = order(sessionId, "COD", line(1, 1, 1));
            EventEnvelope<?> event = EventPublisher.envelope(OrderEventTypes.SOURCE, OrderEventTypes.ORDER_PLACED,
                    OrderEventTypes.SCHEMA_VERSION, OrderEventTypes.AGGREGATE_ORDER, Long.toString(marker.orderId()),
                    marker);
            publisher.publish(Topics.ORDERS, Long.toString(sessionId), event);
            await().atMost(Duration.ofSeconds(60)).until(() -> db.number(
                    "SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id = ?", CONSUMER, event.id()) == 1);
        }
    }

    private static List<Integer> race(int racers, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> outcomes = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> outcome : outcomes) {
                statuses.add(outcome.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
