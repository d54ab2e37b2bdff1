package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

@QuarkusTest
class StockResourceTest {

    Db db = Db.ofApplication();

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void receiptsAndAdjustmentsGoThroughTheLedger() {
        long coop = CatalogApi.cooperative("HTX Kho hàng");
        long id = CatalogApi.productInStock(coop, "Gạo ST25", 100);
        Callers.actAs(TestTokens.staff(coop));

        given().contentType(ContentType.JSON).body(Map.of("delta", -12, "reason", "Bao rách do chuột"))
                .post("/products/" + id + "/stock/adjustments")
                .then().statusCode(201)
                .body("kind", is("ADJUSTMENT")).body("availableAfter", is(88)).body("reason", is("Bao rách do chuột"));
        given().contentType(ContentType.JSON).body(Map.of("delta", -89, "reason", "Kiểm kê"))
                .post("/products/" + id + "/stock/adjustments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/insufficient-stock"))
                .body("available", is(88));
        given().contentType(ContentType.JSON).body(Map.of("delta", 0, "reason", "Không đổi"))
                .post("/products/" + id + "/stock/adjustments")
                .then().statusCode(400).body("errors.field", contains("delta"));
        given().contentType(ContentType.JSON).body(Map.of("delta", 5))
                .post("/products/" + id + "/stock/adjustments")
                .then().statusCode(400).body("errors.field", contains("reason"));
        given().contentType(ContentType.JSON).body(Map.of("quantity", 0))
                .post("/products/" + id + "/stock/receipts")
                .then().statusCode(400).body("errors.field", contains("quantity"));

        given().contentType(ContentType.JSON).body(Map.of("quantity", 8, "note", "Bán ở chợ phiên"))
                .post("/products/" + id + "/stock/sales")
                .then().statusCode(201).body("kind", is("SALE")).body("availableDelta", is(-8));
        given().contentType(ContentType.JSON).body(Map.of("quantity", 81))
                .post("/products/" + id + "/stock/sales")
                .then().statusCode(409).body("available", is(80)).body("requested", is(81));

        given().get("/products/" + id + "/stock").then().statusCode(200)
                .body("available", is(80)).body("reserved", is(0)).body("onHand", is(80));
        given().get("/products/" + id + "/stock/ledger").then().statusCode(200)
                .body("totalItems", is(3))
                .body("items.kind", contains("SALE", "ADJUSTMENT", "RECEIPT"));
        assertThat(db.number("SELECT SUM(available_delta) FROM stock_ledger_entry WHERE product_id = ?", id))
                .isEqualTo(db.number("SELECT available FROM product_stock WHERE product_id = ?", id));
    }

    @Test
    void reservationIsIdempotentChangeableAndReleasable() {
        long coop = CatalogApi.cooperative("HTX Đặt trước");
        long id = CatalogApi.productInStock(coop, "Bánh gio", 1000);
        long session = 501;
        // Reservations are livestream-service's to set, with its service token.
        Callers.actAs(TestTokens.service());

        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Map.of("quantity", 600))
                    .put("/products/" + id + "/reservations/" + session)
                    .then().statusCode(200)
                    .body("quantity", is(600))
                    .body("productStock.available", is(400))
                    .body("productStock.reserved", is(600));
        }
        assertThat(db.number("SELECT COUNT(*) FROM stock_ledger_entry WHERE product_id = ? AND kind = 'RESERVATION'", id))
                .as("repeating a reservation changes nothing").isEqualTo(1);

        given().contentType(ContentType.JSON).body(Map.of("quantity", 700))
                .put("/products/" + id + "/reservations/" + session)
                .then().statusCode(200).body("productStock.available", is(300));
        given().contentType(ContentType.JSON).body(Map.of("quantity", 1001))
                .put("/products/" + id + "/reservations/" + session)
                .then().statusCode(409)
                .body("type", is("https://chotdon.vn/problems/insufficient-stock"))
                .body("available", is(300))
                .body("requested", is(301));
        given().contentType(ContentType.JSON).body(Map.of("quantity", 650))
                .put("/products/" + id + "/reservations/" + session)
                .then().statusCode(200).body("productStock.available", is(350));
        given().get("/products/" + id + "/reservations/" + session).then().statusCode(200).body("quantity", is(650));

        given().delete("/products/" + id + "/reservations/" + session)
                .then().statusCode(200).body("quantity", is(0)).body("productStock.available", is(1000));
        given().delete("/products/" + id + "/reservations/" + session)
                .then().statusCode(200).body("quantity", is(0)).body("productStock.available", is(1000));

        assertThat(db.number("SELECT COUNT(*) FROM stock_ledger_entry WHERE product_id = ?", id)).isEqualTo(5);
        assertThat(db.number("SELECT SUM(available_delta) FROM stock_ledger_entry WHERE product_id = ?", id)).isEqualTo(1000);
        assertThat(db.number("SELECT SUM(reserved_delta) FROM stock_ledger_entry WHERE product_id = ?", id)).isZero();
    }

    @Test
    void onlyActiveProductsCanBeReserved() {
        long coop = CatalogApi.cooperative("HTX Nháp");
        long draft = CatalogApi.product(coop, "Mật ong bạc hà");
        Callers.actAs(TestTokens.service());
        given().contentType(ContentType.JSON).body(Map.of("quantity", 1))
                .put("/products/" + draft + "/reservations/7")
                .then().statusCode(409)
                .body("type", is("https://chotdon.vn/problems/product-not-active"))
                .body("currentStatus", is("DRAFT"));
        given().contentType(ContentType.JSON).body(Map.of("quantity", 1))
                .put("/products/999999999/reservations/7")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("quantity", -1))
                .put("/products/" + draft + "/reservations/7")
                .then().statusCode(400).body("errors.field", contains("quantity"));
        assertThat(db.number("SELECT COUNT(*) FROM session_reservation WHERE product_id = ?", draft)).isZero();
    }
}
