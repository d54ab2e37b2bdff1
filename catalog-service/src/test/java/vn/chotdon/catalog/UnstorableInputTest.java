package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/**
 * Input that passed validation and then failed in the database (a 500) before issue 9: text
 * that grows when it is normalised or folded for search, control characters and unpaired
 * surrogates, a key given twice, a page number whose offset overflows an int. Each is now a 400
 * problem that names the field, and writes nothing.
 */
@QuarkusTest
class UnstorableInputTest {

    Db db = Db.ofApplication();
    long coop;
    long productsBefore;

    @BeforeEach
    void signIn() {
        coop = CatalogApi.cooperative("HTX Dữ liệu khó lưu");
        Callers.actAs(TestTokens.staff(coop));
        productsBefore = db.number("SELECT COUNT(*) FROM product");
    }

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    private ValidatableResponse refused(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(CatalogApi.productBody(coop, "Bánh gio"));
        body.putAll(overrides);
        ValidatableResponse answer = given().contentType(ContentType.JSON).body(body).post("/products").then()
                .statusCode(400).contentType("application/problem+json");
        assertThat(db.number("SELECT COUNT(*) FROM product")).as("products written").isEqualTo(productsBefore);
        return answer;
    }

    @Test
    void aNameWhoseSearchFormOutgrowsItsColumn() {
        // 200 Hangul syllables fit name VARCHAR(200); folded for search they are 600 jamo.
        refused(Map.of("name", "한".repeat(200)))
                .body("errors.field", contains("name"))
                .body("errors[0].message", containsString("search form"));
    }

    @Test
    void aCommuneThatGrowsUnderNfc() {
        // U+FB2C is one char as typed and three code points once composed: 300 > 100.
        refused(Map.of("originCommune", "\uFB2C".repeat(100))).body("errors.field", contains("originCommune"));
    }

    @Test
    void controlCharactersAndUnpairedSurrogates() {
        refused(Map.of("name", "Bánh\u0000gio")).body("errors.field", contains("name"));
        given().contentType(ContentType.JSON)
                .body("{\"cooperativeId\": " + coop + ", \"name\": \"Bánh \\ud800 gio\", \"unit\": \"CAI\", \"priceVnd\": 1}")
                .post("/products").then().statusCode(400).body("errors.field", contains("name"))
                .body("errors[0].message", containsString("unpaired surrogate"));
        given().contentType(ContentType.JSON).body(Map.of("quantity", 1, "note", "Mẻ 1\nMẻ 2"))
                .post("/products/" + CatalogApi.productInStock(coop, "Bánh chưng", 1) + "/stock/receipts")
                .then().statusCode(201);
    }

    @Test
    void aKeyGivenTwice() {
        given().contentType(ContentType.JSON)
                .body("{\"cooperativeId\": " + coop + ", \"name\": \"Bánh gio\", \"name\": \"Bánh chưng\","
                        + " \"unit\": \"CAI\", \"priceVnd\": 15000}")
                .post("/products").then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/malformed-json"))
                .body("detail", containsString("Duplicate field 'name'"));
    }

    @Test
    void aPageWhoseOffsetWouldOverflow() {
        given().queryParam("page", PageParams.MAX_PAGE + 1).queryParam("size", 100).get("/products")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("page"));
        given().queryParam("page", PageParams.MAX_PAGE).queryParam("size", 100).get("/products")
                .then().statusCode(200).body("items", empty()).body("page", is(PageParams.MAX_PAGE));
    }
}
