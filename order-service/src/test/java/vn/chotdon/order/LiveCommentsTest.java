package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.ConcurrentBuyers.Answer;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/** Orders from live comments: the intake, its duplicates and races, and the review queue. */
@QuarkusTest
class LiveCommentsTest {

    private final Db db = Db.ofApplication();

    @BeforeEach
    void asStaff() {
        Callers.actAs(TestTokens.staff(LiveSale.COOPERATIVE));
    }

    private static Map<String, Object> comment(String id, String name, String text) {
        return Map.of("platform", "TIKTOK", "platformCommentId", id, "commenterName", name, "commenterId", "u-" + id,
                "text", text, "commentedAt", "2026-11-30T12:00:00Z");
    }

    private static String batch(List<Map<String, Object>> comments) {
        return Json.write(Map.of("comments", comments));
    }

    private static JsonPath send(LiveSale sale, List<Map<String, Object>> comments) {
        return given().contentType(ContentType.JSON).body(batch(comments))
                .post("/sessions/" + sale.sessionId + "/comments").then().statusCode(200).extract().jsonPath();
    }

    /** A buyer who ordered before (POST /orders): the cooperative knows where to deliver to this phone. */
    private static void orderedBefore(LiveSale sale, String code, String phone) {
        given().contentType(ContentType.JSON).body(sale.order(code, 1, phone)).post("/orders").then().statusCode(201);
    }

    @Test
    void aBatchOrdersQueuesIgnoresAndSkipsDuplicates() {
        LiveSale sale = new LiveSale().open();
        long cake = sale.item("BG01", "Bánh gio Thanh Huệ", 15000, 100, null);
        sale.item("BC02", "Bánh chưng Đan Phượng", 60000, 100, null);
        orderedBefore(sale, "BG01", "0912000501");

        JsonPath answer = send(sale, List.of(
                comment("c1", "Chị Hoa", "chốt BC02 x2 0912 000 501"),
                comment("c2", "Anh Tú", "đẹp quá shop ơi"),
                comment("c3", "Cô Mai", "BG01 x1"),
                comment("c4", "Chị Hoa", "chốt BG01 x1 0912000501"),
                comment("c5", "Bác Ba", "BG01 x1 0912999888"),
                comment("c1", "Chị Hoa", "chốt BC02 x2 0912 000 501")));

        assertThat(answer.getList("outcomes.outcome")).containsExactly("ORDERED", "IGNORED", "WAITING_FOR_REVIEW",
                "WAITING_FOR_REVIEW", "WAITING_FOR_REVIEW", "DUPLICATE");
        assertThat(answer.getList("outcomes[2].reasons.code")).containsExactly("PHONE_MISSING");
        assertThat(answer.getList("outcomes[3].reasons.code")).containsExactly("REPEAT");
        assertThat(answer.getList("outcomes[4].reasons.code")).containsExactly("ADDRESS_MISSING");
        assertThat(answer.getLong("outcomes[5].commentId")).isEqualTo(answer.getLong("outcomes[0].commentId"));
        String code = answer.getString("outcomes[0].orderCode");
        assertThat(code).isNotBlank();

        assertThat(db.text("SELECT buyer_name FROM orders WHERE code = ?", code)).isEqualTo("Chị Hoa");
        assertThat(db.text("SELECT payment_method FROM orders WHERE code = ?", code)).isEqualTo("COD");
        assertThat(db.text("SELECT commune FROM orders WHERE code = ?", code)).isEqualTo("Xã Đan Phượng");
        assertThat(db.number("SELECT COUNT(*) FROM live_comment WHERE session_id = ?", sale.sessionId)).isEqualTo(5);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'vn.chotdon.order.placed'"
                + " AND message_key = ?", String.valueOf(sale.sessionId))).isEqualTo(2);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", cake)).isEqualTo(1);

        // Sent again later (a forwarder resends): nothing more.
        JsonPath again = send(sale, List.of(comment("c1", "Chị Hoa", "chốt BC02 x2 0912 000 501")));
        assertThat(again.getString("outcomes[0].outcome")).isEqualTo("DUPLICATE");
        given().get("/sessions/" + sale.sessionId + "/comments?state=WAITING").then().statusCode(200)
                .body("totalItems", is(3)).body("items.platformCommentId", hasItem("c3"));
    }

    @Test
    void twoBatchesWithTheSameCommentsRacingStoreOnceAndOrderOnce() throws Exception {
        LiveSale sale = new LiveSale().open();
        long cake = sale.item("BG01", "Bánh gio Thanh Huệ", 15000, 1000, null);
        sale.item("MO01", "Mật ong", 200000, 1000, null);
        List<Map<String, Object>> comments = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String phone = String.format("0913%06d", i);
            orderedBefore(sale, "MO01", phone);
            comments.add(comment("race-" + i, "Khách " + i, "chốt BG01 x2 " + phone));
        }
        String body = batch(comments);
        String staff = TestTokens.staff(sale.cooperativeId);

        List<Answer> answers = ConcurrentBuyers.post("/sessions/" + sale.sessionId + "/comments", 6, i -> body,
                i -> null, i -> Map.of("Authorization", "Bearer " + staff));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));
        long ordered = answers.stream().mapToLong(a -> JsonPath.from(a.body()).getList("outcomes.outcome").stream()
                .filter("ORDERED"::equals).count()).sum();
        long duplicates = answers.stream().mapToLong(a -> JsonPath.from(a.body()).getList("outcomes.outcome").stream()
                .filter("DUPLICATE"::equals).count()).sum();
        assertThat(ordered).isEqualTo(20);
        assertThat(duplicates).isEqualTo(5 * 20);
        assertThat(db.number("SELECT COUNT(*) FROM live_comment WHERE session_id = ?", sale.sessionId)).isEqualTo(20);
        assertThat(db.number("SELECT COUNT(*) FROM live_comment WHERE session_id = ? AND state = 'ORDERED'",
                sale.sessionId)).isEqualTo(20);
        assertThat(db.number("SELECT COUNT(*) FROM order_line WHERE item_id = ?", cake)).isEqualTo(20);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", cake)).isEqualTo(40);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'vn.chotdon.order.placed'"
                + " AND message_key = ?", String.valueOf(sale.sessionId))).isEqualTo(20 + 20);
    }

    @Test
    void commentsRacingOrdersForTheLastUnitsNeverOversell() throws Exception {
        LiveSale sale = new LiveSale().open();
        long cake = sale.item("BG01", "Bánh gio Thanh Huệ", 15000, 30, null);
        sale.item("MO01", "Mật ong", 200000, 1000, null);
        int each = 40;
        for (int i = 0; i < each; i++) {
            orderedBefore(sale, "MO01", String.format("0914%06d", i));
        }
        String staff = TestTokens.staff(sale.cooperativeId);
        String path = "/sessions/" + sale.sessionId + "/comments";
        // Even clients comment, odd clients order through POST /orders, all at once.
        List<Answer> answers = ConcurrentBuyers.postEach(2 * each, i -> i % 2 == 0 ? path : "/orders", i -> i % 2 == 0
                ? batch(List.of(comment("last-" + i, "Khách " + i, "chốt BG01 x1 " + String.format("0914%06d", i / 2))))
                : Json.write(sale.order("BG01", 1, String.format("0915%06d", i))), i -> null,
                i -> Map.of("Authorization", "Bearer " + staff));
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).status()).as(answers.get(i).body()).isIn(i % 2 == 0 ? List.of(200) : List.of(201, 409));
        }

        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", cake)).isEqualTo(30);
        assertThat(db.number("SELECT SUM(l.quantity) FROM order_line l WHERE l.item_id = ?", cake)).isEqualTo(30);
        long ordered = db.number("SELECT COUNT(*) FROM live_comment WHERE session_id = ? AND state = 'ORDERED'",
                sale.sessionId);
        // Refused as sold out, each commenter (whose address is known) waits in the item's line.
        long refused = db.number("SELECT COUNT(*) FROM live_comment WHERE session_id = ? AND state = 'WAITLISTED'"
                + " AND reasons_json LIKE '%SOLD_OUT%'", sale.sessionId);
        assertThat(ordered + refused).isEqualTo(each);
        long placedByBuyers = IntStream.range(0, answers.size()).filter(i -> i % 2 == 1 && answers.get(i).status() == 201)
                .count();
        assertThat(ordered + placedByBuyers).as("every unit sold once, to a comment or a buyer").isEqualTo(30);
    }

    @Test
    void staffDecideEachWaitingCommentOnce() {
        // A cooperative of its own: no earlier run's orders give the phone below an address.
        LiveSale sale = new LiveSale(LiveSale.newCooperative()).open();
        Callers.actAs(TestTokens.staff(sale.cooperativeId));
        sale.item("BG01", "Bánh gio Thanh Huệ", 15000, 100, null);
        JsonPath sent = send(sale, List.of(comment("d1", "Cô Mai", "BG01 x1"), comment("d2", "Anh Tú", "còn không shop?"),
                comment("d3", "Chị Hoa", "chốt BG01 x2")));
        long toEdit = sent.getLong("outcomes[0].commentId");
        long toReject = sent.getLong("outcomes[1].commentId");
        long asParsed = sent.getLong("outcomes[2].commentId");
        String decisions = "/sessions/" + sale.sessionId + "/comments/";

        // As parsed, it has no phone: nothing to order, nothing decided.
        given().contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT")).post(decisions + asParsed + "/decision")
                .then().statusCode(422).contentType("application/problem+json").body("type", containsString("nothing-to-order"));
        // A phone with no earlier order and no address given: refused, nothing invented.
        given().contentType(ContentType.JSON).body(Map.of("decision", "EDIT_THEN_ACCEPT",
                "lines", List.of(Map.of("code", "BG01", "quantity", 1)), "phone", "0916000001"))
                .post(decisions + toEdit + "/decision").then().statusCode(422).body("type", containsString("address-required"));

        String code = given().contentType(ContentType.JSON).body(Map.of("decision", "EDIT_THEN_ACCEPT",
                "lines", List.of(Map.of("code", "BG01", "quantity", 3)), "phone", "0916 000 001",
                "address", Map.of("province", "Hà Nội", "commune", "Xã Đan Phượng", "detail", "Thôn Thượng Thôn")))
                .post(decisions + toEdit + "/decision").then().statusCode(200)
                .body("state", is("ACCEPTED")).body("decidedBy", notNullValue()).body("decidedAt", notNullValue())
                .extract().path("orderCode");
        assertThat(db.number("SELECT SUM(l.quantity) FROM order_line l JOIN orders o ON o.id = l.order_id"
                + " WHERE o.code = ?", code)).isEqualTo(3);
        assertThat(db.text("SELECT buyer_name FROM orders WHERE code = ?", code)).isEqualTo("Cô Mai");

        given().contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "note", "Khách chỉ hỏi"))
                .post(decisions + toReject + "/decision").then().statusCode(200)
                .body("state", is("REJECTED")).body("decisionNote", is("Khách chỉ hỏi"));
        // Decided once.
        given().contentType(ContentType.JSON).body(Map.of("decision", "REJECT")).post(decisions + toEdit + "/decision")
                .then().statusCode(409).body("type", containsString("comment-already-decided"))
                .body("currentState", is("ACCEPTED"));
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(1);

        given().get("/sessions/" + sale.sessionId + "/comments?state=REJECTED").then().statusCode(200)
                .body("totalItems", is(1)).body("items[0].id", is((int) toReject));
        // Another cooperative's staff do not find the session; a forwarder (service) does not decide.
        Callers.as(TestTokens.staff(LiveSale.newCooperative())).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT")).post(decisions + asParsed + "/decision").then().statusCode(404);
        Callers.as(TestTokens.service()).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT")).post(decisions + asParsed + "/decision").then().statusCode(403);
        Callers.anonymous();
        given().contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT")).post(decisions + asParsed + "/decision").then().statusCode(401);
    }

    @Test
    void badBatchesAre400AndStoreNothing() {
        LiveSale sale = new LiveSale().open();
        String path = "/sessions/" + sale.sessionId + "/comments";
        List<String> bodies = List.of("{\"comments\": []}",
                batch(IntStream.range(0, 501).mapToObj(i -> comment("b" + i, "Khách", "BG01")).toList()),
                batch(List.of(Map.of("platform", "MYSPACE", "platformCommentId", "x1", "commenterName", "A",
                        "commenterId", "a", "text", "BG01", "commentedAt", "2026-11-30T12:00:00Z"))),
                batch(List.of(Map.of("platform", "TIKTOK", "platformCommentId", "x 1", "commenterName", "A",
                        "commenterId", "a", "text", "BG01", "commentedAt", "2026-11-30T12:00:00Z"))),
                batch(List.of(Map.of("platform", "TIKTOK", "platformCommentId", "x2", "commenterName", "A",
                        "commenterId", "a", "commentedAt", "2026-11-30T12:00:00Z"))),
                batch(List.of(comment("x3", "A", "BG01"), Map.of("platform", "TIKTOK", "platformCommentId", "x4",
                        "commenterName", "A", "commenterId", "a", "text", "BG01", "commentedAt", "0999-12-31T23:59:59Z"))),
                // A time as a number (seconds since 1970?) is not the ISO-8601 text the document asks for.
                batch(List.of(Map.of("platform", "TIKTOK", "platformCommentId", "x5", "commenterName", "A",
                        "commenterId", "a", "text", "BG01", "commentedAt", 12))),
                "{\"comments\": [");
        for (String body : bodies) {
            given().contentType(ContentType.JSON).body(body).post(path).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        assertThat(db.number("SELECT COUNT(*) FROM live_comment WHERE session_id = ?", sale.sessionId)).isZero();
    }
}
