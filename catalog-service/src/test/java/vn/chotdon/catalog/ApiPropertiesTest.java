package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.ParkedEventRows;
import vn.chotdon.testing.TestTokens;
import vn.chotdon.testing.fuzz.FuzzCampaign;
import vn.chotdon.testing.fuzz.FuzzReport;
import vn.chotdon.testing.fuzz.ParkedOutboxRows;

/**
 * catalog-service keeps its OpenAPI document: requests generated from the document for every
 * operation (valid ones, ones that break one constraint, malformed ones), against a cooperative
 * with members, products in every status, stock, reservations for two sessions and parked
 * events, get no 5xx and no answer the document does not describe; every operation succeeds at
 * least once.
 */
@QuarkusTest
class ApiPropertiesTest {

    private static final Logger LOG = Logger.getLogger(ApiPropertiesTest.class);
    private static final long SESSION = 9_100_001L;
    private static final long OTHER_SESSION = 9_100_002L;

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyAnswerKeepsTheDocument() {
        long home = CatalogApi.cooperative("HTX Thử dữ liệu lạ");
        long[] members = { CatalogApi.member(home, "Hộ bà Thử"), CatalogApi.member(home, "Hộ ông Gio") };
        long[] drafts = new long[4];
        for (int i = 0; i < drafts.length; i++) {
            drafts[i] = CatalogApi.product(home, "Bánh gio nháp " + (i + 1));
        }
        long[] inStock = new long[3];
        for (int i = 0; i < inStock.length; i++) {
            inStock[i] = CatalogApi.productInStock(home, "Gạo ST25 Sóc Trăng lô " + (i + 1), 1_000_000);
            for (long session : new long[] { SESSION, OTHER_SESSION }) {
                Callers.as(TestTokens.service()).contentType(ContentType.JSON).body(Map.of("quantity", 10))
                        .put("/products/" + inStock[i] + "/reservations/" + session).then().statusCode(200);
            }
        }
        long[] toRetire = { CatalogApi.product(home, "Bánh gio ngừng bán 1"), CatalogApi.product(home, "Bánh gio ngừng bán 2") };
        long[] parkedEvents = { ParkedEventRows.parkHarmless(Db.ofApplication(), "catalog-service-test.session-ends", home),
                ParkedEventRows.parkHarmless(Db.ofApplication(), "catalog-service-test.session-ends", home) };
        Object[] parkedOutbox = LongStream.range(0, 4).mapToObj(i -> ParkedOutboxRows.park(Db.ofApplication())).toArray();
        // Money for the households to be paid: member 0's in SESSION (counted now), member 1's in OTHER_SESSION
        // counted in June, the range the campaign asks for, so that a session payout and a range payout never
        // cover the same money.
        countPaidOrder(home, members[0], SESSION, Instant.now());
        countPaidOrder(home, members[1], OTHER_SESSION, Instant.parse("2026-06-15T03:00:00Z"));

        FuzzReport report = FuzzCampaign.against(base, given().get("/q/openapi?format=json").asString())
                // A member is looked for in its own cooperative, not in one the campaign registered.
                .knownTogether(Map.of("/cooperatives/{id}", home, "/cooperatives/{id}/members/{memberId}", members[0]))
                .knownTogether(Map.of("/cooperatives/{id}", home, "/cooperatives/{id}/members/{memberId}", members[1]))
                .known("/products/{id}", drafts[0], drafts[1], drafts[2], drafts[3], inStock[0], inStock[1], inStock[2])
                .known("/products/{productId}", inStock[0], inStock[1], inStock[2])
                // Retiring is for good: it has products of its own, so that the others stay for sale.
                .known("POST /products/{id}/retire.id", toRetire[0], toRetire[1])
                .known("/products/{productId}/reservations/{sessionId}", SESSION, OTHER_SESSION)
                .known("/admin/parked-events/{id}", parkedEvents[0], parkedEvents[1])
                .known("/admin/outbox/parked/{id}", parkedOutbox)
                .known("cooperativeId", home)
                .known("memberId", members[0], members[1])
                .known("/cooperatives/{id}/settlement/sessions/{sessionId}", SESSION)
                .known("from", "2026-06-01")
                .known("days", 30)
                .caller("admin", TestTokens.admin())
                .caller("owner", TestTokens.owner(home))
                .caller("staff", TestTokens.staff(home))
                .caller("service", TestTokens.service())
                .requests(3_000)
                .run();

        LOG.info("catalog-service API properties: " + report.summary());
        report.writeTo(Path.of("target", "fuzz", "catalog-service.txt"));
        report.assertNoFailures();
    }

    /** A paid order of one unit of a product of the household, as order-service publishes it, applied by settlement. */
    private static void countPaidOrder(long cooperative, long member, long session, Instant at) {
        Map<String, Object> body = new HashMap<>(CatalogApi.productBody(cooperative, "Bánh gio của hộ " + member));
        body.put("memberId", member);
        long product = Callers.as(TestTokens.staff(cooperative)).contentType(ContentType.JSON).body(body)
                .post("/products").then().statusCode(201).extract().jsonPath().getLong("id");
        long orderId = session * 10 + member;
        OrderData paid = new OrderData(orderId, "FZ" + orderId, session, cooperative, "PAID", "PLACED", "BANK_TRANSFER",
                15_000, List.of(new OrderData.OrderLineData(product, "BG01", product, 1, 15_000, 15_000)), at, 1, null);
        EventEnvelope<OrderData> event = EventEnvelope.of(UUID.randomUUID().toString(), OrderEventTypes.SOURCE,
                OrderEventTypes.ORDER_PAID, OrderEventTypes.SCHEMA_VERSION, OrderEventTypes.AGGREGATE_ORDER,
                Long.toString(orderId), at, paid);
        try (EventPublisher publisher = EventPublisher.open()) {
            publisher.publish(Topics.ORDERS, Long.toString(session), event);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.ofApplication().number(
                "SELECT COUNT(*) FROM processed_event WHERE consumer = 'catalog-service-test.settlement' AND event_id = ?",
                event.id()) == 1);
    }
}
