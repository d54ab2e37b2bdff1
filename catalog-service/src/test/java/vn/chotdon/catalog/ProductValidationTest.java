package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

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

/** Bad input gets a 400 problem+json that names what is wrong, never a 5xx, and writes nothing. */
@QuarkusTest
class ProductValidationTest {

    Db db = Db.ofApplication();

    long coop;
    long productsBefore;
    long outboxBefore;

    @BeforeEach
    void countRows() {
        coop = CatalogApi.cooperative("HTX Kiểm tra dữ liệu");
        Callers.actAs(TestTokens.staff(coop));
        productsBefore = db.number("SELECT COUNT(*) FROM product");
        outboxBefore = db.number("SELECT COUNT(*) FROM outbox_event");
    }

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    private ValidatableResponse post(String body) {
        ValidatableResponse response = given().contentType(ContentType.JSON).body(body).post("/products").then();
        assertThat(db.number("SELECT COUNT(*) FROM product")).as("products written").isEqualTo(productsBefore);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event")).as("events written").isEqualTo(outboxBefore);
        return response.statusCode(400).contentType("application/problem+json");
    }

    private String valid(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(CatalogApi.productBody(coop, "Bánh gio"));
        body.putAll(overrides);
        return toJson(body);
    }

    @Test
    void malformedJson() {
        post("{\"cooperativeId\": " + coop + ", \"name\": \"Bánh gio\",")
                .body("type", is("https://chotdon.vn/problems/malformed-json"))
                .body("detail", startsWith("The body is not valid JSON"));
        post("not json at all").body("type", is("https://chotdon.vn/problems/malformed-json"));
    }

    @Test
    void missingFieldsAreAllListed() {
        post("{}")
                .body("type", is("https://chotdon.vn/problems/validation"))
                .body("detail", is("4 fields are invalid"))
                .body("errors.field", contains("cooperativeId", "name", "priceVnd", "unit"));
    }

    @Test
    void missingBody() {
        post("").body("errors.field", hasItem("draft"));
    }

    @Test
    void negativePrice() {
        post(valid(Map.of("priceVnd", -1000)))
                .body("errors.field", contains("priceVnd"))
                .body("errors[0].message", containsString("greater than or equal to 0"));
    }

    @Test
    void fractionalPriceIsNotRoundedAway() {
        post(valid(Map.of("priceVnd", 15000.5))).body("errors.field", contains("priceVnd"));
    }

    @Test
    void unknownUnit() {
        post(valid(Map.of("unit", "tấn")))
                .body("errors.field", contains("unit"))
                .body("errors[0].message", containsString("unknown unit 'tấn'"));
    }

    @Test
    void hundredKilobyteName() {
        post(valid(Map.of("name", "B".repeat(100 * 1024))))
                .body("errors.field", contains("name"))
                .body("errors[0].message", containsString("size must be between"));
    }

    @Test
    void wrongTypes() {
        post(valid(Map.of("priceVnd", "mười lăm nghìn"))).body("errors.field", contains("priceVnd"))
                .body("errors[0].message", is("must be a whole number"));
        post(valid(Map.of("priceVnd", "15000"))).body("errors.field", contains("priceVnd"));
        post(valid(Map.of("cooperativeId", Map.of("id", 1)))).body("errors.field", contains("cooperativeId"));
        post(valid(Map.of("name", 12345))).body("errors.field", contains("name"));
        post(valid(Map.of("imageUrls", "https://cdn.example.vn/a.jpg"))).body("errors.field", contains("imageUrls"));
        post("[1, 2, 3]").body("errors.field", contains("$"));
    }

    @Test
    void ocopStarsAndImageUrls() {
        post(valid(Map.of("ocopStars", 6, "imageUrls", java.util.List.of("https://ok.vn/a.jpg", "javascript:alert(1)"))))
                .body("errors.field", contains("imageUrls[1]", "ocopStars"));
    }

    @Test
    void wrongMediaType() {
        given().contentType(ContentType.TEXT).body("name=Bánh gio").post("/products")
                .then().statusCode(415).contentType("application/problem+json");
        assertThat(db.number("SELECT COUNT(*) FROM product")).isEqualTo(productsBefore);
    }

    @Test
    void invalidPhoneOfACooperative() {
        Callers.as(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "HTX Số sai", "phone", "01234567890"))
                .post("/cooperatives").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("phone"));
    }

    private static String toJson(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
