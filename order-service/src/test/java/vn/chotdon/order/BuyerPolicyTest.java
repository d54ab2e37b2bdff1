package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/**
 * Staff flag phones and choose per session what flagged and unreliable buyers get: accepted, held
 * for review, or asked to pay by transfer first; orders and comments follow the choice.
 */
@QuarkusTest
class BuyerPolicyTest {

    private final Db db = Db.ofApplication();

    @AfterEach
    void nobody() {
        Callers.anonymous();
    }

    @Test
    void staffFlagAndUnflagAPhoneWrittenAnyWayAndTheHistoryKeepsWhoAndWhen() {
        long cooperative = LiveSale.newCooperative();
        String buyer = "/cooperatives/" + cooperative + "/buyers/";
        Callers.actAs(TestTokens.staff(cooperative));
        Instant before = Instant.now().minusSeconds(60);

        given().get(buyer + "0912000601").then().statusCode(200).body("phone", is("0912***601"))
                .body("record.placed", is(0)).body("record.unreliable", is(false)).body("record.flag", nullValue())
                .body("flagHistory.size()", is(0));
        JsonPath flagged = given().contentType(ContentType.JSON).body(Map.of("note", "Bom hàng 2 lần tháng 11"))
                .put(buyer + "0912 000 601/flag").then().statusCode(200)
                .body("record.flag.note", is("Bom hàng 2 lần tháng 11"))
                .body("record.flag.by", is("test-staff-" + cooperative)).extract().jsonPath();
        assertThat(Instant.parse(flagged.getString("record.flag.at"))).isBetween(before, Instant.now().plusSeconds(60));
        // The owner sees the phone whole; +84 and 84 forms are the same buyer.
        Callers.as(TestTokens.owner(cooperative)).get(buyer + "+84912000601").then().statusCode(200)
                .body("phone", is("+84912000601")).body("record.flag.note", is("Bom hàng 2 lần tháng 11"));
        Callers.as(TestTokens.owner(cooperative)).contentType(ContentType.JSON).body(Map.of("note", "Hẹn giao 3 lần"))
                .put(buyer + "84912000601/flag").then().statusCode(200)
                .body("record.flag.note", is("Hẹn giao 3 lần")).body("record.flag.by", is("test-owner-" + cooperative));

        given().delete(buyer + "0912000601/flag").then().statusCode(200).body("record.flag", nullValue())
                .body("flagHistory.action", is(List.of("UNFLAGGED", "FLAGGED", "FLAGGED")))
                .body("flagHistory.by", is(List.of("test-staff-" + cooperative, "test-owner-" + cooperative,
                        "test-staff-" + cooperative)))
                .body("flagHistory[0].note", nullValue()).body("flagHistory[2].note", is("Bom hàng 2 lần tháng 11"));
        // Taking off a flag that is not there changes nothing.
        given().delete(buyer + "0912000601/flag").then().statusCode(200).body("flagHistory.size()", is(3));

        given().get(buyer + "12345").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("note", " ")).put(buyer + "0912000601/flag")
                .then().statusCode(400).body("errors[0].field", is("note"));
        // Another cooperative's buyers are not found, as if that cooperative did not exist.
        given().get("/cooperatives/" + LiveSale.newCooperative() + "/buyers/0912000601").then().statusCode(404);
    }

    @Test
    void aSessionsPolicyIsReadSetByStaffAndRefusesUnknownValues() {
        LiveSale sale = new LiveSale(LiveSale.newCooperative()).open();
        Callers.actAs(TestTokens.staff(sale.cooperativeId));
        String policy = "/sessions/" + sale.sessionId + "/buyer-policy";

        assertThat(given().get(policy).then().statusCode(200).extract().jsonPath().getLong("sessionId"))
                .isEqualTo(sale.sessionId);
        given().get(policy).then().statusCode(200).body("flagged", is("ACCEPT")).body("unreliable", is("ACCEPT")).body("commentPaymentMethod", is("COD"))
                .body("setBy", nullValue()).body("setAt", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("flagged", "REVIEW", "unreliable", "PAY_FIRST",
                "commentPaymentMethod", "BANK_TRANSFER")).put(policy).then().statusCode(200)
                .body("flagged", is("REVIEW")).body("unreliable", is("PAY_FIRST"))
                .body("commentPaymentMethod", is("BANK_TRANSFER")).body("setBy", is("test-staff-" + sale.cooperativeId));
        given().get(policy).then().statusCode(200).body("unreliable", is("PAY_FIRST"));

        given().contentType(ContentType.JSON).body(Map.of("flagged", "BAN", "unreliable", "ACCEPT",
                "commentPaymentMethod", "COD")).put(policy).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("flagged"))
                .body("errors[0].message", containsString("PAY_FIRST"));
        given().contentType(ContentType.JSON).body(Map.of("flagged", "ACCEPT", "unreliable", "ACCEPT")).put(policy)
                .then().statusCode(400).body("errors[0].field", is("commentPaymentMethod"));
        given().get(policy).then().body("flagged", is("REVIEW"));
        Callers.as(TestTokens.owner(LiveSale.newCooperative())).get(policy).then().statusCode(404);
    }

    @Test
    void payFirstRefusesCashOnDeliveryAndReviewHoldsAnOrderTheSessionWouldConfirm() {
        LiveSale sale = new LiveSale(LiveSale.newCooperative()).autoConfirmCod().open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        String staff = TestTokens.staff(sale.cooperativeId);
        String flagged = "0917 200 001";
        String unreliable = "0917 200 002";
        flag(staff, sale.cooperativeId, flagged);
        seedUnreliable(sale.cooperativeId, "+84917200002");
        setPolicy(staff, sale, "PAY_FIRST", "REVIEW", "COD");

        given().contentType(ContentType.JSON).body(sale.order("BG01", 1, flagged)).post("/orders").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/pay-first")).body("paymentMethod", is("BANK_TRANSFER"))
                .body("detail", containsString("BANK_TRANSFER"));
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isZero();
        assertThat(db.number("SELECT taken FROM lineup_item WHERE session_id = ?", sale.sessionId)).isZero();
        Map<String, Object> byTransfer = new HashMap<>(sale.order("BG01", 1, flagged));
        byTransfer.put("paymentMethod", "BANK_TRANSFER");
        given().contentType(ContentType.JSON).body(byTransfer).post("/orders").then().statusCode(201)
                .body("order.status", is("PLACED"));

        long held = given().contentType(ContentType.JSON).body(sale.order("BG01", 1, unreliable)).post("/orders")
                .then().statusCode(201).body("order.status", is("PLACED")).extract().jsonPath().getLong("order.id");
        given().contentType(ContentType.JSON).body(sale.order("BG01", 1, "0917 200 003")).post("/orders")
                .then().statusCode(201).body("order.status", is("CONFIRMED"));
        assertThat(db.number("SELECT held_for_review FROM orders WHERE id = ?", held)).isEqualTo(1);
        Callers.as(staff).queryParam("sessionId", sale.sessionId).queryParam("status", "PLACED").get("/orders").then()
                .statusCode(200).body("items.find { it.id == " + held + " }.heldForReview", is(true))
                .body("items.find { it.id == " + held + " }.buyer.unreliable", is(true));
        // Staff decide: the held order is confirmed by hand like any other.
        Callers.as(staff).post("/orders/" + held + "/confirm").then().statusCode(200).body("status", is("CONFIRMED"))
                .body("heldForReview", is(true));

        // A new policy reaches this instance's next order at once.
        setPolicy(staff, sale, "ACCEPT", "ACCEPT", "COD");
        given().contentType(ContentType.JSON).body(sale.order("BG01", 1, flagged)).post("/orders").then()
                .statusCode(201).body("order.status", is("CONFIRMED"));
    }

    @Test
    void commentsOfReviewedBuyersWaitAndOthersArePaidAsTheSessionSays() {
        LiveSale sale = new LiveSale(LiveSale.newCooperative()).open();
        sale.item("BG01", "Bánh gio Thanh Huệ", 15000, 100, null);
        sale.item("BC02", "Bánh chưng", 60000, 100, null);
        sale.item("MO01", "Mật ong", 200000, 100, null);
        String staff = TestTokens.staff(sale.cooperativeId);
        Callers.actAs(staff);
        // Each has ordered before: the cooperative knows where to deliver.
        for (String phone : List.of("0917300001", "0917300002", "0917300003")) {
            given().contentType(ContentType.JSON).body(sale.order("MO01", 1, phone)).post("/orders").then().statusCode(201);
        }
        flag(staff, sale.cooperativeId, "0917300001");
        seedUnreliable(sale.cooperativeId, "+84917300002");
        setPolicy(staff, sale, "REVIEW", "PAY_FIRST", "COD");

        JsonPath answer = comments(sale, List.of(comment("p1", "Chị Hoa", "chốt BG01 x1 0917300001"),
                comment("p2", "Anh Tú", "chốt BG01 x1 0917300002"), comment("p3", "Cô Mai", "chốt BG01 x1 0917300003")));
        assertThat(answer.getList("outcomes.outcome")).containsExactly("WAITING_FOR_REVIEW", "ORDERED", "ORDERED");
        assertThat(answer.getList("outcomes[0].reasons.code")).containsExactly("BUYER_FLAGGED");
        assertThat(paymentOf(answer.getString("outcomes[1].orderCode"))).as("must pay first").isEqualTo("BANK_TRANSFER");
        assertThat(paymentOf(answer.getString("outcomes[2].orderCode"))).isEqualTo("COD");
        given().get("/sessions/" + sale.sessionId + "/comments?state=WAITING").then().statusCode(200)
                .body("totalItems", is(1)).body("items[0].reasons.code", hasItem("BUYER_FLAGGED"))
                .body("items[0].buyer.flag.note", is("Bom hàng")).body("items[0].phone", is("0917***001"));

        // The session takes comment orders by transfer from now on; an accepted comment follows it too.
        setPolicy(staff, sale, "REVIEW", "PAY_FIRST", "BANK_TRANSFER");
        JsonPath later = comments(sale, List.of(comment("p4", "Cô Mai", "chốt BC02 x1 0917300003")));
        assertThat(paymentOf(later.getString("outcomes[0].orderCode"))).isEqualTo("BANK_TRANSFER");
        String accepted = given().contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post("/sessions/" + sale.sessionId + "/comments/" + answer.getLong("outcomes[0].commentId") + "/decision")
                .then().statusCode(200).body("state", is("ACCEPTED")).body("buyer.flag.note", is("Bom hàng"))
                .extract().path("orderCode");
        assertThat(paymentOf(accepted)).isEqualTo("BANK_TRANSFER");
    }

    @Test
    void theFirstInLineIsScreenedByThePolicyWhenItsTurnComes() {
        LiveSale sale = new LiveSale(LiveSale.newCooperative()).autoConfirmCod().open();
        sale.item("BG01", "Bánh gio", 15000, 2, null);
        String staff = TestTokens.staff(sale.cooperativeId);
        List<Long> sold = List.of(placed(sale, "0917400001"), placed(sale, "0917400002"));
        long flagged = waiting(sale, "0917400011");
        long unreliable = waiting(sale, "0917400012");
        long anyone = waiting(sale, "0917400013");
        // Their standing changed while they waited: the policy of the moment their turn comes applies.
        flag(staff, sale.cooperativeId, "0917400011");
        seedUnreliable(sale.cooperativeId, "+84917400012");
        setPolicy(staff, sale, "PAY_FIRST", "REVIEW", "COD");

        Callers.as(staff).post("/orders/" + sold.get(0) + "/cancel").then().statusCode(200);

        assertThat(db.text("SELECT state FROM waitlist_entry WHERE id = ?", flagged)).isEqualTo("SKIPPED");
        assertThat(db.text("SELECT skip_reason FROM waitlist_entry WHERE id = ?", flagged)).startsWith("pay-first: ");
        assertThat(db.text("SELECT state FROM waitlist_entry WHERE id = ?", unreliable)).isEqualTo("PROMOTED");
        assertThat(db.text("SELECT CONCAT(o.status, ' ', o.held_for_review) FROM orders o JOIN waitlist_entry w"
                + " ON w.order_id = o.id WHERE w.id = ?", unreliable)).as("held for review, not confirmed by the session")
                .isEqualTo("PLACED 1");
        assertThat(db.text("SELECT state FROM waitlist_entry WHERE id = ?", anyone)).isEqualTo("WAITING");

        Callers.as(staff).post("/orders/" + sold.get(1) + "/cancel").then().statusCode(200);

        assertThat(db.text("SELECT CONCAT(o.status, ' ', o.held_for_review) FROM orders o JOIN waitlist_entry w"
                + " ON w.order_id = o.id WHERE w.id = ?", anyone)).isEqualTo("CONFIRMED 0");
        assertThat(db.number("SELECT taken FROM lineup_item WHERE session_id = ?", sale.sessionId)).isEqualTo(2);
    }

    private static long placed(LiveSale sale, String phone) {
        return given().contentType(ContentType.JSON).body(sale.order("BG01", 1, phone)).post("/orders").then()
                .statusCode(201).extract().jsonPath().getLong("order.id");
    }

    private static long waiting(LiveSale sale, String phone) {
        return WaitlistTest.joined(sale, "BG01", 1, phone).getLong("entry.id");
    }

    private String paymentOf(String orderCode) {
        return db.text("SELECT payment_method FROM orders WHERE code = ?", orderCode);
    }

    private static void flag(String staff, long cooperative, String phone) {
        Callers.as(staff).contentType(ContentType.JSON).body(Map.of("note", "Bom hàng"))
                .put("/cooperatives/" + cooperative + "/buyers/" + phone.replace(" ", "") + "/flag")
                .then().statusCode(200);
    }

    /**
     * A buyer one of whose orders came back and one expired unpaid, as the buyer-records consumer would
     * have counted them (it may be counting the buyer's latest order meanwhile).
     */
    private void seedUnreliable(long cooperative, String phoneE164) {
        db.execute("INSERT INTO buyer_record (cooperative_id, buyer_phone, returned, expired_unpaid, updated_at)"
                + " VALUES (?, ?, 1, 1, UTC_TIMESTAMP(6)) ON DUPLICATE KEY UPDATE returned = 1, expired_unpaid = 1",
                cooperative, phoneE164);
    }

    private static void setPolicy(String staff, LiveSale sale, String flagged, String unreliable, String comments) {
        Callers.as(staff).contentType(ContentType.JSON).body(Map.of("flagged", flagged, "unreliable", unreliable,
                "commentPaymentMethod", comments)).put("/sessions/" + sale.sessionId + "/buyer-policy")
                .then().statusCode(200);
    }

    private static Map<String, Object> comment(String id, String name, String text) {
        return Map.of("platform", "TIKTOK", "platformCommentId", id, "commenterName", name, "commenterId", "u-" + id,
                "text", text, "commentedAt", "2026-11-30T12:00:00Z");
    }

    private static JsonPath comments(LiveSale sale, List<Map<String, Object>> comments) {
        return given().contentType(ContentType.JSON).body(Json.write(Map.of("comments", comments)))
                .post("/sessions/" + sale.sessionId + "/comments").then().statusCode(200).extract().jsonPath();
    }
}
