package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;

/** Bad input gets a clear 4xx problem+json, never a 5xx, and writes nothing. */
@QuarkusTest
class OrderValidationTest {

    private static LiveSale sale;

    Db db = Db.ofApplication();
    long ordersBefore;
    long outboxBefore;

    @BeforeEach
    void openSaleAndCount() {
        Callers.anonymous();
        if (sale == null) {
            sale = new LiveSale().open();
            sale.item("BG01", "Bánh gio", 15000, 1000, null);
        }
        ordersBefore = db.number("SELECT COUNT(*) FROM orders");
        outboxBefore = db.number("SELECT COUNT(*) FROM outbox_event");
    }

    private Map<String, Object> order(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(sale.order("BG01", 1, "0912345678"));
        body.putAll(overrides);
        return body;
    }

    private ValidatableResponse refused(Object body, int status) {
        ValidatableResponse response = given().contentType(ContentType.JSON).body(body).post("/orders").then()
                .statusCode(status).contentType("application/problem+json");
        assertThat(db.number("SELECT COUNT(*) FROM orders")).as("orders written").isEqualTo(ordersBefore);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event")).as("events written").isEqualTo(outboxBefore);
        return response;
    }

    @ParameterizedTest
    @CsvSource({ "0912 345 678, +84912345678", "+84912345678, +84912345678", "84912345678, +84912345678",
            "091.234.5678, +84912345678" })
    void acceptsPhonesAsBuyersTypeThemAndStoresThemNormalised(String typed, String stored) {
        given().contentType(ContentType.JSON).body(order(Map.of("phone", typed))).post("/orders")
                .then().statusCode(201).body("order.phone", is(stored));
    }

    @ParameterizedTest
    @ValueSource(strings = { "123", "01234567890", "phone", "+1 202 555 0100" })
    void refusesWhatIsNotAVietnamesePhone(String phone) {
        refused(order(Map.of("phone", phone)), 400)
                .body("errors.field", contains("phone"))
                .body("errors[0].message", containsString("Vietnamese phone number"));
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, -1, 1_000_000_000L })
    void refusesQuantitiesOutOfRange(long quantity) {
        refused(order(Map.of("items", List.of(Map.of("code", "BG01", "quantity", quantity)))), 400)
                .body("errors.field", contains("items[0].quantity"));
    }

    @Test
    void refusesCodesNotOnTheLineup() {
        refused(order(Map.of("items", List.of(Map.of("code", "BG01", "quantity", 1), Map.of("code", "ZZ99", "quantity", 1)))), 422)
                .body("type", is("https://chotdon.vn/problems/unknown-item"))
                .body("errors.field", contains("items[1].code"));
        refused(order(Map.of("items", List.of(Map.of("itemId", 1, "quantity", 1)))), 422)
                .body("errors.field", contains("items[0].itemId"));
        refused(order(Map.of("items", List.of(Map.of("quantity", 1)))), 400)
                .body("errors.field", contains("items[0]"));
        refused(order(Map.of("items", List.of())), 400).body("errors.field", contains("items"));
    }

    @Test
    void refusesMissingFieldsAllAtOnce() {
        refused(Map.of(), 400).body("errors.field",
                contains("address", "buyerName", "items", "paymentMethod", "phone", "sessionId"));
        refused(order(Map.of("address", Map.of("province", "Tỉnh Không Có", "commune", "", "detail", "x"))), 400)
                .body("errors.field", contains("address.commune", "address.province"));
        refused(order(Map.of("paymentMethod", "CREDIT_CARD")), 400).body("errors.field", contains("paymentMethod"));
    }

    @Test
    void refusesWrongTypesAndMalformedJson() {
        refused(order(Map.of("sessionId", "năm")), 400).body("errors.field", contains("sessionId"));
        refused(order(Map.of("items", List.of(Map.of("code", "BG01", "quantity", 1.5)))), 400)
                .body("errors.field", contains("items[0].quantity"));
        refused("{\"sessionId\": 1, ", 400).body("type", is("https://chotdon.vn/problems/malformed-json"));
    }

    @Test
    void refusesHugeBodies() {
        refused(order(Map.of("note", "x".repeat(100_000))), 400).body("errors.field", contains("note"));
        refused(order(Map.of("buyerName", "Nguyễn ".repeat(20_000))), 400).body("errors.field", contains("buyerName"));
        given().contentType(ContentType.JSON).body(order(Map.of("note", "x".repeat(400_000)))).post("/orders")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/body-too-large"));
        assertThat(db.number("SELECT COUNT(*) FROM orders")).isEqualTo(ordersBefore);
    }

    @Test
    void refusesABadIdempotencyKey() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(101)).body(order(Map.of()))
                .post("/orders").then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Idempotency-Key", "khóa có dấu").body(order(Map.of()))
                .post("/orders").then().statusCode(400);
        assertThat(db.number("SELECT COUNT(*) FROM orders")).isEqualTo(ordersBefore);
    }
}
