package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/** Bad input gets a 400 problem+json that names what is wrong, never a 5xx, and writes and calls nothing. */
@QuarkusTest
class ValidationTest {

    @CatalogStub.Server
    WireMockServer catalog;

    Db db = Db.ofApplication();

    long coop;
    long session;
    long product;
    long sessionsBefore;
    long itemsBefore;
    long outboxBefore;

    @BeforeEach
    void countRows() {
        coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        session = LivestreamApi.session(coop);
        product = LivestreamApi.product(catalog, coop);
        sessionsBefore = db.number("SELECT COUNT(*) FROM sale_session");
        itemsBefore = db.number("SELECT COUNT(*) FROM lineup_item");
        outboxBefore = db.number("SELECT COUNT(*) FROM outbox_event");
    }

    @AfterEach
    void nothingWrittenNorAskedOfCatalog() {
        assertThat(db.number("SELECT COUNT(*) FROM sale_session")).as("sessions written").isEqualTo(sessionsBefore);
        assertThat(db.number("SELECT COUNT(*) FROM lineup_item")).as("lineup items written").isEqualTo(itemsBefore);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event")).as("events written").isEqualTo(outboxBefore);
        assertThat(catalog.findAll(anyRequestedFor(urlPathMatching("/products/" + product + ".*")))).isEmpty();
    }

    private ValidatableResponse postSession(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/sessions").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private ValidatableResponse postItem(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/sessions/" + session + "/lineup").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private String session(Map<String, Object> overrides) {
        Map<String, Object> body = LivestreamApi.sessionBody(coop);
        body.putAll(overrides);
        return LivestreamApi.json(body);
    }

    private String item(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(LivestreamApi.itemBody("BG01", product, 600));
        body.putAll(overrides);
        return LivestreamApi.json(body);
    }

    @Test
    void malformedJson() {
        postSession("{\"cooperativeId\": 1, \"title\": \"Phiên tối\",")
                .body("type", is("https://chotdon.vn/problems/malformed-json"))
                .body("detail", startsWith("The body is not valid JSON"));
        postItem("{code: BG01}").body("type", is("https://chotdon.vn/problems/malformed-json"));
    }

    @Test
    void missingFieldsAreAllListed() {
        postSession("{}")
                .body("type", is("https://chotdon.vn/problems/validation"))
                .body("errors.field", contains("cooperativeId", "platform", "scheduledStart", "title"));
        postItem("{}").body("errors.field", contains("code", "livePriceVnd", "productId", "quota"));
        postSession("").body("errors.field", hasItem("draft"));
    }

    @Test
    void negativeAndZeroNumbers() {
        postItem(item(Map.of("livePriceVnd", -1)))
                .body("errors.field", contains("livePriceVnd"))
                .body("errors[0].message", containsString("greater than or equal to 0"));
        postItem(item(Map.of("quota", -5))).body("errors.field", contains("quota"));
        postItem(item(Map.of("quota", 0))).body("errors.field", contains("quota"));
        postItem(item(Map.of("perBuyerLimit", 0, "displayOrder", -1))).body("errors.field", contains("displayOrder", "perBuyerLimit"));
        postSession(session(Map.of("holdMinutes", 0, "expectedMinutes", -90)))
                .body("errors.field", contains("expectedMinutes", "holdMinutes"));
    }

    @Test
    void unknownPlatform() {
        postSession(session(Map.of("platform", "MYSPACE")))
                .body("errors.field", contains("platform"))
                .body("errors[0].message", containsString("unknown value 'MYSPACE'"));
    }

    @Test
    void hundredKilobyteStrings() {
        postSession(session(Map.of("title", "Đ".repeat(100 * 1024))))
                .body("errors.field", contains("title"))
                .body("errors[0].message", containsString("size must be between"));
        postItem(item(Map.of("code", "B".repeat(100 * 1024)))).body("errors.field", contains("code"));
        postSession(session(Map.of("notes", "n".repeat(100 * 1024)))).body("errors.field", contains("notes"));
    }

    @Test
    void wrongTypes() {
        postSession(session(Map.of("cooperativeId", "một"))).body("errors.field", contains("cooperativeId"))
                .body("errors[0].message", is("must be a whole number"));
        postSession(session(Map.of("title", 12345))).body("errors.field", contains("title"));
        postSession(session(Map.of("scheduledStart", "tối thứ Sáu"))).body("errors.field", contains("scheduledStart"));
        postSession(session(Map.of("scheduledStart", "0001-01-01T00:00:00Z"))).body("errors.field", contains("scheduledStart"));
        postSession(session(Map.of("scheduledStart", "2026-12-04"))).body("errors.field", contains("scheduledStart"));
        postSession(session(Map.of("autoConfirmCod", "yes"))).body("errors.field", contains("autoConfirmCod"));
        postItem(item(Map.of("quota", "600"))).body("errors.field", contains("quota"));
        postItem(item(Map.of("livePriceVnd", 12000.5))).body("errors.field", contains("livePriceVnd"));
        postItem(item(Map.of("productId", Map.of("id", 1)))).body("errors.field", contains("productId"));
        postItem("[1, 2, 3]").body("errors.field", contains("$"));
    }

    @Test
    void badCodesAndUrls() {
        for (String code : new String[] { "BG 01", "", "BÁNH1", "ABCDEFGHIJKLMNOPQ", "bg01;drop" }) {
            postItem(item(Map.of("code", code))).body("errors.field", contains("code"));
        }
        postSession(session(Map.of("streamUrl", "javascript:alert(1)"))).body("errors.field", contains("streamUrl"));
    }

    @Test
    void badChangesOfAnItemOrASession() {
        given().contentType(ContentType.JSON).body(Map.of("code", "BG01", "quota", -1, "livePriceVnd", 1))
                .put("/sessions/" + session + "/lineup/1").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("quota"));
        given().contentType(ContentType.JSON).body(Map.of("title", "", "platform", "ZALO"))
                .put("/sessions/" + session).then().statusCode(400)
                .body("errors.field", contains("scheduledStart", "title"));
    }

    @Test
    void badListingParameters() {
        given().queryParam("size", 1000).get("/sessions").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("size"));
        given().queryParam("page", -1).get("/sessions").then().statusCode(400).body("errors.field", contains("page"));
        given().queryParam("status", "ON_AIR").queryParam("from", "hôm qua").get("/sessions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("status", "from"))
                .body("errors[0].message", containsString("unknown value 'ON_AIR'"));
    }

    @Test
    void wrongMediaType() {
        given().contentType(ContentType.TEXT).body("title=Phiên tối").post("/sessions")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
