package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.livestream.SessionData;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * Poison on both topics catalog-service consumes. On chotdon.orders (session sales): a record
 * that is not JSON, an envelope without payload, an order without lines (the handler throws) and
 * an order line of -3 units that the reservation's held >= 0 rule refuses; on
 * chotdon.livestream.sessions (session ends): a record that is not JSON and an envelope without
 * payload. Each is parked, the events behind it are applied, readiness counts them, and the
 * refused line is replayed once the reservation holds enough units to take it.
 */
@QuarkusTest
class PoisonEventsTest {

    private static final String SALES = "catalog-service-test.session-sales";
    private static final String ENDS = "catalog-service-test.session-ends";
    private static final String PROBLEMS = "https://chotdon.vn/problems/";

    private final Db db = Db.ofApplication();

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void poisonOnTheOrdersTopicIsParkedAndTheRefusedLineReplayedOnceItFits() {
        long coop = CatalogApi.cooperative("HTX Thuốc độc");
        long product = CatalogApi.productInStock(coop, "Bánh gio chống độc", 100);
        long session = newSession();
        reserve(product, session, 10);
        String key = Long.toString(session);
        EventEnvelope<Map<String, Object>> lineless = order(session, coop, null);
        EventEnvelope<Map<String, Object>> minusThree = order(session, coop, List.of(line(product, -3)));
        EventEnvelope<Object> empty = EventPublisher.envelope(OrderEventTypes.SOURCE, OrderEventTypes.ORDER_PLACED,
                OrderEventTypes.SCHEMA_VERSION, OrderEventTypes.AGGREGATE_ORDER, "1", null);
        try (EventPublisher publisher = EventPublisher.open()) {
            publisher.publishRaw(Topics.ORDERS, key, "<order>not json</order>");
            publisher.publish(Topics.ORDERS, key, empty);
            publisher.publish(Topics.ORDERS, key, lineless);
            publisher.publish(Topics.ORDERS, key, minusThree);
            publisher.publish(Topics.ORDERS, key, order(session, coop, List.of(line(product, 5))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> held(product, session) == 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(SALES, key) == 4);
        long unreadableId = db.number("SELECT id FROM parked_event WHERE consumer = ? AND record_key = ?"
                + " AND event_id IS NULL AND readable = FALSE", SALES, key);
        long emptyId = parkedId(SALES, empty.id());
        long linelessId = parkedId(SALES, lineless.id());
        long minusThreeId = parkedId(SALES, minusThree.id());
        assertThat(db.text("SELECT error FROM parked_event WHERE id = ?", linelessId)).contains("NullPointerException");
        assertThat(db.text("SELECT error FROM parked_event WHERE id = ?", minusThreeId)).containsIgnoringCase("held");
        assertThat(db.number("SELECT attempts FROM parked_event WHERE id = ?", minusThreeId)).isEqualTo(3);
        assertThat(db.number("SELECT COUNT(*) FROM parked_event WHERE id IN (?, ?) AND cooperative_id = ?",
                linelessId, minusThreeId, coop)).isEqualTo(2);
        assertThat(readiness(SALES)).containsEntry("state", "RUNNING");

        String owner = TestTokens.owner(coop);
        Callers.as(owner).queryParam("status", "parked").get("/admin/parked-events").then().statusCode(200)
                .body("totalItems", is(2)).body("items.id", hasItems((int) linelessId, (int) minusThreeId));
        Callers.as(TestTokens.owner(CatalogApi.cooperative("HTX Người lạ"))).post("/admin/parked-events/" + minusThreeId
                + "/replay").then().statusCode(404).contentType("application/problem+json");

        // Five units are held now: giving three back fits the held >= 0 rule.
        Callers.as(owner).post("/admin/parked-events/" + minusThreeId + "/replay").then().statusCode(200)
                .body("status", is("REPLAYED"));
        assertThat(held(product, session)).isEqualTo(2);
        Callers.as(owner).post("/admin/parked-events/" + minusThreeId + "/replay").then().statusCode(200);
        assertThat(held(product, session)).isEqualTo(2);

        Callers.as(TestTokens.admin()).post("/admin/parked-events/" + linelessId + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("type", is(PROBLEMS + "parked-event-replay-failed"))
                .body("error", containsString("NullPointerException")).body("attempts", is(4));
        for (long unreadable : List.of(unreadableId, emptyId)) {
            Callers.as(TestTokens.admin()).post("/admin/parked-events/" + unreadable + "/replay").then().statusCode(409)
                    .body("type", is(PROBLEMS + "parked-event-unreadable"));
        }
        Callers.as(TestTokens.admin()).get("/admin/parked-events/" + linelessId).then().statusCode(200)
                .body("status", is("PARKED")).body("attempts", is(4)).body("consumer", is(SALES))
                .body("topic", is(Topics.ORDERS)).body("replayable", is(true));
    }

    @Test
    void poisonOnTheSessionsTopicIsParkedAndTheSessionEndBehindItApplied() {
        long coop = CatalogApi.cooperative("HTX Phiên độc");
        long product = CatalogApi.productInStock(coop, "Bánh chưng phiên kết thúc", 50);
        long session = newSession();
        reserve(product, session, 8);
        String key = Long.toString(session);
        try (EventPublisher publisher = EventPublisher.open()) {
            publisher.publishRaw(Topics.LIVESTREAM_SESSIONS, key, "}{");
            publisher.publish(Topics.LIVESTREAM_SESSIONS, key, EventPublisher.envelope(LivestreamEventTypes.SOURCE,
                    LivestreamEventTypes.SESSION_ENDED, LivestreamEventTypes.SCHEMA_VERSION,
                    LivestreamEventTypes.AGGREGATE_SESSION, key, null));
            publisher.publish(Topics.LIVESTREAM_SESSIONS, key, EventPublisher.envelope(LivestreamEventTypes.SOURCE,
                    LivestreamEventTypes.SESSION_ENDED, LivestreamEventTypes.SCHEMA_VERSION,
                    LivestreamEventTypes.AGGREGATE_SESSION, key, new SessionData(session, coop, "Phiên thử", "TIKTOK",
                            "ENDED", null, null, Instant.now(), 30, false, 3)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.number(
                "SELECT COUNT(*) FROM session_reservation WHERE session_id = ? AND closed = TRUE", session) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> parked(ENDS, key) == 2);
        assertThat(db.number("SELECT COUNT(*) FROM parked_event WHERE consumer = ? AND record_key = ? AND readable = FALSE"
                + " AND attempts = 0", ENDS, key)).isEqualTo(2);
        Map<String, Object> health = readiness(ENDS);
        assertThat(health).containsEntry("topic", Topics.LIVESTREAM_SESSIONS).containsEntry("state", "RUNNING");
        assertThat(((Number) health.get("parked")).longValue()).isGreaterThanOrEqualTo(2);
        assertThat(health.get("lastError").toString()).isNotBlank();
    }

    private Map<String, Object> readiness(String group) {
        JsonPath answer = given().get("/q/health/ready").then().extract().jsonPath();
        Map<String, Object> check = answer.getMap("checks.find { it.name == 'kafka-consumer " + group + "' }");
        assertThat(check).containsEntry("status", "UP");
        return answer.getMap("checks.find { it.name == 'kafka-consumer " + group + "' }.data");
    }

    private long parked(String consumer, String key) {
        return db.number("SELECT COUNT(*) FROM parked_event WHERE consumer = ? AND record_key = ?", consumer, key);
    }

    private long parkedId(String consumer, String eventId) {
        return db.number("SELECT id FROM parked_event WHERE consumer = ? AND event_id = ?", consumer, eventId);
    }

    private long held(long product, long session) {
        return db.number("SELECT held FROM session_reservation WHERE product_id = ? AND session_id = ?", product, session);
    }

    private static long newSession() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private static void reserve(long product, long session, int quantity) {
        Callers.as(TestTokens.service()).contentType(ContentType.JSON).body(Map.of("quantity", quantity))
                .put("/products/" + product + "/reservations/" + session).then().statusCode(200);
    }

    private static Map<String, Object> line(long product, long quantity) {
        return Map.of("itemId", product + 1, "code", "BG01", "productId", product, "quantity", quantity,
                "unitPriceVnd", 15000, "lineTotalVnd", 15000 * quantity);
    }

    /** A PLACED order as order-service publishes it; {@code lines} may be null. */
    private static EventEnvelope<Map<String, Object>> order(long session, long coop, List<Map<String, Object>> lines) {
        long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        Map<String, Object> data = new HashMap<>();
        data.put("orderId", orderId);
        data.put("code", "PZ" + (orderId % 1_000_000));
        data.put("sessionId", session);
        data.put("cooperativeId", coop);
        data.put("status", "PLACED");
        data.put("previousStatus", null);
        data.put("paymentMethod", "COD");
        data.put("totalVnd", 0);
        data.put("lines", lines);
        data.put("placedAt", Instant.now().toString());
        data.put("version", 1);
        return EventPublisher.envelope(OrderEventTypes.SOURCE, OrderEventTypes.ORDER_PLACED, OrderEventTypes.SCHEMA_VERSION,
                OrderEventTypes.AGGREGATE_ORDER, Long.toString(orderId), data);
    }
}
