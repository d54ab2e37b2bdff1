package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/** Lineup rules, with the reservations they make visible as the requests catalog-service receives. */
@QuarkusTest
class LineupTest {

    @CatalogStub.Server
    WireMockServer catalog;

    Db db = Db.ofApplication();

    @Test
    void addingAnItemChecksTheProductAndReservesItsQuota() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long product = LivestreamApi.product(catalog, coop);

        long item = given().contentType(ContentType.JSON).body(LivestreamApi.itemBody("bg-01", product, 600))
                .post("/sessions/" + session + "/lineup").then().statusCode(201)
                .header("Location", containsString("/sessions/" + session + "/lineup/"))
                .body("code", is("BG-01"))
                .body("productName", is("Bánh gio Thanh Huệ " + product))
                .body("unit", is("CAI"))
                .body("livePriceVnd", is(12000))
                .body("quota", is(600))
                .body("perBuyerLimit", is(20))
                .body("displayOrder", is(1))
                .body("pinned", is(false))
                .extract().jsonPath().getLong("id");

        catalog.verify(getRequestedFor(urlEqualTo("/products/" + product)));
        catalog.verify(1, putRequestedFor(urlEqualTo(reservation(product, session)))
                .withRequestBody(equalToJson("{\"quantity\": 600}")));
        given().get("/sessions/" + session + "/lineup-codes/Bg-01").then().statusCode(200).body("id", is((int) item));
        given().get("/sessions/" + session + "/lineup/" + item).then().statusCode(200).body("code", is("BG-01"));
        given().get("/sessions/" + session + "/lineup-codes/BG02").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(db.number("SELECT quota FROM lineup_item WHERE id = ?", item)).isEqualTo(600);
    }

    @Test
    void codesAreUniqueInTheSessionInAnyCase() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 100);
        long other = LivestreamApi.product(catalog, coop);

        given().contentType(ContentType.JSON).body(LivestreamApi.itemBody("bg01", other, 50))
                .post("/sessions/" + session + "/lineup").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/duplicate-code"))
                .body("code", is("BG01"));

        assertThat(db.number("SELECT COUNT(*) FROM lineup_item WHERE session_id = ?", session)).isEqualTo(1);
        catalog.verify(0, putRequestedFor(urlEqualTo(reservation(other, session))));
        long otherSession = LivestreamApi.session(coop);
        LivestreamApi.item(otherSession, "bg01", other, 50);
    }

    @Test
    void aProductJoinsASessionOnce() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long product = LivestreamApi.product(catalog, coop);
        LivestreamApi.item(session, "BG01", product, 100);
        given().contentType(ContentType.JSON).body(LivestreamApi.itemBody("BG02", product, 50))
                .post("/sessions/" + session + "/lineup").then().statusCode(409)
                .body("type", is("https://chotdon.vn/problems/product-already-in-lineup"));
        catalog.verify(1, putRequestedFor(urlEqualTo(reservation(product, session))));
    }

    @Test
    void whileScheduledTheLineupChangesFreelyAndReservationsFollow() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long product = LivestreamApi.product(catalog, coop);
        long item = LivestreamApi.item(session, "BG01", product, 600);

        given().contentType(ContentType.JSON).body(change("bg09", 800, 13000)).put(lineup(session, item))
                .then().statusCode(200).body("code", is("BG09")).body("quota", is(800))
                .body("livePriceVnd", is(13000)).body("version", is(1));
        given().contentType(ContentType.JSON).body(change("BG09", 300, 13000)).put(lineup(session, item))
                .then().statusCode(200).body("quota", is(300));
        given().contentType(ContentType.JSON).body(change("BG09", 300, 11000)).put(lineup(session, item))
                .then().statusCode(200).body("livePriceVnd", is(11000));
        LivestreamApi.item(session, "CM02", LivestreamApi.product(catalog, coop), 5);
        given().contentType(ContentType.JSON).body(change("cm02", 300, 11000)).put(lineup(session, item))
                .then().statusCode(409).body("type", is("https://chotdon.vn/problems/duplicate-code"));
        assertThat(db.text("SELECT code FROM lineup_item WHERE id = ?", item)).isEqualTo("BG09");

        catalog.verify(1, putRequestedFor(urlEqualTo(reservation(product, session)))
                .withRequestBody(equalToJson("{\"quantity\": 800}")));
        catalog.verify(1, putRequestedFor(urlEqualTo(reservation(product, session)))
                .withRequestBody(equalToJson("{\"quantity\": 300}")));
        catalog.verify(3, putRequestedFor(urlEqualTo(reservation(product, session))));

        given().delete(lineup(session, item)).then().statusCode(204);
        catalog.verify(1, deleteRequestedFor(urlEqualTo(reservation(product, session))));
        assertThat(db.number("SELECT COUNT(*) FROM lineup_item WHERE id = ?", item)).isZero();
        assertThat(db.number("SELECT COUNT(*) FROM board_item WHERE item_id = ?", item)).isZero();
        given().get(lineup(session, item)).then().statusCode(404);
    }

    @Test
    void whileLiveItemsJoinQuotasOnlyGrowAndPricesChange() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long product = LivestreamApi.product(catalog, coop);
        long item = LivestreamApi.item(session, "BG01", product, 600);
        LivestreamApi.start(session);

        long late = LivestreamApi.product(catalog, coop);
        LivestreamApi.item(session, "CM02", late, 40);
        catalog.verify(putRequestedFor(urlEqualTo(reservation(late, session))).withRequestBody(equalToJson("{\"quantity\": 40}")));

        given().contentType(ContentType.JSON).body(change("BG01", 900, 12000)).put(lineup(session, item))
                .then().statusCode(200).body("quota", is(900));
        catalog.verify(putRequestedFor(urlEqualTo(reservation(product, session))).withRequestBody(equalToJson("{\"quantity\": 900}")));

        given().contentType(ContentType.JSON).body(change("BG01", 899, 12000)).put(lineup(session, item))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/quota-cannot-shrink"))
                .body("currentQuota", is(900));
        catalog.verify(0, putRequestedFor(urlEqualTo(reservation(product, session)))
                .withRequestBody(equalToJson("{\"quantity\": 899}")));

        given().contentType(ContentType.JSON).body(change("BG07", 900, 12000)).put(lineup(session, item))
                .then().statusCode(409).body("type", is("https://chotdon.vn/problems/code-fixed-while-live"));

        given().contentType(ContentType.JSON).body(change("BG01", 900, 9900)).put(lineup(session, item))
                .then().statusCode(200).body("livePriceVnd", is(9900));
        assertThat(db.number("SELECT quota FROM lineup_item WHERE id = ?", item)).isEqualTo(900);
        assertThat(db.number("SELECT live_price_vnd FROM lineup_item WHERE id = ?", item)).isEqualTo(9900);
    }

    @Test
    void exactlyOneItemIsPinnedAndOnlyWhileLive() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long first = LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 10);
        long second = LivestreamApi.item(session, "BG02", LivestreamApi.product(catalog, coop), 10);

        given().post(lineup(session, first) + "/pin").then().statusCode(409)
                .contentType("application/problem+json").body("currentStatus", is("SCHEDULED"));

        LivestreamApi.start(session);
        given().post(lineup(session, first) + "/pin").then().statusCode(200).body("pinned", is(true));
        given().post(lineup(session, second) + "/pin").then().statusCode(200).body("pinned", is(true));
        given().get(lineup(session, first)).then().body("pinned", is(false));
        given().post(lineup(session, second) + "/pin").then().statusCode(200).body("pinned", is(true));
        assertThat(db.number("SELECT COUNT(*) FROM lineup_item WHERE session_id = ? AND pinned", session)).isEqualTo(1);
        assertThat(db.number("SELECT id FROM lineup_item WHERE session_id = ? AND pinned", session)).isEqualTo(second);
        given().get("/sessions/" + session + "/lineup").then().body("pinned", contains(false, true));

        LivestreamApi.end(session);
        given().post(lineup(session, first) + "/pin").then().statusCode(409).body("currentStatus", is("ENDED"));
    }

    @Test
    void theLineupIsReadOnlyOnceClosed() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long ended = LivestreamApi.session(coop);
        long item = LivestreamApi.item(ended, "BG01", LivestreamApi.product(catalog, coop), 10);
        LivestreamApi.start(ended);
        LivestreamApi.end(ended);
        long cancelled = LivestreamApi.session(coop);
        given().post("/sessions/" + cancelled + "/cancel").then().statusCode(200);
        long outbox = db.number("SELECT COUNT(*) FROM outbox_event");

        for (long session : List.of(ended, cancelled)) {
            String state = session == ended ? "ENDED" : "CANCELLED";
            given().contentType(ContentType.JSON).body(LivestreamApi.itemBody("NEW1", LivestreamApi.product(catalog, coop), 5))
                    .post("/sessions/" + session + "/lineup").then().statusCode(409)
                    .body("type", is("https://chotdon.vn/problems/lineup-closed"))
                    .body("currentStatus", is(state));
        }
        given().contentType(ContentType.JSON).body(change("BG01", 20, 1)).put(lineup(ended, item)).then()
                .statusCode(409).body("currentStatus", is("ENDED"));
        given().delete(lineup(ended, item)).then().statusCode(409).body("currentStatus", is("ENDED"));
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event")).isEqualTo(outbox);
        given().get("/sessions/" + ended + "/lineup").then().statusCode(200).body("code", contains("BG01"));
    }

    @Test
    void endingKeepsReservedOnlyWhatIsStillOrdered() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long sold = LivestreamApi.product(catalog, coop);
        long unsold = LivestreamApi.product(catalog, coop);
        long item = LivestreamApi.item(session, "BG01", sold, 100);
        LivestreamApi.item(session, "BG02", unsold, 50);
        LivestreamApi.start(session);
        try (EventPublisher publisher = EventPublisher.open()) {
            OrderEvents.publish(publisher, OrderEvents.event(1, session, coop, "PLACED", null,
                    List.of(new OrderEvents.Line(item, "BG01", 10, 12000))));
            OrderEvents.publish(publisher, OrderEvents.event(2, session, coop, "PLACED", null,
                    List.of(new OrderEvents.Line(item, "BG01", 5, 12000))));
            OrderEvents.publish(publisher, OrderEvents.event(2, session, coop, "CANCELLED", "PLACED",
                    List.of(new OrderEvents.Line(item, "BG01", 5, 12000))));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.number("SELECT cancelled FROM board_item WHERE item_id = ?", item) == 5);

        LivestreamApi.end(session);
        catalog.verify(1, postRequestedFor(urlEqualTo(reservation(sold, session) + "/close")));
        catalog.verify(1, postRequestedFor(urlEqualTo(reservation(unsold, session) + "/close")));
        catalog.verify(0, deleteRequestedFor(urlEqualTo(reservation(unsold, session))));
    }

    @Test
    void cancellingReleasesEveryReservation() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long a = LivestreamApi.product(catalog, coop);
        long b = LivestreamApi.product(catalog, coop);
        LivestreamApi.item(session, "BG01", a, 100);
        LivestreamApi.item(session, "BG02", b, 50);

        given().post("/sessions/" + session + "/cancel").then().statusCode(200).body("status", is("CANCELLED"));
        catalog.verify(1, deleteRequestedFor(urlEqualTo(reservation(a, session))));
        catalog.verify(1, deleteRequestedFor(urlEqualTo(reservation(b, session))));
    }

    static String reservation(long product, long session) {
        return "/products/" + product + "/reservations/" + session;
    }

    static String lineup(long session, long item) {
        return "/sessions/" + session + "/lineup/" + item;
    }

    static Map<String, Object> change(String code, long quota, long price) {
        return Map.of("code", code, "quota", quota, "livePriceVnd", price, "perBuyerLimit", 10);
    }
}
