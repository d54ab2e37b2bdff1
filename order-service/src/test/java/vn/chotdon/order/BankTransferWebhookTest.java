package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.service.HoldExpiry;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/**
 * SePay's webhook against the real database and broker: each transfer stored once and applied once,
 * a refused key storing nothing, what goes to review and how staff resolve it, and orders paid after
 * their hold expired taking their units again without overselling.
 */
@QuarkusTest
class BankTransferWebhookTest {

    private static final AtomicLong TRANSACTIONS = new AtomicLong(System.currentTimeMillis());
    private static final String PAID_EVENT = "vn.chotdon.order.paid";

    Db db = Db.ofApplication();

    @Inject
    HoldExpiry expiry;

    @AfterEach
    void nobody() {
        Callers.anonymous();
    }

    /** A sale of its own cooperative, with a webhook key. */
    private record Shop(LiveSale sale, long itemId, String key) {
    }

    private static Shop shop(long priceVnd, long quota) {
        LiveSale sale = new LiveSale(LiveSale.newCooperative()).open();
        long itemId = sale.item("BG01", "Bánh gio", priceVnd, quota, null);
        String key = Callers.as(TestTokens.owner(sale.cooperativeId)).put("/payments/webhook-key")
                .then().statusCode(200)
                .body("webhookPath", is("/payments/webhooks/sepay/" + sale.cooperativeId))
                .extract().path("apiKey");
        return new Shop(sale, itemId, key);
    }

    private static JsonPath place(Shop shop, int quantity, String phone) {
        Map<String, Object> body = new HashMap<>(shop.sale().order("BG01", quantity, phone));
        body.put("paymentMethod", "BANK_TRANSFER");
        return given().contentType(ContentType.JSON).body(body).post("/orders").then().statusCode(201)
                .extract().jsonPath();
    }

    private static Map<String, Object> transfer(long id, long amount, String memo) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("gateway", "Vietcombank");
        body.put("transactionDate", "2025-11-28 20:15:37");
        body.put("accountNumber", "0123499999");
        body.put("subAccount", null);
        body.put("code", null);
        body.put("content", memo);
        body.put("transferType", "in");
        body.put("transferAmount", amount);
        body.put("accumulated", 19077000);
        body.put("referenceCode", "MBVCB.3278907687");
        body.put("description", "");
        return body;
    }

    private static io.restassured.response.Response deliver(Shop shop, Map<String, Object> body) {
        return given().header("Authorization", "Apikey " + shop.key()).contentType(ContentType.JSON).body(body)
                .post("/payments/webhooks/sepay/" + shop.sale().cooperativeId);
    }

    private long paidEvents(long orderId) {
        return db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND payload LIKE ?", PAID_EVENT,
                "%\"orderId\":" + orderId + ",%");
    }

    private String status(long orderId) {
        return db.text("SELECT status FROM orders WHERE id = ?", orderId);
    }

    @Test
    void aTransferWithTheOrderCodeAndExactAmountPaysItOnceHoweverOftenItIsDelivered() {
        Shop shop = shop(15000, 100);
        JsonPath order = place(shop, 2, "0912000001");
        long orderId = order.getLong("order.id");
        String code = order.getString("order.code");
        long txn = TRANSACTIONS.incrementAndGet();
        Map<String, Object> body = transfer(txn, 30000, "MBVCB.1234567.CHOTDON " + code + ".CT tu 0912000001 NGUYEN VAN A");

        deliver(shop, body).then().statusCode(200).contentType(ContentType.JSON)
                .body("success", is(true)).body("outcome", is("MATCHED")).body("duplicate", is(false))
                .body("orderCode", is(code));
        deliver(shop, body).then().statusCode(200).body("success", is(true)).body("duplicate", is(true))
                .body("outcome", is("MATCHED"));

        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(db.number("SELECT COUNT(*) FROM bank_payment WHERE cooperative_id = ? AND provider_txn_id = ?",
                shop.sale().cooperativeId, String.valueOf(txn))).isEqualTo(1);
        assertThat(paidEvents(orderId)).isEqualTo(1);
        assertThat(db.number("SELECT COUNT(*) FROM order_line WHERE order_id = ? AND paid = TRUE AND status = 'PAID'",
                orderId)).isEqualTo(1);
        Callers.actAs(TestTokens.owner(shop.sale().cooperativeId));
        given().get("/sessions/" + shop.sale().sessionId + "/tally").then().statusCode(200)
                .body("payments.paidByTransferVnd", is(30000)).body("payments.unmatchedVnd", is(0));
    }

    @Test
    void aMissingOrWrongKeyIsRefusedWith401AndNothingIsStored() {
        Shop shop = shop(15000, 100);
        Shop other = shop(15000, 100);
        String code = place(shop, 1, "0912000002").getString("order.code");
        long txn = TRANSACTIONS.incrementAndGet();
        Map<String, Object> body = transfer(txn, 15000, "CHOTDON " + code);
        String path = "/payments/webhooks/sepay/" + shop.sale().cooperativeId;

        given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Apikey");
        for (String header : List.of("Apikey wrong", "Apikey " + other.key(), "Apikey", shop.key(),
                "Basic " + shop.key())) {
            given().header("Authorization", header).contentType(ContentType.JSON).body(body).post(path)
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Apikey")
                    .body("type", is("https://chotdon.vn/problems/invalid-webhook-key"));
        }
        // A cooperative that never made a key has no webhook.
        given().header("Authorization", "Apikey " + shop.key()).contentType(ContentType.JSON).body(body)
                .post("/payments/webhooks/sepay/" + LiveSale.newCooperative()).then().statusCode(401);
        assertThat(db.number("SELECT COUNT(*) FROM bank_payment WHERE provider_txn_id = ?", String.valueOf(txn))).isZero();

        // A new key replaces the old one at once.
        String newKey = Callers.as(TestTokens.owner(shop.sale().cooperativeId)).put("/payments/webhook-key")
                .then().statusCode(200).extract().path("apiKey");
        deliver(shop, body).then().statusCode(401);
        given().header("Authorization", "apikey " + newKey).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(200).body("outcome", is("MATCHED"));
    }

    @Test
    void aBodyThatIsNotANotificationIs400AndStoresNothing() {
        Shop shop = shop(15000, 100);
        Map<String, Object> noId = transfer(1, 15000, "CHOTDON 3AGGHV97");
        noId.remove("id");
        deliver(shop, noId).then().statusCode(400).contentType("application/problem+json");
        Map<String, Object> fraction = transfer(TRANSACTIONS.incrementAndGet(), 15000, "x");
        fraction.put("transferAmount", 1.5);
        deliver(shop, fraction).then().statusCode(400);
        assertThat(db.number("SELECT COUNT(*) FROM bank_payment WHERE cooperative_id = ?", shop.sale().cooperativeId))
                .isZero();
    }

    @Test
    void concurrentDuplicateDeliveriesStoreOnceAndPayOnce() throws Exception {
        Shop shop = shop(15000, 100);
        JsonPath order = place(shop, 1, "0912000003");
        long orderId = order.getLong("order.id");
        Map<String, Object> body = transfer(TRANSACTIONS.incrementAndGet(), 15000, "chotdon" + order.getString("order.code"));
        int deliveries = 16;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                racers.add(() -> {
                    start.await();
                    return deliver(shop, body).then().extract().statusCode();
                });
            }
            List<Future<Integer>> answers = new ArrayList<>();
            racers.forEach(r -> answers.add(pool.submit(r)));
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.number("SELECT COUNT(*) FROM bank_payment WHERE cooperative_id = ?", shop.sale().cooperativeId))
                .isEqualTo(1);
        assertThat(db.number("SELECT COUNT(*) FROM bank_payment WHERE cooperative_id = ? AND outcome = 'MATCHED'"
                + " AND order_id = ?", shop.sale().cooperativeId, orderId)).isEqualTo(1);
        assertThat(paidEvents(orderId)).isEqualTo(1);
        assertThat(status(orderId)).isEqualTo("PAID");
    }

    @Test
    void whatCannotPayAnOrderByItselfGoesToReviewWithItsReason() {
        Shop shop = shop(15000, 100);
        JsonPath under = place(shop, 2, "0912000011");
        JsonPath over = place(shop, 1, "0912000012");
        JsonPath cancelled = place(shop, 1, "0912000013");
        JsonPath paid = place(shop, 1, "0912000014");
        Callers.actAs(TestTokens.staff(shop.sale().cooperativeId));
        given().post("/orders/" + cancelled.getLong("order.id") + "/cancel").then().statusCode(200);
        given().post("/orders/" + paid.getLong("order.id") + "/pay").then().statusCode(200);
        Callers.anonymous();

        Map<String, String> expected = Map.of(
                "UNDERPAID", "CHOTDON " + under.getString("order.code"),
                "OVERPAID", "CHOTDON " + over.getString("order.code"),
                "ORDER_CANCELLED", "CHOTDON " + cancelled.getString("order.code"),
                "ALREADY_PAID", "CHOTDON " + paid.getString("order.code"),
                "NO_ORDER_CODE", "chuyen tien an trua",
                "UNKNOWN_ORDER", "CHOTDON 9ZZZZZZZ");
        Map<String, Long> amounts = Map.of("UNDERPAID", 20000L, "OVERPAID", 20000L);
        expected.forEach((reason, memo) -> deliver(shop, transfer(TRANSACTIONS.incrementAndGet(),
                amounts.getOrDefault(reason, 15000L), memo)).then().statusCode(200)
                .body("outcome", is("REVIEW")).body("reviewReason", is(reason)));
        Map<String, Object> out = transfer(TRANSACTIONS.incrementAndGet(), 15000,
                "CHOTDON " + under.getString("order.code"));
        out.put("transferType", "out");
        deliver(shop, out).then().statusCode(200).body("outcome", is("OUTGOING"));

        assertThat(status(under.getLong("order.id"))).isEqualTo("PLACED");
        assertThat(status(over.getLong("order.id"))).isEqualTo("PLACED");
        assertThat(status(cancelled.getLong("order.id"))).isEqualTo("CANCELLED");
        assertThat(paidEvents(under.getLong("order.id"))).isZero();

        Callers.actAs(TestTokens.staff(shop.sale().cooperativeId));
        JsonPath list = given().get("/payments/unmatched?state=OPEN&size=50").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.reason", String.class)).containsExactlyInAnyOrderElementsOf(expected.keySet());
        // Four of them name an order of the session: 20000 + 20000 + 15000 + 15000 unmatched there.
        Callers.actAs(TestTokens.owner(shop.sale().cooperativeId));
        given().get("/sessions/" + shop.sale().sessionId + "/tally").then().statusCode(200)
                .body("payments.unmatchedVnd", is(70000)).body("payments.unmatchedPayments", is(4))
                .body("payments.paidByTransferVnd", is(0));
    }

    @Test
    void staffResolveEachEntryOnceAndTheDecisionIsKept() {
        Shop shop = shop(15000, 100);
        JsonPath order = place(shop, 2, "0912000021");
        long orderId = order.getLong("order.id");
        long underpaid = deliver(shop, transfer(TRANSACTIONS.incrementAndGet(), 29000, "CHOTDON "
                + order.getString("order.code"))).then().statusCode(200).extract().jsonPath().getLong("paymentId");
        long stray = deliver(shop, transfer(TRANSACTIONS.incrementAndGet(), 50000, "tien nha"))
                .then().statusCode(200).extract().jsonPath().getLong("paymentId");
        long refund = deliver(shop, transfer(TRANSACTIONS.incrementAndGet(), 70000, "CHOTDON 9ZZZZZZZ"))
                .then().statusCode(200).extract().jsonPath().getLong("paymentId");
        String resolution = "/payments/unmatched/%d/resolution";

        // Refused: no token, a buyer, another cooperative's staff (not found), a wrong body.
        given().contentType(ContentType.JSON).body(Map.of("decision", "IGNORE"))
                .post(resolution.formatted(stray)).then().statusCode(401);
        given().get("/payments/unmatched").then().statusCode(401);
        Callers.as(TestTokens.staff(LiveSale.newCooperative())).contentType(ContentType.JSON)
                .body(Map.of("decision", "IGNORE")).post(resolution.formatted(stray)).then().statusCode(404)
                .contentType("application/problem+json");
        Callers.as(TestTokens.staff(shop.sale().cooperativeId)).put("/payments/webhook-key").then().statusCode(403);
        Callers.as(TestTokens.staff(shop.sale().cooperativeId)).contentType(ContentType.JSON)
                .body(Map.of("decision", "ATTACH")).post(resolution.formatted(underpaid)).then().statusCode(422);

        Callers.actAs(TestTokens.staff(shop.sale().cooperativeId));
        given().contentType(ContentType.JSON)
                .body(Map.of("decision", "ATTACH", "orderCode", order.getString("order.code"),
                        "note", "Khách chuyển thiếu 1.000đ, chấp nhận"))
                .post(resolution.formatted(underpaid)).then().statusCode(200)
                .body("state", is("ATTACHED")).body("paidOrder", is(true)).body("orderId", is((int) orderId))
                .body("note", is("Khách chuyển thiếu 1.000đ, chấp nhận"))
                .body("resolvedBy", org.hamcrest.Matchers.notNullValue())
                .body("resolvedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(status(orderId)).isEqualTo("PAID");
        assertThat(paidEvents(orderId)).isEqualTo(1);
        given().contentType(ContentType.JSON).body(Map.of("decision", "IGNORE"))
                .post(resolution.formatted(underpaid)).then().statusCode(409)
                .body("currentState", is("ATTACHED"));

        given().contentType(ContentType.JSON).body(Map.of("decision", "IGNORE", "note", "Tiền nhà, không phải đơn"))
                .post(resolution.formatted(stray)).then().statusCode(200).body("state", is("IGNORED"))
                .body("paidOrder", is(false));
        Callers.actAs(TestTokens.owner(shop.sale().cooperativeId));
        given().contentType(ContentType.JSON).body(Map.of("decision", "REFUNDED", "note", "Đã hoàn qua MB"))
                .post(resolution.formatted(refund)).then().statusCode(200).body("state", is("REFUNDED"));
        given().contentType(ContentType.JSON).body(Map.of("decision", "ATTACH", "orderCode", "9ZZZZZZZ"))
                .post(resolution.formatted(refund)).then().statusCode(409);

        assertThat(given().get("/payments/unmatched?state=OPEN").then().statusCode(200).extract().jsonPath()
                .getList("items")).isEmpty();
        assertThat(given().get("/payments/unmatched").then().statusCode(200).extract().jsonPath()
                .getList("items.state", String.class)).containsExactlyInAnyOrder("ATTACHED", "IGNORED", "REFUNDED");
        given().get("/sessions/" + shop.sale().sessionId + "/tally").then().statusCode(200)
                .body("payments.paidByTransferVnd", is(30000)).body("payments.unmatchedVnd", is(0));
    }

    @Test
    void aTransferAfterTheHoldExpiredRevivesTheOrderWhileUnitsRemainAndGoesToReviewOtherwise() {
        Shop shop = shop(15000, 3);
        JsonPath twoUnits = place(shop, 2, "0912000031");
        JsonPath oneUnit = place(shop, 1, "0912000032");
        expireNow(shop);
        // Another buyer takes 2 of the 3 units back in the quota: one unit is left, for the first order's 2 none.
        place(shop, 2, "0912000033");

        deliver(shop, transfer(TRANSACTIONS.incrementAndGet(), 30000, "CHOTDON " + twoUnits.getString("order.code")))
                .then().statusCode(200).body("outcome", is("REVIEW")).body("reviewReason", is("EXPIRED_NOT_REVIVED"));
        assertThat(status(twoUnits.getLong("order.id"))).isEqualTo("EXPIRED");
        deliver(shop, transfer(TRANSACTIONS.incrementAndGet(), 15000, "CHOTDON " + oneUnit.getString("order.code")))
                .then().statusCode(200).body("outcome", is("MATCHED"));

        long revived = oneUnit.getLong("order.id");
        assertThat(status(revived)).isEqualTo("PAID");
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND payload LIKE ?"
                + " AND payload LIKE '%\"previousStatus\":\"EXPIRED\"%'", PAID_EVENT, "%\"orderId\":" + revived + ",%"))
                .isEqualTo(1);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", shop.itemId())).isEqualTo(3);
        assertQuotaHolds(shop);
    }

    @Test
    void revivalsRacingNewOrdersForTheLastUnitsNeverOversell() throws Exception {
        int quota = 6;
        Shop shop = shop(15000, quota);
        List<JsonPath> expired = new ArrayList<>();
        for (int i = 0; i < quota; i++) {
            expired.add(place(shop, 1, String.format("09130000%02d", i)));
        }
        expireNow(shop);
        ExecutorService pool = Executors.newFixedThreadPool(18);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (JsonPath order : expired) {
                Map<String, Object> body = transfer(TRANSACTIONS.incrementAndGet(), 15000,
                        "CHOTDON " + order.getString("order.code"));
                answers.add(pool.submit(() -> {
                    start.await();
                    return deliver(shop, body).then().extract().statusCode();
                }));
            }
            for (int i = 0; i < 12; i++) {
                Map<String, Object> body = new HashMap<>(shop.sale().order("BG01", 1, String.format("09140000%02d", i)));
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body(body).post("/orders").then().extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isIn(200, 201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", shop.itemId())).isEqualTo(quota);
        long revived = db.number("SELECT COUNT(*) FROM orders WHERE session_id = ? AND status = 'PAID'",
                shop.sale().sessionId);
        long refunds = db.number("SELECT COUNT(*) FROM bank_payment WHERE cooperative_id = ?"
                + " AND review_reason = 'EXPIRED_NOT_REVIVED' AND review_state = 'OPEN'", shop.sale().cooperativeId);
        assertThat(revived + refunds).isEqualTo(quota);
        assertQuotaHolds(shop);
    }

    /** The quota's counter is exactly the units of the orders holding or sold, never past the quota. */
    private void assertQuotaHolds(Shop shop) {
        long taken = db.number("SELECT taken FROM lineup_item WHERE item_id = ?", shop.itemId());
        long inOrders = db.number("SELECT COALESCE(SUM(quantity), 0) FROM order_line WHERE item_id = ?"
                + " AND status NOT IN ('CANCELLED', 'EXPIRED')", shop.itemId());
        assertThat(taken).isEqualTo(inOrders).isLessThanOrEqualTo(db.number(
                "SELECT quota FROM lineup_item WHERE item_id = ?", shop.itemId()));
    }

    /** The session's holds run out now (hold expiry's schedule is 1 s in tests; this does not wait for it). */
    private void expireNow(Shop shop) {
        db.execute("UPDATE orders SET hold_expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE"
                + " WHERE session_id = ? AND status = 'PLACED'", shop.sale().sessionId);
        expiry.expireDue();
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ? AND status = 'PLACED'",
                shop.sale().sessionId)).isZero();
    }
}
