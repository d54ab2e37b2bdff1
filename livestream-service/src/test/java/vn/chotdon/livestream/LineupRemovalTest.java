package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * Removing a lineup item is decided by order-service, which knows the units its orders took, not by
 * the board's counters, which lag behind orders. Only after order-service withdrew the item (204)
 * is its reservation given back to catalog-service and the item deleted.
 */
@QuarkusTest
class LineupRemovalTest {

    @CatalogStub.Server
    WireMockServer catalog;

    @OrderServiceStub.Server
    WireMockServer orders;

    private static final String REMOVED_EVENTS = "SELECT COUNT(*) FROM outbox_event WHERE event_type = '"
            + LivestreamEventTypes.LINEUP_ITEM_REMOVED + "'";

    Db db = Db.ofApplication();

    @Test
    void orderServiceRefusesWhatTheLaggingBoardDoesNotYetShow() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long product = LivestreamApi.product(catalog, coop);
        long item = LivestreamApi.item(session, "BG01", product, 600);
        LivestreamApi.start(session);
        given().contentType(ContentType.JSON).body(LineupTest.change("BG01", 700, 12000)).put(LineupTest.lineup(session, item))
                .then().statusCode(200);
        long version = db.number("SELECT version FROM lineup_item WHERE id = ?", item);
        answer(session, item, aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                .withBody(LivestreamApi.json(Map.of("type", "https://chotdon.vn/problems/item-has-orders",
                        "title", "Item has orders", "status", 409, "ordered", 2))));
        assertThat(db.number("SELECT ordered FROM board_item WHERE item_id = ?", item)).as("the board lags").isZero();

        given().delete(LineupTest.lineup(session, item)).then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/item-has-orders"))
                .body("ordered", is(2));

        List<LoggedRequest> asked = orders.findAll(putRequestedFor(urlEqualTo(withdrawal(session, item))));
        assertThat(asked).hasSize(1);
        assertThat(ServiceTokenCheck.claims(asked.get(0).getHeader("Authorization")).getClaimValueAsString("upn"))
                .isEqualTo("livestream-service");
        orders.verify(putRequestedFor(urlEqualTo(withdrawal(session, item)))
                .withRequestBody(equalToJson("{\"version\": " + version + "}")));
        catalog.verify(0, deleteRequestedFor(urlEqualTo(LineupTest.reservation(product, session))));
        assertThat(db.number("SELECT COUNT(*) FROM lineup_item WHERE id = ?", item)).isEqualTo(1);
    }

    @Test
    void anItemOrderServiceWithdrewIsRemovedEvenIfTheBoardCountedOrdersSinceCancelled() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long product = LivestreamApi.product(catalog, coop);
        long item = LivestreamApi.item(session, "BG01", product, 600);
        LivestreamApi.start(session);
        List<OrderEvents.Line> lines = List.of(new OrderEvents.Line(item, "BG01", 2, 12000));
        try (EventPublisher publisher = EventPublisher.open()) {
            OrderEvents.publish(publisher, OrderEvents.event(1, session, coop, "PLACED", null, lines));
            OrderEvents.publish(publisher, OrderEvents.event(1, session, coop, "CANCELLED", "PLACED", lines));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.number("SELECT cancelled FROM board_item WHERE item_id = ?", item) == 2);
        long outbox = db.number(REMOVED_EVENTS);

        given().delete(LineupTest.lineup(session, item)).then().statusCode(204);

        orders.verify(1, putRequestedFor(urlEqualTo(withdrawal(session, item))));
        catalog.verify(1, deleteRequestedFor(urlEqualTo(LineupTest.reservation(product, session))));
        assertThat(db.number("SELECT COUNT(*) FROM lineup_item WHERE id = ?", item)).isZero();
        assertThat(db.number("SELECT COUNT(*) FROM board_item WHERE item_id = ?", item)).isZero();
        assertThat(db.number(REMOVED_EVENTS))
                .isEqualTo(outbox + 1);
    }

    @Test
    void aSessionOrderServiceHasNotHeardOfIsSafeOnlyBeforeItGoesLive() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long scheduled = LivestreamApi.session(coop);
        long early = LivestreamApi.item(scheduled, "BG01", LivestreamApi.product(catalog, coop), 10);
        answer(scheduled, early, unknownSession(scheduled));
        given().delete(LineupTest.lineup(scheduled, early)).then().statusCode(204);
        assertThat(db.number("SELECT COUNT(*) FROM lineup_item WHERE id = ?", early)).isZero();

        long live = LivestreamApi.session(coop);
        long product = LivestreamApi.product(catalog, coop);
        long item = LivestreamApi.item(live, "BG01", product, 10);
        LivestreamApi.start(live);
        answer(live, item, unknownSession(live));
        given().delete(LineupTest.lineup(live, item)).then().statusCode(503).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/orders-unavailable"));
        catalog.verify(0, deleteRequestedFor(urlEqualTo(LineupTest.reservation(product, live))));
        assertThat(db.number("SELECT COUNT(*) FROM lineup_item WHERE id = ?", item)).isEqualTo(1);
    }

    @Test
    void whenOrderServiceCannotAnswerNothingIsReleased() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.liveSession(coop);
        long failing = LivestreamApi.product(catalog, coop);
        long down = LivestreamApi.item(session, "BG01", failing, 10);
        long slowProduct = LivestreamApi.product(catalog, coop);
        long slow = LivestreamApi.item(session, "BG02", slowProduct, 10);
        answer(session, down, aResponse().withStatus(503));
        answer(session, slow, aResponse().withStatus(204).withFixedDelay(1500));
        long outbox = db.number("SELECT COUNT(*) FROM outbox_event");

        for (long item : List.of(down, slow)) {
            long started = System.nanoTime();
            given().delete(LineupTest.lineup(session, item)).then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", is("https://chotdon.vn/problems/orders-unavailable"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(db.number("SELECT COUNT(*) FROM lineup_item WHERE id = ?", item)).isEqualTo(1);
        }
        assertThat(orders.findAll(putRequestedFor(urlEqualTo(withdrawal(session, down))))).as("retried").hasSize(3);
        catalog.verify(0, deleteRequestedFor(urlEqualTo(LineupTest.reservation(failing, session))));
        catalog.verify(0, deleteRequestedFor(urlEqualTo(LineupTest.reservation(slowProduct, session))));
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event")).isEqualTo(outbox);
    }

    private void answer(long session, long item, ResponseDefinitionBuilder response) {
        orders.stubFor(put(urlEqualTo(withdrawal(session, item))).willReturn(response));
    }

    private static ResponseDefinitionBuilder unknownSession(long session) {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody(LivestreamApi.json(Map.of("type", "https://chotdon.vn/problems/not-found",
                        "title", "Session not found", "status", 404, "detail", "Session " + session + " does not exist")));
    }

    private static String withdrawal(long session, long item) {
        return "/sessions/" + session + "/lineup/" + item + "/withdrawal";
    }
}
