package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/** The platform's protocol answers as order-service gives them: nested unknown fields named, the CSV only as CSV. */
@QuarkusTest
class ProtocolAnswersTest {

    Db db = Db.ofApplication();

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void unknownFieldsAnywhereInAnOrderAreNamedWhereTheyAre() {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 600, null);
        Map<String, Object> body = new HashMap<>(sale.order("BG01", 2, "0912345678"));
        body.put("items", List.of(Map.of("code", "BG01", "quantitty", 2)));
        // In this order: an unknown field before the last known one of its object loses the
        // object's name (see StrictBodiesTest), and Map.of would send the fields in any order.
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("province", "Hà Nội");
        address.put("commune", "Xã Đan Phượng");
        address.put("detail", "Thôn Thượng Thôn");
        address.put("ward", "Phường 1");
        body.put("address", address);
        body.put("voucher", "TET2026");

        given().contentType(ContentType.JSON).body(body).post("/orders").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/validation"))
                .body("detail", is("3 fields are invalid"))
                .body("errors.field", contains("address.ward", "items[0].quantitty", "voucher"));
        long orders = db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId);

        given().contentType(ContentType.JSON).body(sale.order("BG01", 2, "0912345678")).post("/orders")
                .then().statusCode(201).body("order.lines[0].quantity", is(2));
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(orders + 1);
    }

    @Test
    void theShippingListIsOnlyCsv() {
        LiveSale sale = new LiveSale().open();
        Callers.actAs(TestTokens.owner(LiveSale.COOPERATIVE));
        given().accept("application/json").get("/sessions/" + sale.sessionId + "/orders.csv").then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/not-acceptable"))
                .body("detail", is("This operation produces text/csv; the Accept header asks for 'application/json'"));
        given().accept("text/csv").get("/sessions/" + sale.sessionId + "/orders.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8");
    }
}
