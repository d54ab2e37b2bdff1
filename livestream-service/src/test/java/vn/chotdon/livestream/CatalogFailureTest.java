package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/**
 * What catalog-service refuses, and what happens when it is down, slow or failing: a clear 4xx,
 * or a 503, and nothing written here (no lineup row, no event, the session as it was).
 */
@QuarkusTest
class CatalogFailureTest {

    @CatalogStub.Server
    WireMockServer catalog;

    Db db = Db.ofApplication();

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    long coop;
    long session;
    long itemsBefore;
    long outboxBefore;

    @BeforeEach
    void prepare() {
        circuitBreakers.resetAll();
        coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        session = LivestreamApi.session(coop);
        itemsBefore = db.number("SELECT COUNT(*) FROM lineup_item");
        outboxBefore = db.number("SELECT COUNT(*) FROM outbox_event");
    }

    @AfterEach
    void closeCircuits() {
        circuitBreakers.resetAll();
    }

    private ValidatableResponse add(long productId) {
        return given().contentType(ContentType.JSON).body(LivestreamApi.itemBody("BG01", productId, 600))
                .post("/sessions/" + session + "/lineup").then().contentType("application/problem+json");
    }

    private void nothingWritten() {
        assertThat(db.number("SELECT COUNT(*) FROM lineup_item")).as("lineup rows").isEqualTo(itemsBefore);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event")).as("outbox rows").isEqualTo(outboxBefore);
    }

    @Test
    void unknownProductIsAnInvalidReference() {
        long unknown = LivestreamApi.unknownProduct();
        catalog.stubFor(get(urlEqualTo("/products/" + unknown)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://chotdon.vn/problems/not-found\",\"status\":404}")));
        add(unknown).statusCode(422)
                .body("type", is("https://chotdon.vn/problems/invalid-reference"))
                .body("detail", is("product " + unknown + " does not exist"))
                .body("errors[0].field", is("productId"));
        catalog.verify(1, getRequestedFor(urlEqualTo("/products/" + unknown)));
        catalog.verify(0, putRequestedFor(urlEqualTo(LineupTest.reservation(unknown, session))));
        nothingWritten();
    }

    @Test
    void anotherCooperativesProductIsRefused() {
        long foreign = LivestreamApi.product(catalog, LivestreamApi.cooperative());
        add(foreign).statusCode(422)
                .body("type", is("https://chotdon.vn/problems/invalid-reference"))
                .body("detail", containsString("not to the session's cooperative " + coop));
        catalog.verify(0, putRequestedFor(urlEqualTo(LineupTest.reservation(foreign, session))));
        nothingWritten();
    }

    @Test
    void retiredOrDraftProductsAreNotForSale() {
        for (String status : new String[] { "RETIRED", "DRAFT" }) {
            long product = LivestreamApi.product(catalog, coop, status);
            add(product).statusCode(409)
                    .body("type", is("https://chotdon.vn/problems/product-not-active"))
                    .body("currentStatus", is(status));
            catalog.verify(0, putRequestedFor(urlEqualTo(LineupTest.reservation(product, session))));
        }
        nothingWritten();
    }

    @Test
    void insufficientStockSaysHowMuchIsAvailable() {
        long product = LivestreamApi.product(catalog, coop);
        catalog.stubFor(put(urlEqualTo(LineupTest.reservation(product, session))).willReturn(aResponse()
                .withStatus(409).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"https://chotdon.vn/problems/insufficient-stock\",\"title\":\"Not enough stock\","
                        + "\"status\":409,\"productId\":" + product + ",\"available\":120,\"requested\":600}")));
        add(product).statusCode(409)
                .body("type", is("https://chotdon.vn/problems/insufficient-stock"))
                .body("available", is(120))
                .body("requested", is(600));
        catalog.verify(1, putRequestedFor(urlEqualTo(LineupTest.reservation(product, session))));
        nothingWritten();
    }

    @Test
    void catalogFailingIsA503AndNothingIsWritten() {
        long product = LivestreamApi.product(catalog, coop);
        catalog.stubFor(put(urlEqualTo(LineupTest.reservation(product, session))).willReturn(serverError()));
        add(product).statusCode(503)
                .body("type", is("https://chotdon.vn/problems/catalog-unavailable"));
        catalog.verify(3, putRequestedFor(urlEqualTo(LineupTest.reservation(product, session))));
        nothingWritten();

        long broken = LivestreamApi.unknownProduct();
        catalog.stubFor(get(urlEqualTo("/products/" + broken)).willReturn(serverError()));
        add(broken).statusCode(503);
        catalog.verify(3, getRequestedFor(urlEqualTo("/products/" + broken)));
        nothingWritten();
    }

    @Test
    void catalogUnreachableIsA503() {
        long product = LivestreamApi.unknownProduct();
        catalog.stubFor(get(urlEqualTo("/products/" + product))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        add(product).statusCode(503).body("type", is("https://chotdon.vn/problems/catalog-unavailable"));
        nothingWritten();
    }

    @Test
    void slowCatalogTimesOutIntoA503AndTheReservationIsSetBack() {
        long product = LivestreamApi.product(catalog, coop);
        catalog.stubFor(put(urlEqualTo(LineupTest.reservation(product, session)))
                .willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(1500)));
        Instant started = Instant.now();
        add(product).statusCode(503).body("type", is("https://chotdon.vn/problems/catalog-unavailable"));
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
        nothingWritten();
        catalog.verify(1, deleteRequestedFor(urlEqualTo(LineupTest.reservation(product, session))));
    }

    @Test
    void anOpenCircuitAnswersAtOnceWithoutCallingCatalog() {
        long product = LivestreamApi.unknownProduct();
        catalog.stubFor(get(urlEqualTo("/products/" + product)).willReturn(serverError()));
        for (int i = 0; i < 4; i++) {
            add(product).statusCode(503);
        }
        int calls = catalog.findAll(getRequestedFor(urlEqualTo("/products/" + product))).size();
        add(product).statusCode(503).body("type", is("https://chotdon.vn/problems/catalog-unavailable"));
        assertThat(catalog.findAll(getRequestedFor(urlEqualTo("/products/" + product)))).as("calls while open")
                .hasSize(calls);
        nothingWritten();
    }

    @Test
    void endingWhileCatalogIsDownLeavesTheSessionLive() {
        long product = LivestreamApi.product(catalog, coop);
        long item = LivestreamApi.item(session, "BG01", product, 100);
        LivestreamApi.start(session);
        catalog.stubFor(post(urlEqualTo(LineupTest.reservation(product, session) + "/close")).willReturn(serverError()));
        catalog.stubFor(delete(urlEqualTo(LineupTest.reservation(product, session))).willReturn(serverError()));
        long outbox = db.number("SELECT COUNT(*) FROM outbox_event");

        given().post("/sessions/" + session + "/end").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/catalog-unavailable"));
        assertThat(db.text("SELECT status FROM sale_session WHERE id = ?", session)).isEqualTo("LIVE");
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event")).isEqualTo(outbox);

        given().delete(LineupTest.lineup(session, item)).then().statusCode(503);
        assertThat(db.number("SELECT COUNT(*) FROM lineup_item WHERE id = ?", item)).isEqualTo(1);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event")).isEqualTo(outbox);
    }

    @Test
    void cancellingWhileCatalogIsDownSetsBackWhatWasAlreadyReleased() {
        long first = LivestreamApi.product(catalog, coop);
        long second = LivestreamApi.product(catalog, coop);
        LivestreamApi.item(session, "BG01", first, 100);
        LivestreamApi.item(session, "BG02", second, 50);
        catalog.stubFor(delete(urlEqualTo(LineupTest.reservation(second, session))).willReturn(serverError()));

        given().post("/sessions/" + session + "/cancel").then().statusCode(503);
        assertThat(db.text("SELECT status FROM sale_session WHERE id = ?", session)).isEqualTo("SCHEDULED");
        catalog.verify(1, deleteRequestedFor(urlEqualTo(LineupTest.reservation(first, session))));
        catalog.verify(putRequestedFor(urlEqualTo(LineupTest.reservation(first, session)))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"quantity\": 100}")));
    }
}
