package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.livestream.OrderEvents.Line;
import vn.chotdon.platform.consumer.EventSubscriptions;
import vn.chotdon.platform.consumer.Subscription;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * Poison on chotdon.orders, the topic of the live board: a record that is not JSON, an envelope
 * without payload, and an order of the session whose line is null (the board's consumer throws).
 * Each is parked, the order behind them moves the board, readiness counts them, and a replay of
 * what still cannot apply answers 409 and leaves it parked.
 */
@QuarkusTest
class PoisonEventsTest {

    private static final String PROBLEMS = "https://chotdon.vn/problems/";

    @CatalogStub.Server
    WireMockServer catalog;

    private final Db db = Db.ofApplication();

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void poisonIsParkedAndTheOrderBehindItMovesTheBoard() {
        String board = CDI.current().select(EventSubscriptions.class).get().all().stream()
                .filter(s -> s.topic().equals(Topics.ORDERS)).map(Subscription::group).findFirst().orElseThrow();
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long product = LivestreamApi.product(catalog, coop);
        // The first call to the catalog stub of a cold, busy test JVM may outlast the client's time limit (503).
        long item = await().atMost(Duration.ofSeconds(30)).until(() -> lineupItem(session, product), id -> id != null);
        LivestreamApi.start(session);
        Callers.anonymous();
        String key = Long.toString(session);
        EventEnvelope<OrderData> nullLine = EventPublisher.envelope(OrderEventTypes.SOURCE, OrderEventTypes.ORDER_PLACED,
                OrderEventTypes.SCHEMA_VERSION, OrderEventTypes.AGGREGATE_ORDER, "901", new OrderData(901, "CD-901",
                        session, coop, "PLACED", null, "COD", 0, Arrays.asList((OrderData.OrderLineData) null),
                        Instant.now(), 1, "Chị H***"));
        EventEnvelope<Object> empty = EventPublisher.envelope(OrderEventTypes.SOURCE, OrderEventTypes.ORDER_PLACED,
                OrderEventTypes.SCHEMA_VERSION, OrderEventTypes.AGGREGATE_ORDER, "902", null);
        try (EventPublisher publisher = EventPublisher.open()) {
            publisher.publishRaw(Topics.ORDERS, key, "\u0000\u0001 not an event");
            publisher.publish(Topics.ORDERS, key, empty);
            publisher.publish(Topics.ORDERS, key, nullLine);
            OrderEvents.publish(publisher, OrderEvents.event(903, session, coop, "PLACED", null,
                    List.of(new Line(item, "BG01", 3, 12000))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.number(
                "SELECT ordered FROM board_item WHERE item_id = ?", item) == 3);
        given().get("/sessions/" + session + "/board").then().statusCode(200).body("totals.ordered", is(3));

        await().atMost(Duration.ofSeconds(30)).until(() -> db.number(
                "SELECT COUNT(*) FROM parked_event WHERE consumer = ? AND record_key = ?", board, key) == 3);
        long unreadableId = db.number("SELECT id FROM parked_event WHERE consumer = ? AND record_key = ?"
                + " AND event_id IS NULL AND readable = FALSE", board, key);
        long emptyId = db.number("SELECT id FROM parked_event WHERE consumer = ? AND event_id = ?", board, empty.id());
        long nullLineId = db.number("SELECT id FROM parked_event WHERE consumer = ? AND event_id = ?", board,
                nullLine.id());
        assertThat(db.text("SELECT error FROM parked_event WHERE id = ?", nullLineId)).contains("NullPointerException");
        assertThat(db.number("SELECT attempts FROM parked_event WHERE id = ?", nullLineId)).isEqualTo(3);
        assertThat(db.number("SELECT cooperative_id FROM parked_event WHERE id = ?", nullLineId)).isEqualTo(coop);

        JsonPath readiness = given().get("/q/health/ready").then().extract().jsonPath();
        String check = "checks.find { it.name == 'kafka-consumer " + board + "' }";
        assertThat(readiness.getString(check + ".status")).isEqualTo("UP");
        Map<String, Object> data = readiness.getMap(check + ".data");
        assertThat(data).containsEntry("topic", Topics.ORDERS).containsEntry("state", "RUNNING");
        assertThat(((Number) data.get("parked")).longValue()).isGreaterThanOrEqualTo(3);

        String owner = TestTokens.owner(coop);
        Callers.as(owner).get("/admin/parked-events").then().statusCode(200).body("totalItems", is(1))
                .body("items[0].id", is((int) nullLineId)).body("items[0].payload", containsString("CD-901"));
        Callers.as(TestTokens.owner(LivestreamApi.cooperative())).get("/admin/parked-events/" + nullLineId).then()
                .statusCode(404).contentType("application/problem+json");
        Callers.as(owner).post("/admin/parked-events/" + nullLineId + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("type", is(PROBLEMS + "parked-event-replay-failed"))
                .body("attempts", is(4));
        for (long unreadable : List.of(unreadableId, emptyId)) {
            Callers.as(TestTokens.admin()).post("/admin/parked-events/" + unreadable + "/replay").then().statusCode(409)
                    .body("type", is(PROBLEMS + "parked-event-unreadable"));
        }
        Callers.as(TestTokens.admin()).queryParam("consumer", board).queryParam("status", "PARKED").queryParam("size", 100)
                .get("/admin/parked-events").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItems((int) unreadableId, (int) emptyId, (int) nullLineId));
        assertThat(db.number("SELECT ordered FROM board_item WHERE item_id = ?", item)).isEqualTo(3);
    }

    private static Long lineupItem(long session, long product) {
        var added = given().contentType(ContentType.JSON).body(LivestreamApi.itemBody("BG01", product, 100))
                .post("/sessions/" + session + "/lineup");
        if (added.statusCode() == 201) {
            return added.jsonPath().getLong("id");
        }
        var existing = given().get("/sessions/" + session + "/lineup-codes/BG01");
        return existing.statusCode() == 200 ? existing.jsonPath().getLong("id") : null;
    }
}
