package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.EventTap.Received;
import vn.chotdon.testing.EventTap;
import vn.chotdon.testing.TestTokens;

/** Reads what livestream-service published, with a real Kafka consumer, as order-service will. */
@QuarkusTest
class LivestreamEventsTest {

    @CatalogStub.Server
    WireMockServer catalog;

    @Test
    void everySessionAndLineupChangeIsPublishedInOrderKeyedBySession() {
        try (EventTap tap = EventTap.onTopic(Topics.LIVESTREAM_SESSIONS)) {
            long coop = LivestreamApi.cooperative();
            Callers.actAs(TestTokens.owner(coop));
            long session = LivestreamApi.session(coop);
            Map<String, Object> details = LivestreamApi.sessionBody(coop);
            details.remove("cooperativeId");
            details.put("holdMinutes", 15);
            details.put("autoConfirmCod", true);
            given().contentType(ContentType.JSON).body(details).put("/sessions/" + session).then().statusCode(200);
            long productA = LivestreamApi.product(catalog, coop);
            long productB = LivestreamApi.product(catalog, coop);
            long a = LivestreamApi.item(session, "bg01", productA, 600);
            long b = LivestreamApi.item(session, "CM02", productB, 40);
            LivestreamApi.start(session);
            given().post(LineupTest.lineup(session, a) + "/pin").then().statusCode(200);
            given().post(LineupTest.lineup(session, b) + "/pin").then().statusCode(200);
            given().contentType(ContentType.JSON).body(LineupTest.change("BG01", 700, 9900))
                    .put(LineupTest.lineup(session, a)).then().statusCode(200);
            given().delete(LineupTest.lineup(session, a)).then().statusCode(204);
            LivestreamApi.end(session);

            List<String> expected = List.of(LivestreamEventTypes.SESSION_SCHEDULED, LivestreamEventTypes.SESSION_UPDATED,
                    LivestreamEventTypes.LINEUP_ITEM_ADDED, LivestreamEventTypes.LINEUP_ITEM_ADDED,
                    LivestreamEventTypes.SESSION_OPENED, LivestreamEventTypes.LINEUP_ITEM_CHANGED,
                    LivestreamEventTypes.LINEUP_ITEM_CHANGED, LivestreamEventTypes.LINEUP_ITEM_CHANGED,
                    LivestreamEventTypes.LINEUP_ITEM_CHANGED, LivestreamEventTypes.LINEUP_ITEM_REMOVED,
                    LivestreamEventTypes.SESSION_ENDED);
            List<Received> events = tap.awaitMatching(e -> String.valueOf(session).equals(e.key()), expected.size(),
                    Duration.ofSeconds(30));

            assertThat(events).extracting(Received::type).as("in order, keyed by session").isEqualTo(expected);
            assertThat(events).extracting(Received::id).doesNotHaveDuplicates();
            assertThat(events).allSatisfy(e -> {
                assertThat(e.event().path("specversion").asText()).isEqualTo("1.0");
                assertThat(e.event().path("source").asText()).isEqualTo(LivestreamEventTypes.SOURCE);
                assertThat(e.event().path("subject").asText()).isEqualTo("session/" + session);
                assertThat(e.event().path("aggregatetype").asText()).isEqualTo("session");
                assertThat(e.event().path("aggregateid").asText()).isEqualTo(String.valueOf(session));
                assertThat(e.event().path("schemaversion").asInt()).isEqualTo(1);
                assertThat(e.event().path("time").asText()).endsWith("Z");
                assertThat(e.data().path("sessionId").asLong()).isEqualTo(session);
            });

            JsonNode scheduled = events.get(0).data();
            assertThat(scheduled.path("cooperativeId").asLong()).isEqualTo(coop);
            assertThat(scheduled.path("title").asText()).isEqualTo("Chốt đơn bánh gio Đan Phượng");
            assertThat(scheduled.path("platform").asText()).isEqualTo("TIKTOK");
            assertThat(scheduled.path("status").asText()).isEqualTo("SCHEDULED");
            assertThat(scheduled.path("scheduledStart").asText()).isEqualTo("2026-12-04T13:00:00Z");
            assertThat(scheduled.path("holdMinutes").asInt()).isEqualTo(30);
            assertThat(scheduled.path("autoConfirmCod").asBoolean()).isFalse();
            JsonNode updated = events.get(1).data();
            assertThat(updated.path("holdMinutes").asInt()).isEqualTo(15);
            assertThat(updated.path("autoConfirmCod").asBoolean()).isTrue();
            assertThat(updated.path("version").asLong()).isEqualTo(1);

            JsonNode added = events.get(2).data();
            assertThat(added.path("itemId").asLong()).isEqualTo(a);
            assertThat(added.path("code").asText()).isEqualTo("BG01");
            assertThat(added.path("productId").asLong()).isEqualTo(productA);
            assertThat(added.path("productName").asText()).isEqualTo("Bánh gio Thanh Huệ " + productA);
            assertThat(added.path("unit").asText()).isEqualTo("CAI");
            assertThat(added.path("livePriceVnd").asLong()).isEqualTo(12000);
            assertThat(added.path("quota").asLong()).isEqualTo(600);
            assertThat(added.path("perBuyerLimit").asInt()).isEqualTo(20);
            assertThat(added.path("pinned").asBoolean()).isFalse();
            assertThat(added.path("removed").asBoolean()).isFalse();

            JsonNode opened = events.get(4).data();
            assertThat(opened.path("status").asText()).isEqualTo("LIVE");
            assertThat(opened.path("startedAt").asText()).endsWith("Z");

            assertThat(events.get(5).data().path("itemId").asLong()).as("A pinned").isEqualTo(a);
            assertThat(events.get(5).data().path("pinned").asBoolean()).isTrue();
            assertThat(events.get(6).data().path("itemId").asLong()).as("A unpinned").isEqualTo(a);
            assertThat(events.get(6).data().path("pinned").asBoolean()).isFalse();
            assertThat(events.get(7).data().path("itemId").asLong()).as("B pinned").isEqualTo(b);
            assertThat(events.get(7).data().path("pinned").asBoolean()).isTrue();

            JsonNode changed = events.get(8).data();
            assertThat(changed.path("quota").asLong()).isEqualTo(700);
            assertThat(changed.path("livePriceVnd").asLong()).isEqualTo(9900);
            assertThat(changed.path("perBuyerLimit").asInt()).isEqualTo(10);
            assertThat(changed.path("version").asLong())
                    .isGreaterThan(events.get(6).data().path("version").asLong());

            JsonNode removed = events.get(9).data();
            assertThat(removed.path("itemId").asLong()).isEqualTo(a);
            assertThat(removed.path("removed").asBoolean()).isTrue();
            assertThat(removed.path("code").asText()).isEqualTo("BG01");

            JsonNode ended = events.get(10).data();
            assertThat(ended.path("status").asText()).isEqualTo("ENDED");
            assertThat(ended.path("endedAt").asText()).endsWith("Z");
        }
    }

    @Test
    void aCancelledSessionIsPublished() {
        try (EventTap tap = EventTap.onTopic(Topics.LIVESTREAM_SESSIONS)) {
            long coop = LivestreamApi.cooperative();
            Callers.actAs(TestTokens.owner(coop));
            long session = LivestreamApi.session(coop);
            given().post("/sessions/" + session + "/cancel").then().statusCode(200);
            List<Received> events = tap.awaitMatching(e -> String.valueOf(session).equals(e.key()), 2,
                    Duration.ofSeconds(30));
            assertThat(events).extracting(Received::type).containsExactly(LivestreamEventTypes.SESSION_SCHEDULED,
                    LivestreamEventTypes.SESSION_CANCELLED);
            assertThat(events.get(1).data().path("status").asText()).isEqualTo("CANCELLED");
        }
    }
}
