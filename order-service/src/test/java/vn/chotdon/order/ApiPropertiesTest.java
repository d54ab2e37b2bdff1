package vn.chotdon.order;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.LongStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.ParkedEventRows;
import vn.chotdon.testing.TestTokens;
import vn.chotdon.testing.fuzz.FuzzCampaign;
import vn.chotdon.testing.fuzz.FuzzReport;
import vn.chotdon.testing.fuzz.ParkedOutboxRows;

/**
 * order-service keeps its OpenAPI document: requests generated from the document for every
 * operation (valid ones, ones that break one constraint, malformed ones), against a live sale with
 * items, orders in every status (their codes and buyer tokens known together) and parked events,
 * get no 5xx and no answer the document does not describe; every operation succeeds at least
 * once, placing orders included.
 */
@QuarkusTest
class ApiPropertiesTest {

    private static final Logger LOG = Logger.getLogger(ApiPropertiesTest.class);
    private static final String[] PHONES = { "0912 345 678", "0987 654 321", "0903 111 222", "0868 222 333",
            "0358 444 555", "0702 666 777", "0833 888 999", "0961 000 111" };

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyAnswerKeepsTheDocument() {
        LiveSale sale = new LiveSale().open();
        long cake = sale.item("BG01", "Bánh gio Thanh Huệ", 15_000, 1_000_000, null);
        long honey = sale.item("MO01", "Mật ong bạc hà", 200_000, 1_000_000, 50);
        long unordered = sale.item("GAO01", "Gạo ST25 Sóc Trăng", 30_000, 1_000, null);
        FuzzCampaign campaign = FuzzCampaign.against(base, given().get("/q/openapi?format=json").asString());
        String staff = TestTokens.staff(sale.cooperativeId);
        Orders orders = new Orders(sale);
        // Each status change has orders of its own in the status it starts from, so that one change does not use up another's.
        campaign.known("/orders/{id}", orders.place(), orders.place(), orders.place());
        campaign.known("POST /orders/{id}/confirm.id", orders.place(), orders.place());
        campaign.known("POST /orders/{id}/cancel.id", orders.place(), orders.place());
        campaign.known("POST /orders/{id}/pay.id", orders.moved(staff, "confirm"), orders.moved(staff, "confirm"));
        campaign.known("POST /orders/{id}/ship.id", orders.moved(staff, "pay"), orders.moved(staff, "pay"));
        campaign.known("POST /orders/{id}/deliver.id", orders.moved(staff, "pay", "ship"), orders.moved(staff, "pay", "ship"));
        campaign.known("POST /orders/{id}/return.id", orders.moved(staff, "pay", "ship"), orders.moved(staff, "pay", "ship"));
        // Bank-transfer orders name the cooperative's account: their VietQR codes can be asked for.
        long account = BankTransferTest.recordAccount(sale.cooperativeId, "970436", "1023456789", "HTX DAN PHUONG", false);
        campaign.known("GET /orders/{id}/qr.png.id", orders.placeByTransfer().getLong("order.id"));
        JsonPath payable = orders.placeByTransfer();
        campaign.knownTogether(Map.of("GET /buyer/orders/{code}/qr.png.code", payable.getString("order.code"),
                "GET /buyer/orders/{code}/qr.png.X-Order-Token", payable.getString("accessToken")));
        for (int i = 0; i < 3; i++) {
            JsonPath mine = orders.placeForBuyer();
            campaign.knownTogether(Map.of("/buyer/orders/{code}", mine.getString("order.code"),
                    "X-Order-Token", mine.getString("accessToken")));
            JsonPath toCancel = orders.placeForBuyer();
            campaign.knownTogether(Map.of("POST /buyer/orders/{code}/cancel.code", toCancel.getString("order.code"),
                    "POST /buyer/orders/{code}/cancel.X-Order-Token", toCancel.getString("accessToken")));
        }
        long parkedEvent = ParkedEventRows.parkHarmless(Db.ofApplication(), "order-service-test.read-model",
                sale.cooperativeId);
        Object[] parkedOutbox = LongStream.range(0, 4).mapToObj(i -> ParkedOutboxRows.park(Db.ofApplication())).toArray();

        // Transfers in the review list, for staff to resolve (each once).
        String key = given().header("Authorization", "Bearer " + TestTokens.owner(sale.cooperativeId))
                .put("/payments/webhook-key").then().statusCode(200).extract().path("apiKey");
        Object[] unmatched = LongStream.range(0, 4).mapToObj(i -> given().header("Authorization", "Apikey " + key)
                .contentType(ContentType.JSON).body(Map.of("id", "fuzz-" + sale.sessionId + "-" + i,
                        "transferType", "in", "transferAmount", 50_000, "content", "tien nha thang 11"))
                .post("/payments/webhooks/sepay/" + sale.cooperativeId).then().statusCode(200)
                .extract().jsonPath().getLong("paymentId")).toArray();
        campaign.known("/payments/unmatched/{paymentId}", unmatched);

        // Comments without a phone wait in the review queue, for staff to decide (each once).
        Object[] waiting = LongStream.range(0, 4).mapToObj(i -> given()
                .header("Authorization", "Bearer " + staff).contentType(ContentType.JSON)
                .body(Map.of("comments", java.util.List.of(Map.of("platform", "FACEBOOK",
                        "platformCommentId", "fuzz-" + sale.sessionId + "-" + i, "commenterName", "Chị Lan",
                        "commenterId", "lan.88", "text", "chốt BG01 x2", "commentedAt", "2026-11-30T12:00:00Z"))))
                .post("/sessions/" + sale.sessionId + "/comments").then().statusCode(200)
                .extract().jsonPath().getLong("outcomes[0].commentId")).toArray();
        campaign.known("/sessions/{sessionId}/comments/{commentId}", waiting);

        // A sold-out item buyers wait for, and entries in line with their tokens (read, then left, by the buyer).
        long soldOut = sale.item("HET01", "Bánh chưng Tranh Khúc", 60_000, 1, null);
        given().contentType(ContentType.JSON).body(sale.order("HET01", 1, PHONES[0])).post("/orders").then().statusCode(201);
        for (int i = 1; i < 4; i++) {
            JsonPath joined = given().contentType(ContentType.JSON).body(WaitlistTest.joinBody("HET01", 1, PHONES[i]))
                    .post("/sessions/" + sale.sessionId + "/waitlist").then().statusCode(201).extract().jsonPath();
            campaign.knownTogether(Map.of("/waitlist/{entryId}", joined.getLong("entry.id"),
                    "X-Waitlist-Token", joined.getString("accessToken")));
        }

        FuzzReport report = campaign
                .known("/sessions/{sessionId}", sale.sessionId)
                .known("/sessions/{sessionId}/lineup/{itemId}", unordered, cake)
                .known("sessionId", sale.sessionId)
                // HET01 is sold out: orders for it are refused, and buyers may wait for it.
                .known("itemId", cake, honey, soldOut)
                .known("code", "BG01", "MO01", "HET01")
                .known("phone", (Object[]) PHONES)
                .known("version", 1)
                .known("cooperativeId", sale.cooperativeId)
                .known("accountId", account)
                .known("bankBin", "970436", "970405", "970422")
                .known("/admin/parked-events/{id}", parkedEvent)
                .known("/admin/outbox/parked/{id}", parkedOutbox)
                .caller("admin", TestTokens.admin())
                .caller("owner", TestTokens.owner(sale.cooperativeId))
                .caller("staff", staff)
                .caller("service", TestTokens.service())
                // SePay's webhook reads a third party's body tolerantly (fields SePay adds, odd values are
                // stored, not refused: a refused notification is a payment nobody sees) and answers 401 to
                // any caller without the cooperative's key; BankTransferWebhookTest checks it instead.
                .skip(op -> op.id().equals("receiveSepayTransfer"))
                .requests(3_000)
                .run();

        LOG.info("order-service API properties: " + report.summary());
        report.writeTo(Path.of("target", "fuzz", "order-service.txt"));
        report.assertNoFailures();
    }

    /** Orders of the sale placed as buyers do, each with the next of the phones, then moved on by staff. */
    private static final class Orders {
        private final LiveSale sale;
        private int placed;

        Orders(LiveSale sale) {
            this.sale = sale;
        }

        JsonPath placeForBuyer() {
            String phone = PHONES[placed++ % PHONES.length];
            return given().contentType(ContentType.JSON).body(sale.order("BG01", 1, phone))
                    .post("/orders").then().statusCode(201).extract().jsonPath();
        }

        long place() {
            return placeForBuyer().getLong("order.id");
        }

        JsonPath placeByTransfer() {
            Map<String, Object> body = new java.util.HashMap<>(sale.order("BG01", 1, PHONES[placed++ % PHONES.length]));
            body.put("paymentMethod", "BANK_TRANSFER");
            return given().contentType(ContentType.JSON).body(body).post("/orders").then().statusCode(201).extract()
                    .jsonPath();
        }

        long moved(String token, String... actions) {
            long order = place();
            for (String action : actions) {
                Callers.as(token).post("/orders/" + order + "/" + action).then().statusCode(200);
            }
            return order;
        }
    }
}
