package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;

@QuarkusTest
class OrderPlacementTest {

    Db db = Db.ofApplication();

    /** Buyers do not sign in: placing, reading and the session's offer are all public. */
    @BeforeEach
    void asABuyer() {
        Callers.anonymous();
    }

    @Test
    void placesAnOrderAtTheLivePriceAndHoldsItsUnits() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio Thanh Huệ", 15000, 600, null);

        JsonPath receipt = given().contentType(ContentType.JSON)
                .body(Map.of("sessionId", sale.sessionId,
                        "items", List.of(Map.of("code", "bg01", "quantity", 2), Map.of("itemId", itemId, "quantity", 1)),
                        "buyerName", "Nguyễn Thị Huệ", "phone", "0912 345 678",
                        "address", Map.of("province", "Bắc Giang", "commune", "Phường Đa Mai", "detail", "Số 5 ngõ 3"),
                        "paymentMethod", "BANK_TRANSFER"))
                .post("/orders")
                .then().statusCode(201)
                .body("order.status", is("PLACED"))
                .body("order.code", hasLength(8))
                .body("order.phone", is("+84912345678"))
                .body("order.address.province", is("Bắc Ninh"))
                .body("order.lines.size()", is(1))
                .body("order.lines[0].quantity", is(3))
                .body("order.lines[0].unitPriceVnd", is(15000))
                .body("order.totalVnd", is(45000))
                .body("order.holdExpiresAt", notNullValue())
                .body("accessToken", notNullValue())
                .extract().jsonPath();

        long orderId = receipt.getLong("order.id");
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(3);
        assertThat(db.text("SELECT buyer_name FROM orders WHERE id = ?", orderId)).isEqualTo("Nguyễn Thị Huệ");
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'vn.chotdon.order.placed'"
                + " AND message_key = ?", String.valueOf(sale.sessionId))).isEqualTo(1);

        String code = receipt.getString("order.code");
        given().header("X-Order-Token", receipt.getString("accessToken")).get("/buyer/orders/" + code)
                .then().statusCode(200).body("id", is((int) orderId));
        given().header("X-Order-Token", "not-the-token").get("/buyer/orders/" + code)
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/buyer/orders/" + code).then().statusCode(404);
    }

    @Test
    void aNewLivePriceAppliesToOrdersPlacedAfterIt() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("MO01", "Mật ong bạc hà", 200000, 10, null);
        given().contentType(ContentType.JSON).body(sale.order("MO01", 1, "0987654321")).post("/orders")
                .then().statusCode(201).body("order.totalVnd", is(200000));

        sale.changeItem(itemId, 180000, 20);

        given().contentType(ContentType.JSON).body(sale.order("MO01", 1, "0987654321")).post("/orders")
                .then().statusCode(201).body("order.totalVnd", is(180000));
        given().get("/sessions/" + sale.sessionId + "/orderable").then().body("items[0].quota", is(20)).body("items[0].remaining", is(18));
    }

    @Test
    void ordersAreRefusedWhenTheSessionIsNotLive() {
        LiveSale sale = new LiveSale().open();
        sale.item("GN01", "Gạo nếp cái hoa vàng", 45000, 50, null);
        sale.end();

        given().contentType(ContentType.JSON).body(sale.order("GN01", 1, "0912345678")).post("/orders")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/session-not-live"))
                .body("currentStatus", is("ENDED"));
        given().contentType(ContentType.JSON).body(Map.of("sessionId", 9_000_000_000_000_000L, "items", List.of(Map.of("code", "X", "quantity", 1)),
                "buyerName", "A", "phone", "0912345678", "paymentMethod", "COD",
                "address", Map.of("province", "Hà Nội", "commune", "Xã A", "detail", "B")))
                .post("/orders").then().statusCode(404).body("type", is("https://chotdon.vn/problems/not-found"));
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isZero();
    }

    @Test
    void cashOnDeliveryIsConfirmedAtOnceWhenTheCooperativeChoosesSo() {
        LiveSale sale = new LiveSale().autoConfirmCod().open();
        sale.item("BC01", "Bánh chưng", 50000, 10, null);
        given().contentType(ContentType.JSON).body(sale.order("BC01", 1, "0912345678")).post("/orders")
                .then().statusCode(201).body("order.status", is("CONFIRMED")).body("order.confirmedAt", notNullValue());
    }
}
