package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.livestream.client.CatalogApi;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/**
 * The platform's protocol answers as livestream-service gives them: strict request bodies while
 * catalog-service's answers may carry fields this service does not know, date-times explained,
 * and a stream that cannot be answered as JSON.
 */
@QuarkusTest
class ProtocolAnswersTest {

    @CatalogStub.Server
    WireMockServer catalog;

    Db db = Db.ofApplication();

    @Inject
    @RestClient
    CatalogApi catalogApi;

    /**
     * The first call of a fresh test JVM to catalog-service can outlast the 2 s fault-tolerance
     * timeout on a loaded machine (client, token and connection made then); these tests are about
     * what comes back, not about that first call's speed.
     */
    @BeforeEach
    void catalogClientReady() {
        long product = LivestreamApi.product(catalog, LivestreamApi.cooperative());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> catalogApi.product(product).id() == product);
    }

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void aMisspeltFieldInAPutIsRefusedInsteadOfClearingTheLimit() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long item = LivestreamApi.item(session, "BG01", LivestreamApi.product(catalog, coop), 100);

        given().contentType(ContentType.JSON).body(Map.of("code", "BG01", "livePriceVnd", 11000, "quota", 100,
                "perBuyerLimt", 5)).put("/sessions/" + session + "/lineup/" + item)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/validation"))
                .body("errors.field", containsInAnyOrder("perBuyerLimt"))
                .body("errors[0].message", is("unknown field"));
        assertThat(db.number("SELECT per_buyer_limit FROM lineup_item WHERE id = ?", item)).isEqualTo(20);

        given().contentType(ContentType.JSON).body(Map.of("code", "BG01", "livePriceVnd", 11000, "quota", 100,
                "perBuyerLimit", 5)).put("/sessions/" + session + "/lineup/" + item)
                .then().statusCode(200).body("perBuyerLimit", is(5));
    }

    @Test
    void catalogAnswersWithFieldsThisServiceDoesNotKnowAreRead() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        long product = LivestreamApi.unknownProduct();
        // A newer catalog-service answers with fields this one has never heard of.
        catalog.stubFor(get(urlEqualTo("/products/" + product)).willReturn(okJson(LivestreamApi.json(Map.of(
                "id", product, "cooperativeId", coop, "memberId", 3, "name", "Gạo ST25 Sóc Trăng",
                "unit", "KG", "unitLabel", "kg", "priceVnd", 35000, "status", "ACTIVE",
                "harvestSeason", "Đông Xuân 2026", "certificates", Map.of("vietGap", true))))));

        given().contentType(ContentType.JSON).body(LivestreamApi.itemBody("ST25", product, 50))
                .post("/sessions/" + session + "/lineup").then().statusCode(201)
                .body("productName", is("Gạo ST25 Sóc Trăng"));
    }

    @Test
    void aDateTimeWithABadDayOrOffsetSaysWhatADateTimeLooksLike() {
        long coop = LivestreamApi.cooperative();
        for (String start : new String[] { "2026-12-32T20:00:00+07:00", "2026-12-04T20:00:00+25:00" }) {
            Map<String, Object> body = LivestreamApi.sessionBody(coop);
            body.put("scheduledStart", start);
            Callers.as(TestTokens.owner(coop)).contentType(ContentType.JSON).body(body).post("/sessions")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("scheduledStart"))
                    .body("errors[0].message", is("must be a date-time such as 2026-12-01T19:00:00+07:00"));
        }
        Callers.as(TestTokens.owner(coop)).contentType(ContentType.JSON).body(LivestreamApi.sessionBody(coop))
                .post("/sessions").then().statusCode(201);
    }

    @Test
    void theBoardStreamCannotBeAnsweredAsJson() {
        long coop = LivestreamApi.cooperative();
        long session = LivestreamApi.session(coop);
        given().accept("application/json").get("/sessions/" + session + "/board/stream")
                .then().statusCode(406).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/not-acceptable"))
                .body("detail", is("This operation produces text/event-stream; the Accept header asks for"
                        + " 'application/json'"));
        given().accept(ContentType.JSON).get("/sessions/" + session + "/board").then().statusCode(200)
                .body("sessionId", is((int) session));
    }
}
