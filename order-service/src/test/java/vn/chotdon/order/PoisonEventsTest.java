package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.livestream.LineupItemData;
import vn.chotdon.events.livestream.SessionData;
import vn.chotdon.platform.consumer.EventSubscriptions;
import vn.chotdon.platform.inbox.ConsumerRetention;
import vn.chotdon.platform.parking.ParkedEvents;
import vn.chotdon.platform.parking.ParkingTicket;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * Poison on chotdon.livestream.sessions, the topic of order-service's read model: a record that is
 * not JSON, an envelope without payload, a session the database refuses (no title) and lineup
 * items the projection throws on (no code) are parked; the events behind them are applied;
 * readiness counts them; the admin endpoint replays a parked event once it can apply.
 */
@QuarkusTest
class PoisonEventsTest {

    private static final String READ_MODEL = "order-service-test.read-model";
    private static final String PROBLEMS = "https://chotdon.vn/problems/";

    private final Db db = Db.ofApplication();

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void poisonIsParkedTheEventsBehindItAreAppliedAndAFixableOneIsReplayed() {
        LiveSale sale = new LiveSale(LiveSale.newCooperative());
        long session = sale.sessionId;
        long lateItem = LiveSale.newCooperative();
        long brokenItem = LiveSale.newCooperative();
        String key = Long.toString(session);
        EventEnvelope<SessionData> untitled = envelope(LivestreamEventTypes.SESSION_SCHEDULED, new SessionData(session,
                sale.cooperativeId, null, "TIKTOK", "SCHEDULED", null, null, null, 30, false, 1));
        EventEnvelope<LineupItemData> codeless = envelope(LivestreamEventTypes.LINEUP_ITEM_ADDED, item(session, lateItem, null, 1));
        EventEnvelope<LineupItemData> neverFixed = envelope(LivestreamEventTypes.LINEUP_ITEM_ADDED, item(session, brokenItem, null, 1));
        EventEnvelope<Object> empty = envelope(LivestreamEventTypes.SESSION_UPDATED, null);
        try (EventPublisher publisher = EventPublisher.open()) {
            publisher.publishRaw(Topics.LIVESTREAM_SESSIONS, key, "{\"id\": \"half an event");
            publisher.publish(Topics.LIVESTREAM_SESSIONS, key, empty);
            publisher.publish(Topics.LIVESTREAM_SESSIONS, key, untitled);
            publisher.publish(Topics.LIVESTREAM_SESSIONS, key, codeless);
            publisher.publish(Topics.LIVESTREAM_SESSIONS, key, neverFixed);
        }
        // Behind the poison, on the same partition: the session (versions 1 and 2), an item, and the late item's next version.
        sale.open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        try (EventPublisher publisher = EventPublisher.open()) {
            publisher.publish(Topics.LIVESTREAM_SESSIONS, key,
                    envelope(LivestreamEventTypes.LINEUP_ITEM_CHANGED, item(session, lateItem, "BG02", 2)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/sessions/" + session + "/orderable").then().extract()
                .jsonPath().getList("items.code", String.class).contains("BG02"));
        assertThat(db.text("SELECT title FROM sale_session WHERE session_id = ?", session)).isEqualTo("Phiên bánh gio Đan Phượng");

        await().atMost(Duration.ofSeconds(30)).until(() -> parkedOf(key) == 5);
        assertThat(db.number("SELECT COUNT(*) FROM parked_event WHERE record_key = ? AND readable = FALSE"
                + " AND event_id IS NULL AND attempts = 0 AND error LIKE 'not JSON%'", key)).isEqualTo(1);
        long emptyId = parkedId(empty.id());
        long untitledId = parkedId(untitled.id());
        long codelessId = parkedId(codeless.id());
        long neverFixedId = parkedId(neverFixed.id());
        long unreadableId = db.number("SELECT id FROM parked_event WHERE record_key = ? AND event_id IS NULL", key);
        assertThat(db.text("SELECT error FROM parked_event WHERE id = ?", emptyId)).contains("data is null");
        assertThat(db.number("SELECT attempts FROM parked_event WHERE id = ?", codelessId)).isEqualTo(3);
        assertThat(db.text("SELECT error FROM parked_event WHERE id = ?", codelessId)).contains("NullPointerException");
        assertThat(db.number("SELECT cooperative_id FROM parked_event WHERE id = ?", untitledId)).isEqualTo(sale.cooperativeId);
        assertThat(db.text("SELECT error FROM parked_event WHERE id = ?", untitledId)).containsIgnoringCase("title");

        JsonPath readiness = given().get("/q/health/ready").then().extract().jsonPath();
        Map<String, Object> check = readiness.getMap("checks.find { it.name == 'kafka-consumer " + READ_MODEL + "' }");
        assertThat(check).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        assertThat(data).containsEntry("group", READ_MODEL).containsEntry("topic", Topics.LIVESTREAM_SESSIONS)
                .containsEntry("state", "RUNNING").containsKeys("lag", "lastError");
        assertThat(((Number) data.get("parked")).longValue()).isGreaterThanOrEqualTo(5);

        String admin = TestTokens.admin();
        Callers.as(admin).queryParam("consumer", READ_MODEL).queryParam("status", "PARKED").queryParam("size", 100)
                .get("/admin/parked-events").then().statusCode(200).body("items.id", hasItem((int) codelessId));
        Callers.as(TestTokens.owner(sale.cooperativeId)).queryParam("size", 100).get("/admin/parked-events").then()
                .statusCode(200).body("totalItems", is(1)).body("items[0].id", is((int) untitledId));
        Callers.as(TestTokens.owner(LiveSale.newCooperative())).get("/admin/parked-events/" + untitledId).then()
                .statusCode(404).contentType("application/problem+json");
        Callers.as(TestTokens.owner(sale.cooperativeId)).get("/admin/parked-events/" + codelessId).then().statusCode(404);

        // The session and the late item now exist in later versions: their parked first versions apply (as outdated).
        Callers.as(TestTokens.owner(sale.cooperativeId)).post("/admin/parked-events/" + untitledId + "/replay").then()
                .statusCode(200).body("status", is("REPLAYED")).body("replayedAt", not(is((Object) null)));
        Callers.as(admin).post("/admin/parked-events/" + codelessId + "/replay").then().statusCode(200)
                .body("status", is("REPLAYED")).body("eventType", is(LivestreamEventTypes.LINEUP_ITEM_ADDED));
        assertThat(db.number("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id IN (?, ?)",
                READ_MODEL, untitled.id(), codeless.id())).isEqualTo(2);
        assertThat(db.text("SELECT code FROM lineup_item WHERE item_id = ?", lateItem)).isEqualTo("BG02");
        assertThat(db.number("SELECT version FROM sale_session WHERE session_id = ?", session)).isEqualTo(2);
        Callers.as(admin).post("/admin/parked-events/" + untitledId + "/replay").then().statusCode(200)
                .body("status", is("REPLAYED"));

        Callers.as(admin).post("/admin/parked-events/" + neverFixedId + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("type", is(PROBLEMS + "parked-event-replay-failed"))
                .body("error", org.hamcrest.Matchers.containsString("NullPointerException")).body("attempts", is(4));
        Callers.as(admin).get("/admin/parked-events/" + neverFixedId).then().statusCode(200)
                .body("status", is("PARKED")).body("attempts", is(4));
        for (long unreadable : List.of(unreadableId, emptyId)) {
            Callers.as(admin).post("/admin/parked-events/" + unreadable + "/replay").then().statusCode(409)
                    .body("type", is(PROBLEMS + "parked-event-unreadable"));
        }
        Callers.as(TestTokens.staff(sale.cooperativeId)).get("/admin/parked-events").then().statusCode(403)
                .contentType("application/problem+json");
        given().post("/admin/parked-events/" + untitledId + "/replay").then().statusCode(401);
    }

    @Test
    void aRecordParkedAgainAfterARedeliveryIsOneRow() {
        ParkedEvents parked = CDI.current().select(ParkedEvents.class).get();
        ParkingTicket ticket = new ParkingTicket(READ_MODEL, "chotdon.tests", 0, System.nanoTime(), "k", null, null,
                null, "{oops", false, "not JSON", 0);
        assertThat(parked.park(ticket)).isTrue();
        assertThat(parked.park(ticket)).isFalse();
        assertThat(db.number("SELECT COUNT(*) FROM parked_event WHERE consumer = ? AND topic = 'chotdon.tests'"
                + " AND kafka_offset = ?", READ_MODEL, ticket.offset())).isEqualTo(1);
    }

    @Test
    void aConsumerThatStopsIsReplacedAndGoesOn() {
        EventSubscriptions subscriptions = CDI.current().select(EventSubscriptions.class).get();
        assertThat(subscriptions.groupOf("read-model")).isEqualTo(READ_MODEL);
        var subscription = subscriptions.byGroup(READ_MODEL).orElseThrow();
        long restarts = subscription.state().restarts();
        Thread consumerThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("consumer-" + READ_MODEL)).findFirst().orElseThrow();

        Instant stopped = Instant.now();
        consumerThread.interrupt();
        await().atMost(Duration.ofSeconds(30)).until(() -> subscription.state().restarts() > restarts);
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 10, null);
        Duration toApplyingAgain = Duration.between(stopped, Instant.now());
        System.out.printf("A stopped consumer applied events again %d ms after it stopped%n", toApplyingAgain.toMillis());
        assertThat(subscription.isAlive()).isTrue();
        assertThat(toApplyingAgain).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void retentionForgetsOldProcessedEventsAndOldReplayedParkedEvents() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        db.execute("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, UTC_TIMESTAMP(6) - INTERVAL 15 DAY)",
                READ_MODEL, old);
        db.execute("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, UTC_TIMESTAMP(6) - INTERVAL 13 DAY)",
                READ_MODEL, recent);
        long offset = System.nanoTime();
        db.execute("INSERT INTO parked_event (consumer, topic, kafka_partition, kafka_offset, readable, error, attempts,"
                + " status, parked_at, replayed_at) VALUES (?, 'chotdon.tests', 0, ?, FALSE, 'x', 0, 'REPLAYED',"
                + " UTC_TIMESTAMP(6) - INTERVAL 40 DAY, UTC_TIMESTAMP(6) - INTERVAL 31 DAY)", READ_MODEL, offset);

        CDI.current().select(ConsumerRetention.class).get().forget();

        assertThat(db.number("SELECT COUNT(*) FROM processed_event WHERE event_id IN (?, ?)", old, recent)).isEqualTo(1);
        assertThat(db.text("SELECT event_id FROM processed_event WHERE event_id IN (?, ?)", old, recent)).isEqualTo(recent);
        assertThat(db.number("SELECT COUNT(*) FROM parked_event WHERE kafka_offset = ? AND topic = 'chotdon.tests'", offset))
                .isZero();
    }

    private long parkedOf(String key) {
        return db.number("SELECT COUNT(*) FROM parked_event WHERE consumer = ? AND record_key = ?", READ_MODEL, key);
    }

    private long parkedId(String eventId) {
        return db.number("SELECT id FROM parked_event WHERE consumer = ? AND event_id = ?", READ_MODEL, eventId);
    }

    private static LineupItemData item(long session, long itemId, String code, long version) {
        return new LineupItemData(session, itemId, code, itemId + 100, "Bánh gio", "CAI", 15000, 100, null, 2, false,
                false, version);
    }

    private static <T> EventEnvelope<T> envelope(String type, T data) {
        return EventPublisher.envelope(LivestreamEventTypes.SOURCE, type, LivestreamEventTypes.SCHEMA_VERSION,
                LivestreamEventTypes.AGGREGATE_SESSION, "poison", data);
    }
}
