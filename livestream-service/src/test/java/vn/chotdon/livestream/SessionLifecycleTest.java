package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/** Sessions: planning, details, listing, and every legal and illegal status change. */
@QuarkusTest
class SessionLifecycleTest {

    private static final List<String> ACTIONS = List.of("start", "end", "cancel");

    Db db = Db.ofApplication();

    @Test
    void plansASessionWithDefaultsAndVietnameseText() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long id = given().contentType(ContentType.JSON).body(LivestreamApi.sessionBody(coop))
                .post("/sessions").then().statusCode(201)
                .header("Location", containsString("/sessions/"))
                .body("status", is("SCHEDULED"))
                .extract().jsonPath().getLong("id");

        given().get("/sessions/" + id).then().statusCode(200)
                .body("cooperativeId", is((int) coop))
                .body("title", is("Chốt đơn bánh gio Đan Phượng"))
                .body("hostName", is("Chị Thanh Huệ"))
                .body("platform", is("TIKTOK"))
                .body("scheduledStart", is("2026-12-04T13:00:00Z"))
                .body("expectedMinutes", is(90))
                .body("holdMinutes", is(30))
                .body("autoConfirmCod", is(false))
                .body("startedAt", nullValue())
                .body("version", is(0));
        assertThat(db.text("SELECT title FROM sale_session WHERE id = ?", id)).isEqualTo("Chốt đơn bánh gio Đan Phượng");
    }

    @Test
    void detailsChangeUntilTheSessionCloses() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long id = LivestreamApi.session(coop);
        Map<String, Object> details = LivestreamApi.sessionBody(0);
        details.remove("cooperativeId");
        details.put("title", "Phiên tối thứ Bảy");
        details.put("platform", "FACEBOOK");
        details.put("holdMinutes", 45);
        details.put("autoConfirmCod", true);
        given().contentType(ContentType.JSON).body(details).put("/sessions/" + id).then().statusCode(200)
                .body("title", is("Phiên tối thứ Bảy"))
                .body("platform", is("FACEBOOK"))
                .body("holdMinutes", is(45))
                .body("autoConfirmCod", is(true))
                .body("version", is(1));

        given().post("/sessions/" + id + "/cancel").then().statusCode(200);
        given().contentType(ContentType.JSON).body(details).put("/sessions/" + id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("currentStatus", is("CANCELLED"));
    }

    @Test
    void goesLiveAndEndsRecordingTheTimes() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long id = LivestreamApi.session(coop);
        given().post("/sessions/" + id + "/start").then().statusCode(200)
                .body("status", is("LIVE")).body("startedAt", notNullValue()).body("endedAt", nullValue());
        given().post("/sessions/" + id + "/end").then().statusCode(200)
                .body("status", is("ENDED")).body("startedAt", notNullValue()).body("endedAt", notNullValue());
        assertThat(db.text("SELECT status FROM sale_session WHERE id = ?", id)).isEqualTo("ENDED");
    }

    @Test
    void aPlannedSessionCanBeCancelled() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long id = LivestreamApi.session(coop);
        given().post("/sessions/" + id + "/cancel").then().statusCode(200).body("status", is("CANCELLED"));
    }

    @Test
    void everyIllegalTransitionIsRefusedNamingTheCurrentState() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long scheduled = LivestreamApi.session(coop);
        long live = LivestreamApi.liveSession(coop);
        long ended = LivestreamApi.liveSession(coop);
        LivestreamApi.end(ended);
        long cancelled = LivestreamApi.session(coop);
        given().post("/sessions/" + cancelled + "/cancel").then().statusCode(200);

        Map<Long, List<String>> illegal = Map.of(
                scheduled, List.of("end"),
                live, List.of("start", "cancel"),
                ended, ACTIONS,
                cancelled, ACTIONS);
        Map<Long, String> states = Map.of(scheduled, "SCHEDULED", live, "LIVE", ended, "ENDED", cancelled, "CANCELLED");
        long outbox = db.number("SELECT COUNT(*) FROM outbox_event");
        illegal.forEach((id, actions) -> actions.forEach(action -> {
            given().post("/sessions/" + id + "/" + action).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", is("https://chotdon.vn/problems/illegal-status-change"))
                    .body("currentStatus", is(states.get(id)))
                    .body("detail", containsString("is " + states.get(id) + " and cannot become"));
            assertThat(db.text("SELECT status FROM sale_session WHERE id = ?", id)).isEqualTo(states.get(id));
        }));
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event")).as("no event for a refused change").isEqualTo(outbox);
    }

    @Test
    void listsByCooperativeStatusAndDateWithPages() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long first = sessionAt(coop, "2026-12-01T20:00:00+07:00");
        long second = sessionAt(coop, "2026-12-03T20:00:00+07:00");
        long third = sessionAt(coop, "2026-12-10T20:00:00+07:00");
        LivestreamApi.start(second);
        LivestreamApi.session(LivestreamApi.cooperative());

        given().queryParam("cooperativeId", coop).queryParam("size", 2).get("/sessions").then().statusCode(200)
                .body("items.id", contains((int) first, (int) second))
                .body("totalItems", is(3)).body("totalPages", is(2));
        given().queryParam("cooperativeId", coop).queryParam("size", 2).queryParam("page", 1).get("/sessions")
                .then().statusCode(200).body("items.id", contains((int) third));
        given().queryParam("cooperativeId", coop).queryParam("status", "LIVE").get("/sessions").then()
                .body("items.id", contains((int) second));
        given().queryParam("cooperativeId", coop).queryParam("from", "2026-12-02T00:00:00+07:00")
                .queryParam("to", "2026-12-10T00:00:00+07:00").get("/sessions").then()
                .body("items.id", contains((int) second));
        given().queryParam("cooperativeId", coop).queryParam("from", "2026-12-03T13:00:00Z").get("/sessions").then()
                .body("items.id", contains((int) second, (int) third));
    }

    @Test
    void unknownSessionIsNotFound() {
        Callers.actAs(TestTokens.owner(LivestreamApi.cooperative()));
        given().get("/sessions/999999999999").then().statusCode(404).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/not-found"));
        given().post("/sessions/999999999999/start").then().statusCode(404).contentType("application/problem+json");
    }

    private static long sessionAt(long coop, String start) {
        Map<String, Object> body = LivestreamApi.sessionBody(coop);
        body.put("scheduledStart", start);
        return given().contentType(ContentType.JSON).body(body).post("/sessions").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }
}
