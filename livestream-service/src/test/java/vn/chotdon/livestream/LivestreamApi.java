package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;

/**
 * Sets up sessions and lineups through the API, and catalog products in the stub. A session is
 * planned by the owner of its cooperative; the other calls go as the test's current caller
 * ({@code Callers.actAs}), usually that owner too.
 */
final class LivestreamApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong COOPERATIVES = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1_000_000) * 1000);
    private static final AtomicLong PRODUCTS = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1_000_000) * 1000);

    private LivestreamApi() {
    }

    /** A cooperative id no other test uses. */
    static long cooperative() {
        return COOPERATIVES.incrementAndGet();
    }

    /** A product id no other test uses, stubbed in catalog-service with this cooperative and status. */
    static long product(WireMockServer catalog, long cooperativeId, String status) {
        long id = PRODUCTS.incrementAndGet();
        catalog.stubFor(get(urlEqualTo("/products/" + id)).willReturn(okJson(json(Map.of(
                "id", id, "cooperativeId", cooperativeId, "memberId", 3, "name", "Bánh gio Thanh Huệ " + id,
                "unit", "CAI", "unitLabel", "cái", "priceVnd", 15000, "status", status,
                "description", "Bánh gio gói lá dong")))));
        return id;
    }

    static long product(WireMockServer catalog, long cooperativeId) {
        return product(catalog, cooperativeId, "ACTIVE");
    }

    /** A product id catalog-service does not know. */
    static long unknownProduct() {
        return PRODUCTS.incrementAndGet();
    }

    static Map<String, Object> sessionBody(long cooperativeId) {
        Map<String, Object> body = new HashMap<>();
        body.put("cooperativeId", cooperativeId);
        body.put("title", "Chốt đơn bánh gio Đan Phượng");
        body.put("platform", "TIKTOK");
        body.put("streamUrl", "https://www.tiktok.com/@htxdanphuong/live");
        body.put("hostName", "Chị Thanh Huệ");
        body.put("scheduledStart", "2026-12-04T20:00:00+07:00");
        body.put("expectedMinutes", 90);
        body.put("notes", "Freeship nội thành Hà Nội");
        return body;
    }

    static long session(long cooperativeId) {
        return Callers.as(TestTokens.owner(cooperativeId)).contentType(ContentType.JSON)
                .body(sessionBody(cooperativeId)).post("/sessions")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long liveSession(long cooperativeId) {
        long id = session(cooperativeId);
        start(id);
        return id;
    }

    static void start(long sessionId) {
        given().post("/sessions/" + sessionId + "/start").then().statusCode(200);
    }

    static void end(long sessionId) {
        given().post("/sessions/" + sessionId + "/end").then().statusCode(200);
    }

    static Map<String, Object> itemBody(String code, long productId, long quota) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("productId", productId);
        body.put("livePriceVnd", 12000);
        body.put("quota", quota);
        body.put("perBuyerLimit", 20);
        return body;
    }

    static long item(long sessionId, String code, long productId, long quota) {
        return given().contentType(ContentType.JSON).body(itemBody(code, productId, quota))
                .post("/sessions/" + sessionId + "/lineup").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
