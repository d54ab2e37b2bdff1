package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;
import vn.chotdon.testing.contract.ApiContract;

/**
 * The answers every service gives the same way because the platform gives them: strict request
 * bodies (but tolerant events), parameters of the wrong type, 405 with Allow, OPTIONS, CORS
 * preflight, 414 and 431, undecodable queries, 406 and 415, and text with control characters.
 */
@QuarkusTest
@TestProfile(ProtocolAnswersTest.FrontEndOrigin.class)
class ProtocolAnswersTest {

    static final String FRONT_END = "https://shop.chotdon.vn";

    /** A front end's origin is allowed, as in a deployment, so that CORS preflights can be tried. */
    public static class FrontEndOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", FRONT_END);
        }
    }

    Db db = Db.ofApplication();

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL origin;

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void unknownFieldsInABodyAreRefusedAndEachIsNamed() {
        long coop = CatalogApi.cooperative("HTX Nông nghiệp Đan Phượng");
        Callers.actAs(TestTokens.staff(coop));
        long before = db.number("SELECT COUNT(*) FROM product");
        Map<String, Object> draft = new HashMap<>(CatalogApi.productBody(coop, "Bánh gio Thanh Huệ"));
        draft.put("perBuyerLimt", 2);
        draft.put("colour", "xanh");

        given().contentType(ContentType.JSON).body(draft).post("/products")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/validation"))
                .body("errors.field", containsInAnyOrder("colour", "perBuyerLimt"))
                .body("errors.message", containsInAnyOrder("unknown field", "unknown field"));
        assertThat(db.number("SELECT COUNT(*) FROM product")).isEqualTo(before);

        draft.remove("perBuyerLimt");
        draft.remove("colour");
        long id = given().contentType(ContentType.JSON).body(draft).post("/products")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        // A misspelt field in a PUT would otherwise clear what it meant to set.
        Map<String, Object> change = Map.of("name", "Bánh gio Thanh Huệ", "unit", "CAI", "priceVnd", 18000,
                "ocopStars", 4, "descriptoin", "Gói lá dong");
        given().contentType(ContentType.JSON).body(change).put("/products/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("descriptoin"));
        assertThat(db.number("SELECT price_vnd FROM product WHERE id = ?", id)).isEqualTo(15000);

        given().contentType(ContentType.JSON).body(Map.of("name", "Bánh gio Thanh Huệ", "unit", "CAI",
                "priceVnd", 18000, "ocopStars", 4, "description", "Gói lá dong")).put("/products/" + id)
                .then().statusCode(200).body("priceVnd", is(18000)).body("description", is("Gói lá dong"));
    }

    @Test
    void eventsWithFieldsThisServiceDoesNotKnowAreStillApplied() throws Exception {
        long coop = CatalogApi.cooperative("HTX Bánh gio Thanh Huệ");
        long product = CatalogApi.productInStock(coop, "Bánh gio phiên live", 100);
        long sessionId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        Callers.actAs(TestTokens.service());
        given().contentType(ContentType.JSON).body(Map.of("quantity", 10))
                .put("/products/" + product + "/reservations/" + sessionId).then().statusCode(200);

        try (EventPublisher publisher = EventPublisher.open()) {
            for (String[] status : new String[][] { { "PLACED", null }, { "CONFIRMED", "PLACED" } }) {
                OrderData order = new OrderData(sessionId * 10, "AAAA2222", sessionId, 1, status[0], status[1], "COD",
                        30000, List.of(new OrderData.OrderLineData(77, "BG01", product, 2, 15000, 30000)),
                        Instant.now(), 0, "H***");
                // A newer order-service adds fields, to the order and to its lines.
                @SuppressWarnings("unchecked")
                Map<String, Object> data = json.convertValue(order, LinkedHashMap.class);
                data.put("giftWrap", true);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> lines = (List<Map<String, Object>>) data.get("lines");
                lines.get(0).put("lotNumber", "L-2026-12");
                EventEnvelope<Map<String, Object>> event = EventPublisher.envelope(OrderEventTypes.SOURCE,
                        "vn.chotdon.order." + status[0].toLowerCase(), 1, "order", Long.toString(sessionId), data);
                publisher.publish(Topics.ORDERS, Long.toString(sessionId), event);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.number(
                "SELECT sold FROM session_reservation WHERE product_id = ? AND session_id = ?", product, sessionId) == 2);
        assertThat(db.number("SELECT COUNT(*) FROM parked_event WHERE payload LIKE ?", "%" + sessionId + "%")).isZero();
    }

    @Test
    void theApplicationMapperStaysTolerantOfUnknownFields() throws Exception {
        // The mapper consumers, stored JSON and REST clients use; only request bodies are strict.
        OrderData.OrderLineData line = json.readValue("{\"itemId\": 77, \"code\": \"BG01\", \"productId\": 5,"
                + " \"quantity\": 2, \"unitPriceVnd\": 15000, \"lineTotalVnd\": 30000, \"lotNumber\": \"L-2026-12\"}",
                OrderData.OrderLineData.class);
        assertThat(line.quantity()).isEqualTo(2);
    }

    @Test
    void parametersOfTheWrongTypeAre400NamingTheParameter() {
        given().queryParam("size", "abc").get("/products").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/validation"))
                .body("errors[0].field", is("size"))
                .body("errors[0].message", is("must be a whole number"))
                .body("detail", is("The query parameter size must be a whole number"));
        given().queryParam("cooperativeId", "abc").get("/products").then().statusCode(400)
                .body("errors[0].field", is("cooperativeId"));
        given().queryParam("cooperativeId", "99999999999999999999").get("/products").then().statusCode(400)
                .body("errors[0].message", is("must be a whole number from -9223372036854775808 to 9223372036854775807"));
        given().get("/products/abc").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("id"))
                .body("detail", is("The path parameter id must be a whole number"));
        given().queryParam("status", "SOLD").get("/products").then().statusCode(400)
                .body("errors[0].field", is("status"))
                .body("errors[0].message", is("must be one of [DRAFT, ACTIVE, RETIRED], not 'SOLD'"));
        Callers.as(TestTokens.admin()).get("/admin/parked-events/twelve").then().statusCode(400)
                .body("errors[0].field", is("id"));
        // A bean parameter's field (PageParams) is named as well.
        Callers.as(TestTokens.admin()).queryParam("page", "x").get("/admin/parked-events").then().statusCode(400)
                .body("errors[0].field", is("page"));
        Callers.as(TestTokens.admin()).queryParam("status", "LOST").get("/admin/parked-events").then().statusCode(400)
                .body("errors[0].message", is("must be one of [PARKED, REPLAYED], not 'LOST'"));

        long coop = CatalogApi.cooperative("HTX Chè Tân Cương");
        given().queryParam("cooperativeId", coop).queryParam("size", "5").queryParam("status", "active")
                .get("/products").then().statusCode(200).body("size", is(5));
        given().queryParam("cooperativeId", "").get("/products").then().statusCode(200);
    }

    @Test
    void aMethodAPathDoesNotHaveIs405WithTheMethodsItHas() {
        given().delete("/products").then().statusCode(405).contentType("application/problem+json")
                .header("Allow", "GET, HEAD, OPTIONS, POST")
                .body("type", is("https://chotdon.vn/problems/method-not-allowed"))
                .body("detail", is("DELETE is not allowed on /products; allowed: GET, HEAD, OPTIONS, POST"));
        given().contentType(ContentType.JSON).body("{}").post("/products/1").then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS, PATCH, PUT");
        given().put("/products/1/stock").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void optionsAdvertisesOnlyTheMethodsOfThatPath() {
        given().options("/products/1").then().statusCode(200).header("Allow", "GET, HEAD, OPTIONS, PATCH, PUT");
        given().options("/products/1/reservations/2").then().statusCode(200)
                .header("Allow", "DELETE, GET, HEAD, OPTIONS, PUT");
        given().options("/products/1/activate").then().statusCode(200).header("Allow", "OPTIONS, POST");
        given().options("/no-such-thing").then().statusCode(404);
    }

    @Test
    void aCorsPreflightFromAnAllowedOriginStillWorks() {
        given().header("Origin", FRONT_END).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/products").then().statusCode(200)
                .header("Access-Control-Allow-Origin", FRONT_END)
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", FRONT_END).get("/products").then().statusCode(200)
                .header("Access-Control-Allow-Origin", FRONT_END);
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/products").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aUrlOverTheLimitIs414AndHeadersOverTheLimitAre431AsProblems() throws IOException {
        RawAnswer longUrl = raw("GET /products?q=" + "a".repeat(5000) + " HTTP/1.1", Map.of());
        assertThat(longUrl.status()).isEqualTo(414);
        assertThat(longUrl.contentType()).isEqualTo("application/problem+json");
        assertThat(longUrl.body()).contains("\"type\":\"https://chotdon.vn/problems/uri-too-long\"")
                .contains("at most 4096");

        RawAnswer bigHeaders = raw("GET /products HTTP/1.1", Map.of("X-Filler", "b".repeat(17_000)));
        assertThat(bigHeaders.status()).isEqualTo(431);
        assertThat(bigHeaders.contentType()).isEqualTo("application/problem+json");
        assertThat(bigHeaders.body()).contains("\"type\":\"https://chotdon.vn/problems/headers-too-large\"");

        // A parameter no operation reads, so that only the length of the line is tried (q has its own limit).
        assertThat(raw("GET /products?filler=" + "a".repeat(3000) + " HTTP/1.1", Map.of()).status()).isEqualTo(200);
        assertThat(raw("GET /products HTTP/1.1", Map.of("X-Filler", "b".repeat(10_000))).status()).isEqualTo(200);
    }

    @Test
    void aQueryThatCannotBeDecodedIs400() throws IOException {
        // Quarkus refuses a request line java.net.URI cannot parse before its router, with an empty
        // body: no route, filter or mapper of the application sees it, so it cannot be problem+json.
        assertThat(raw("GET /products?q=% HTTP/1.1", Map.of()).status()).isEqualTo(400);
        assertThat(raw("GET /products?q=%25 HTTP/1.1", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void anAcceptOrContentTypeTheOperationCannotTakeIsNamed() {
        long coop = CatalogApi.cooperative("HTX Gạo ST25 Sóc Trăng");
        Callers.actAs(TestTokens.staff(coop));
        given().accept("text/csv").get("/products").then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/not-acceptable"))
                .body("detail", is("This operation produces application/json; the Accept header asks for 'text/csv'"));
        given().contentType("text/plain").body("Gạo ST25").post("/products").then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/unsupported-media-type"))
                .body("detail", allOf(containsString("consumes application/json"), containsString("'text/plain")));
        given().accept("application/json").contentType(ContentType.JSON)
                .body(CatalogApi.productBody(coop, "Gạo ST25 Sóc Trăng")).post("/products").then().statusCode(201);
    }

    @Test
    void bidiOverridesAndC1ControlsAreRefusedInStoredText() {
        long coop = CatalogApi.cooperative("HTX Bưởi Diễn");
        Callers.actAs(TestTokens.staff(coop));
        for (String name : List.of("Bưởi \u202EDiễn", "Bưởi\u0085Diễn", "Bưởi \u2066Diễn\u2069")) {
            given().contentType(ContentType.JSON).body(CatalogApi.productBody(coop, name)).post("/products")
                    .then().statusCode(400).body("errors[0].field", is("name"));
        }
        given().contentType(ContentType.JSON).body(CatalogApi.productBody(coop, "Bưởi Diễn")).post("/products")
                .then().statusCode(201).body("name", is("Bưởi Diễn"));
    }

    private record RawAnswer(int status, String contentType, String body) {
    }

    /** Java's HTTP clients refuse such requests before sending them; the contract is checked here by hand. */
    private RawAnswer raw(String requestLine, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
            String body = answer.substring(head.length() + 4);
            String contentType = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
                    .map(l -> l.substring("content-type:".length()).strip()).findFirst().orElse(null);
            String path = requestLine.split(" ")[1].replaceFirst("\\?.*", "");
            // 414, 431 and an unparsable request line are refused before any operation is chosen; the
            // document lists what operations answer.
            if (status != 200 && status != 414 && status != 431 && !requestLine.contains("%")) {
                Map<String, List<String>> answerHeaders = contentType == null ? Map.of()
                        : Map.of("Content-Type", List.of(contentType));
                assertThat(ApiContract.of(origin.toString().replaceFirst("/$", ""))
                        .violations("GET", path, status, answerHeaders, body))
                        .as("documented answer of GET %s %d", path, status).isEmpty();
            }
            return new RawAnswer(status, contentType, body);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}
