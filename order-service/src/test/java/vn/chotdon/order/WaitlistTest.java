package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.service.HoldExpiry;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/** Joining a sold-out item's waitlist, who may see it, and how the units that come back are offered. */
@QuarkusTest
class WaitlistTest {

    private final Db db = Db.ofApplication();

    @Inject
    HoldExpiry expiry;

    @BeforeEach
    void asABuyer() {
        Callers.anonymous();
    }

    static Map<String, Object> joinBody(String code, int quantity, String phone) {
        return Map.of("code", code, "quantity", quantity, "buyerName", "Chị Hoa", "phone", phone,
                "address", Map.of("province", "Hà Nội", "commune", "Xã Đan Phượng", "detail", "Thôn Thượng Thôn, số 12"),
                "paymentMethod", "COD");
    }

    static Response join(LiveSale sale, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/sessions/" + sale.sessionId + "/waitlist");
    }

    /** Joins and returns the receipt (201). */
    static JsonPath joined(LiveSale sale, String code, int quantity, String phone) {
        return join(sale, joinBody(code, quantity, phone)).then().statusCode(201).extract().jsonPath();
    }

    static JsonPath place(LiveSale sale, String code, int quantity, String phone) {
        return given().contentType(ContentType.JSON).body(sale.order(code, quantity, phone)).post("/orders").then()
                .statusCode(201).extract().jsonPath();
    }

    private static void cancel(LiveSale sale, long orderId) {
        Callers.as(TestTokens.staff(sale.cooperativeId)).post("/orders/" + orderId + "/cancel").then().statusCode(200);
    }

    private static JsonPath entry(JsonPath receipt) {
        return given().header("X-Waitlist-Token", receipt.getString("accessToken"))
                .get("/waitlist/" + receipt.getLong("entry.id")).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aJoinIsRefusedUnlessTheItemIsSoldOutAndTheSessionLive() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 3, 5);
        place(sale, "BG01", 2, "0912100001");

        join(sale, joinBody("BG01", 1, "0912100002")).then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/not-sold-out")).body("remaining", is(1));
        join(sale, joinBody("ZZ99", 2, "0912100002")).then().statusCode(422)
                .body("type", is("https://chotdon.vn/problems/unknown-item"));
        join(sale, joinBody("BG01", 6, "0912100002")).then().statusCode(409)
                .body("type", is("https://chotdon.vn/problems/buyer-limit"));
        Map<String, Object> both = new HashMap<>(joinBody("BG01", 2, "0912100002"));
        both.put("itemId", itemId);
        join(sale, both).then().statusCode(400).body("type", is("https://chotdon.vn/problems/validation"));
        Map<String, Object> badPhone = new HashMap<>(joinBody("BG01", 2, "12345"));
        join(sale, badPhone).then().statusCode(400).body("errors[0].field", is("phone"));
        Map<String, Object> noAddress = new HashMap<>(joinBody("BG01", 2, "0912100002"));
        noAddress.remove("address");
        join(sale, noAddress).then().statusCode(400);
        given().contentType(ContentType.JSON).body(joinBody("BG01", 2, "0912100002"))
                .post("/sessions/9000000000000000000/waitlist").then().statusCode(404);

        LiveSale scheduled = new LiveSale().schedule();
        scheduled.item("BG01", "Bánh gio", 15000, 0, null);
        join(scheduled, joinBody("BG01", 1, "0912100002")).then().statusCode(409)
                .body("type", is("https://chotdon.vn/problems/session-not-live"));

        assertThat(db.number("SELECT COUNT(*) FROM waitlist_entry WHERE session_id IN (?, ?)", sale.sessionId,
                scheduled.sessionId)).isZero();
    }

    @Test
    void onePhoneWaitsOnceAndTheBuyerReadsAndLeavesWithTheToken() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 1, null);
        place(sale, "BG01", 1, "0912100011");

        JsonPath first = joined(sale, "BG01", 1, "0912100012");
        assertThat(first.getString("entry.state")).isEqualTo("WAITING");
        assertThat(first.getLong("entry.position")).isEqualTo(1);
        assertThat(first.getString("accessToken")).isNotBlank();
        JsonPath second = joined(sale, "bg01", 2, "0912 100 013");
        assertThat(second.getLong("entry.position")).isEqualTo(2);

        // The same phone written another way, by id this time: its entry, no new token, no second row.
        Map<String, Object> again = new HashMap<>(joinBody("BG01", 1, "+84912100012"));
        again.remove("code");
        again.put("itemId", itemId);
        JsonPath repeated = join(sale, again).then().statusCode(200).extract().jsonPath();
        assertThat(repeated.getLong("entry.id")).isEqualTo(first.getLong("entry.id"));
        assertThat(repeated.getString("accessToken")).isNull();
        assertThat(db.number("SELECT COUNT(*) FROM waitlist_entry WHERE item_id = ?", itemId)).isEqualTo(2);

        long id = first.getLong("entry.id");
        given().get("/waitlist/" + id).then().statusCode(404).contentType("application/problem+json");
        given().header("X-Waitlist-Token", second.getString("accessToken")).get("/waitlist/" + id).then().statusCode(404);
        given().header("X-Waitlist-Token", first.getString("accessToken")).delete("/waitlist/" + id).then()
                .statusCode(200).body("state", is("LEFT")).body("position", nullValue());
        given().header("X-Waitlist-Token", first.getString("accessToken")).delete("/waitlist/" + id).then()
                .statusCode(200).body("state", is("LEFT"));
        assertThat(entry(second).getLong("position")).isEqualTo(1);

        // Having left, the phone may join again: a new entry, at the end of the line.
        JsonPath rejoined = joined(sale, "BG01", 1, "0912100012");
        assertThat(rejoined.getLong("entry.id")).isGreaterThan(second.getLong("entry.id"));
        assertThat(rejoined.getLong("entry.position")).isEqualTo(2);
    }

    @Test
    void onlyTheSessionsCooperativeSeesWhoWaits() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 1, null);
        place(sale, "BG01", 1, "0912100021");
        joined(sale, "BG01", 1, "0912100022");
        String path = "/sessions/" + sale.sessionId + "/waitlist?state=WAITING&itemId=" + itemId;

        given().get(path).then().statusCode(401).contentType("application/problem+json");
        Callers.as(TestTokens.service()).get(path).then().statusCode(403);
        Callers.as(TestTokens.admin()).get(path).then().statusCode(403);
        Callers.as(TestTokens.staff(LiveSale.newCooperative())).get(path).then().statusCode(404);
        Callers.as(TestTokens.staff(sale.cooperativeId)).get(path).then().statusCode(200)
                .body("totalItems", is(1)).body("items[0].phone", is("0912***022"))
                .body("items[0].position", is(1)).body("items[0].source", is("API"));
        Callers.as(TestTokens.owner(sale.cooperativeId)).get(path).then().statusCode(200)
                .body("items[0].phone", is("+84912100022"));
    }

    @Test
    void aCancellationOffersTheUnitsToTheFirstInLineAndAPartialOfferEndsItsTurn() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 2, null);
        long a = place(sale, "BG01", 1, "0912100031").getLong("order.id");
        long b = place(sale, "BG01", 1, "0912100032").getLong("order.id");
        JsonPath first = joined(sale, "BG01", 1, "0912100033");
        JsonPath second = joined(sale, "BG01", 2, "0912100034");
        JsonPath third = joined(sale, "BG01", 1, "0912100035");

        cancel(sale, a);
        JsonPath promoted = entry(first);
        assertThat(promoted.getString("state")).isEqualTo("PROMOTED");
        assertThat(promoted.getLong("unitsOffered")).isEqualTo(1);
        String code = promoted.getString("orderCode");
        // The entry's token opens the order it was given; held for chotdon.waitlist.hold-minutes (10).
        JsonPath order = given().header("X-Order-Token", first.getString("accessToken")).get("/buyer/orders/" + code)
                .then().statusCode(200).body("status", is("PLACED")).body("phone", is("+84912100033"))
                .body("lines[0].quantity", is(1)).body("lines[0].unitPriceVnd", is(15000)).extract().jsonPath();
        assertThat(Duration.between(Instant.parse(order.getString("placedAt")),
                Instant.parse(order.getString("holdExpiresAt")))).isEqualTo(Duration.ofMinutes(10));
        assertThat(entry(second).getLong("position")).isEqualTo(1);

        // One unit for a buyer who wants two: offered, and out of the line.
        cancel(sale, b);
        JsonPath partial = entry(second);
        assertThat(partial.getString("state")).isEqualTo("PROMOTED");
        assertThat(partial.getLong("unitsOffered")).isEqualTo(1);
        assertThat(entry(third).getString("state")).isEqualTo("WAITING");
        assertThat(entry(third).getLong("position")).isEqualTo(1);

        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(2);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'vn.chotdon.order.placed'"
                + " AND message_key = ?", String.valueOf(sale.sessionId))).isEqualTo(4);
        // Nothing left: the sold-out item answers taps as before.
        given().contentType(ContentType.JSON).body(sale.order("BG01", 1, "0912100036")).post("/orders").then()
                .statusCode(409).body("type", is("https://chotdon.vn/problems/sold-out"));
    }

    @Test
    void aQuotaRaisedGoesToTheLineFirstAtTheNewPrice() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 1, null);
        place(sale, "BG01", 1, "0912100041");
        JsonPath first = joined(sale, "BG01", 2, "0912100042");
        JsonPath second = joined(sale, "BG01", 1, "0912100043");
        JsonPath third = joined(sale, "BG01", 1, "0912100044");

        sale.changeItem(itemId, 16000, 4);

        await().atMost(Duration.ofSeconds(30)).until(() -> "PROMOTED".equals(entry(second).getString("state")));
        assertThat(entry(first).getLong("unitsOffered")).isEqualTo(2);
        assertThat(entry(third).getString("state")).isEqualTo("WAITING");
        assertThat(db.number("SELECT SUM(l.line_total_vnd) FROM order_line l JOIN waitlist_entry w ON w.order_id = l.order_id"
                + " WHERE w.item_id = ?", itemId)).isEqualTo(3 * 16000);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(4);
    }

    @Test
    void anExpiredHoldGoesToTheLine() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 1, null);
        long held = place(sale, "BG01", 1, "0912100051").getLong("order.id");
        JsonPath waiting = joined(sale, "BG01", 1, "0912100052");

        db.execute("UPDATE orders SET hold_expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?", held);
        expiry.expireDue();

        await().atMost(Duration.ofSeconds(30)).until(() -> "PROMOTED".equals(entry(waiting).getString("state")));
        assertThat(db.text("SELECT status FROM orders WHERE id = ?", held)).isEqualTo("EXPIRED");
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(1);
    }

    @Test
    void aBuyerOverTheLimitIsSkippedAndTheNextOneServed() {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 2, 1);
        place(sale, "BG01", 1, "0912100061");
        long other = place(sale, "BG01", 1, "0912100062").getLong("order.id");
        JsonPath overTheLimit = joined(sale, "BG01", 1, "0912100061");
        JsonPath next = joined(sale, "BG01", 1, "0912100063");

        cancel(sale, other);

        JsonPath skipped = entry(overTheLimit);
        assertThat(skipped.getString("state")).isEqualTo("SKIPPED");
        assertThat(skipped.getString("skipReason")).startsWith("buyer-limit: ");
        assertThat(entry(next).getString("state")).isEqualTo("PROMOTED");
        assertThat(db.number("SELECT units FROM buyer_item_units WHERE buyer_phone = '+84912100061' AND item_id ="
                + " (SELECT item_id FROM waitlist_entry WHERE id = ?)", overTheLimit.getLong("entry.id"))).isEqualTo(1);
    }

    @Test
    void aSessionConfirmingCashOnDeliveryConfirmsTheOrderOffered() {
        LiveSale sale = new LiveSale().autoConfirmCod().open();
        sale.item("BG01", "Bánh gio", 15000, 1, null);
        long held = place(sale, "BG01", 1, "0912100071").getLong("order.id");
        JsonPath waiting = joined(sale, "BG01", 1, "0912100072");

        cancel(sale, held);

        String code = entry(waiting).getString("orderCode");
        long orderId = db.number("SELECT id FROM orders WHERE code = ?", code);
        assertThat(db.text("SELECT status FROM orders WHERE id = ?", orderId)).isEqualTo("CONFIRMED");
        for (String type : List.of("placed", "confirmed")) {
            assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND payload LIKE ?",
                    "vn.chotdon.order." + type, "%\"orderId\":" + orderId + ",%")).as(type).isEqualTo(1);
        }
    }

    @Test
    void theLineClosesWhenTheSessionEnds() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 1, null);
        long held = place(sale, "BG01", 1, "0912100081").getLong("order.id");
        JsonPath waiting = joined(sale, "BG01", 1, "0912100082");

        sale.end();

        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(entry(waiting).getString("state")));
        cancel(sale, held);
        assertThat(entry(waiting).getString("orderCode")).isNull();
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isZero();
    }

    @Test
    void aCommentRefusedAsSoldOutJoinsTheLineAndIsServedInTurn() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 1, null);
        sale.item("MO01", "Mật ong", 200000, 100, null);
        long held = place(sale, "BG01", 1, "0912100091").getLong("order.id");
        place(sale, "MO01", 1, "0912100092");
        String batch = Json.write(Map.of("comments", List.of(Map.of("platform", "TIKTOK", "platformCommentId", "wl-1",
                "commenterName", "Chị Mai", "commenterId", "mai.1", "text", "chốt BG01 x1 0912100092",
                "commentedAt", "2026-11-30T12:00:00Z"))));

        JsonPath answer = Callers.as(TestTokens.staff(sale.cooperativeId)).contentType(ContentType.JSON).body(batch)
                .post("/sessions/" + sale.sessionId + "/comments").then().statusCode(200).extract().jsonPath();

        assertThat(answer.getString("outcomes[0].outcome")).isEqualTo("WAITLISTED");
        assertThat(answer.getList("outcomes[0].reasons.code")).containsExactly("SOLD_OUT");
        long commentId = answer.getLong("outcomes[0].commentId");
        Callers.as(TestTokens.staff(sale.cooperativeId)).get("/sessions/" + sale.sessionId + "/comments?state=WAITLISTED")
                .then().statusCode(200).body("totalItems", is(1)).body("items[0].id", is((int) commentId));
        assertThat(db.text("SELECT source FROM waitlist_entry WHERE comment_id = ?", commentId)).isEqualTo("COMMENT");

        cancel(sale, held);

        assertThat(db.text("SELECT state FROM waitlist_entry WHERE comment_id = ?", commentId)).isEqualTo("PROMOTED");
        assertThat(db.text("SELECT o.buyer_name FROM orders o JOIN waitlist_entry w ON w.order_id = o.id"
                + " WHERE w.comment_id = ?", commentId)).isEqualTo("Chị Mai");
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(1);
        // Staff reading the comments see the order its turn brought.
        String offered = db.text("SELECT o.code FROM orders o JOIN waitlist_entry w ON w.order_id = o.id"
                + " WHERE w.comment_id = ?", commentId);
        Callers.as(TestTokens.staff(sale.cooperativeId)).get("/sessions/" + sale.sessionId + "/comments?state=WAITLISTED")
                .then().statusCode(200).body("items[0].id", is((int) commentId)).body("items[0].orderCode", is(offered));
    }
}
