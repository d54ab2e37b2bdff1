package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.Topics;
import vn.chotdon.order.service.HoldExpiry;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * A buyer's record follows order-service's own order events through its buyer-records consumer:
 * every way an order ends, counted once, and a replayed event counted once. Staff see the record
 * beside each order; the buyer and the public never do.
 */
@QuarkusTest
class BuyerRecordTest {

    private static final AtomicLong TRANSACTIONS = new AtomicLong(System.nanoTime());

    private final Db db = Db.ofApplication();

    @Inject
    HoldExpiry expiry;

    @AfterEach
    void nobody() {
        Callers.anonymous();
    }

    @Test
    void theRecordFollowsEveryWayAnOrderEndsAndCountsAReplayedEventOnce() {
        LiveSale sale = new LiveSale(LiveSale.newCooperative()).open();
        sale.item("BG01", "Bánh gio", 15000, 1000, null);
        String staff = TestTokens.staff(sale.cooperativeId);
        String phone = "0917 100 001";

        JsonPath delivered = place(sale, phone, "COD");
        walk(staff, delivered, "confirm", "ship", "deliver");
        JsonPath transferDelivered = place(sale, phone, "BANK_TRANSFER");
        walk(staff, transferDelivered, "pay", "ship", "deliver");
        // Cash on delivery paid ahead: paid once, not again at the door.
        JsonPath paidAhead = place(sale, phone, "COD");
        walk(staff, paidAhead, "pay", "ship", "deliver");
        JsonPath cancelledByBuyer = place(sale, phone, "COD");
        given().header("X-Order-Token", cancelledByBuyer.getString("accessToken"))
                .post("/buyer/orders/" + cancelledByBuyer.getString("order.code") + "/cancel")
                .then().statusCode(200).body("status", is("CANCELLED"));
        JsonPath cancelledByStaff = place(sale, phone, "COD");
        walk(staff, cancelledByStaff, "cancel");
        JsonPath returned = place(sale, phone, "COD");
        walk(staff, returned, "confirm", "ship", "return");
        assertThat(db.texts("SELECT cancelled_by FROM orders WHERE id IN (?, ?)",
                cancelledByBuyer.getLong("order.id"), cancelledByStaff.getLong("order.id")))
                .containsExactlyInAnyOrder("BUYER", "STAFF");

        // Two holds run out; a transfer for one of them comes late and revives it as paid.
        place(sale, phone, "COD");
        JsonPath revived = place(sale, phone, "BANK_TRANSFER");
        db.execute("UPDATE orders SET hold_expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE"
                + " WHERE session_id = ? AND status = 'PLACED'", sale.sessionId);
        expiry.expireDue();
        String key = Callers.as(TestTokens.owner(sale.cooperativeId)).put("/payments/webhook-key")
                .then().statusCode(200).extract().path("apiKey");
        given().header("Authorization", "Apikey " + key).contentType(ContentType.JSON)
                .body(transfer(15000, "CHOTDON " + revived.getString("order.code")))
                .post("/payments/webhooks/sepay/" + sale.cooperativeId).then().statusCode(200)
                .body("outcome", is("MATCHED"));
        assertThat(db.text("SELECT status FROM orders WHERE id = ?", revived.getLong("order.id"))).isEqualTo("PAID");

        Map<String, Object> expected = Map.of("placed", 8, "delivered", 3, "paid", 4, "cancelledByBuyer", 1,
                "expiredUnpaid", 1, "returned", 1, "unreliable", true);
        awaitRecord(staff, sale.cooperativeId, phone, expected);

        // The RETURNED event delivered again: counted once. A later order of the session (same partition) shows
        // when the consumer has gone past it.
        String returnedEvent = db.text("SELECT payload FROM outbox_event WHERE event_type = 'vn.chotdon.order.returned'"
                + " AND payload LIKE ?", "%\"orderId\":" + returned.getLong("order.id") + ",%");
        try (EventPublisher publisher = EventPublisher.open()) {
            publisher.publishRaw(Topics.ORDERS, Long.toString(sale.sessionId), returnedEvent);
        }
        place(sale, "0917 100 002", "COD");
        awaitRecord(staff, sale.cooperativeId, "0917100002", Map.of("placed", 1));
        assertThat(record(staff, sale.cooperativeId, phone)).containsAllEntriesOf(expected);

        // Staff see the record beside each of the buyer's orders: in the list (read for the page at once) and alone.
        Callers.as(staff).queryParam("sessionId", sale.sessionId).queryParam("phone", phone).get("/orders")
                .then().statusCode(200).body("totalItems", is(8))
                .body("items.findAll { it.buyer.placed == 8 && it.buyer.returned == 1 }.size()", is(8))
                .body("items.findAll { it.heldForReview == false }.size()", is(8));
        Callers.as(TestTokens.owner(sale.cooperativeId)).get("/orders/" + delivered.getLong("order.id"))
                .then().statusCode(200).body("buyer.paid", is(4)).body("buyer.unreliable", is(true))
                .body("heldForReview", is(false));
    }

    @Test
    void theBuyerAndThePublicNeverSeeTheRecordNorTheHold() {
        LiveSale sale = new LiveSale(LiveSale.newCooperative()).open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        String staff = TestTokens.staff(sale.cooperativeId);
        String phone = "0917 100 011";
        Callers.as(staff).contentType(ContentType.JSON).body(Map.of("note", "Bom hàng 2 lần"))
                .put("/cooperatives/" + sale.cooperativeId + "/buyers/" + phone.replace(" ", "") + "/flag")
                .then().statusCode(200);
        Callers.as(staff).contentType(ContentType.JSON).body(Map.of("flagged", "REVIEW", "unreliable", "ACCEPT",
                "commentPaymentMethod", "COD")).put("/sessions/" + sale.sessionId + "/buyer-policy")
                .then().statusCode(200);

        String receipt = given().contentType(ContentType.JSON).body(sale.order("BG01", 1, phone)).post("/orders")
                .then().statusCode(201).extract().asString();
        JsonPath placed = JsonPath.from(receipt);
        String mine = given().header("X-Order-Token", placed.getString("accessToken"))
                .get("/buyer/orders/" + placed.getString("order.code")).then().statusCode(200).extract().asString();
        String offer = given().get("/sessions/" + sale.sessionId + "/orderable").then().statusCode(200).extract().asString();
        String events = String.join("\n", db.texts("SELECT payload FROM outbox_event WHERE message_key = ?",
                String.valueOf(sale.sessionId)));

        for (String seen : List.of(receipt, mine, offer, events)) {
            assertThat(seen).doesNotContain("\"buyer\"", "heldForReview", "Bom hàng", "unreliable", "cancelledByBuyer",
                    "flag");
        }
        // Staff see both on the same order.
        Callers.as(staff).get("/orders/" + placed.getLong("order.id")).then().statusCode(200)
                .body("status", is("PLACED")).body("heldForReview", is(true))
                .body("buyer.flag.note", is("Bom hàng 2 lần"));
    }

    private static JsonPath place(LiveSale sale, String phone, String paymentMethod) {
        Map<String, Object> body = new HashMap<>(sale.order("BG01", 1, phone));
        body.put("paymentMethod", paymentMethod);
        return given().contentType(ContentType.JSON).body(body).post("/orders").then().statusCode(201)
                .extract().jsonPath();
    }

    private static void walk(String token, JsonPath order, String... steps) {
        for (String step : steps) {
            Callers.as(token).post("/orders/" + order.getLong("order.id") + "/" + step).then().statusCode(200);
        }
    }

    private static Map<String, Object> record(String token, long cooperativeId, String phone) {
        return Callers.as(token).get("/cooperatives/" + cooperativeId + "/buyers/" + phone.replace(" ", ""))
                .then().statusCode(200).extract().jsonPath().getMap("record");
    }

    private static void awaitRecord(String token, long cooperativeId, String phone, Map<String, Object> expected) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(record(token, cooperativeId, phone))
                .containsAllEntriesOf(expected));
    }

    private static Map<String, Object> transfer(long amount, String memo) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", TRANSACTIONS.incrementAndGet());
        body.put("gateway", "Vietcombank");
        body.put("transactionDate", "2025-11-28 20:15:37");
        body.put("accountNumber", "0123499999");
        body.put("content", memo);
        body.put("transferType", "in");
        body.put("transferAmount", amount);
        body.put("referenceCode", "MBVCB.3278907687");
        return body;
    }
}
