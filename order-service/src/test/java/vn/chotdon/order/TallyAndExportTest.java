package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;

@QuarkusTest
class TallyAndExportTest {

    /** The tally (revenue) and the shipping list (phones, addresses) are the owner's. */
    @BeforeEach
    void actAsTheOwner() {
        Callers.actAs(TestTokens.owner(LiveSale.COOPERATIVE));
    }

    private static long place(LiveSale sale, String code, int quantity, String phone, String payment, String name) {
        Map<String, Object> body = new HashMap<>(sale.order(code, quantity, phone));
        body.put("paymentMethod", payment);
        body.put("buyerName", name);
        return given().contentType(ContentType.JSON).body(body).post("/orders")
                .then().statusCode(201).extract().jsonPath().getLong("order.id");
    }

    @Test
    void tallyCountsUnitsMoneyAndOrdersByStatus() {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 600, null);
        sale.item("BC01", "Bánh chưng", 60000, 100, null);

        long held = place(sale, "BG01", 4, "0912000001", "COD", "A");
        long confirmed = place(sale, "BG01", 10, "0912000002", "COD", "B");
        given().post("/orders/" + confirmed + "/confirm").then().statusCode(200);
        long paid = place(sale, "BG01", 6, "0912000003", "BANK_TRANSFER", "C");
        given().post("/orders/" + paid + "/pay").then().statusCode(200);
        long cancelled = place(sale, "BC01", 5, "0912000004", "COD", "D");
        given().post("/orders/" + cancelled + "/cancel").then().statusCode(200);
        place(sale, "BC01", 1, "0912000005", "COD", "E");

        JsonPath tally = given().get("/sessions/" + sale.sessionId + "/tally").then().statusCode(200)
                .body("sessionStatus", is("LIVE"))
                .body("ordersByStatus.PLACED", is(2))
                .body("ordersByStatus.CONFIRMED", is(1))
                .body("ordersByStatus.PAID", is(1))
                .body("ordersByStatus.CANCELLED", is(1))
                .body("ordersByStatus.EXPIRED", is(0))
                .body("totals.orders", is(5))
                .extract().jsonPath();
        assertThat(tally.getMap("items[0]")).containsEntry("code", "BG01").containsEntry("quota", 600)
                .containsEntry("held", 4).containsEntry("confirmed", 16).containsEntry("paid", 6)
                .containsEntry("cancelled", 0).containsEntry("remaining", 580)
                .containsEntry("revenueVnd", 240000).containsEntry("heldVnd", 60000);
        assertThat(tally.getMap("items[1]")).containsEntry("code", "BC01").containsEntry("held", 1)
                .containsEntry("cancelled", 5).containsEntry("remaining", 99).containsEntry("revenueVnd", 0);
        assertThat(tally.getMap("totals")).containsEntry("held", 5).containsEntry("confirmed", 16)
                .containsEntry("cancelled", 5).containsEntry("revenueVnd", 240000).containsEntry("paidVnd", 90000);
        given().get("/sessions/" + sale.sessionId + "/orderable").then().body("items[0].remaining", is(580));
        given().get("/sessions/987654321/tally").then().statusCode(404).contentType("application/problem+json");
        assertThat(held).isPositive();
    }

    @Test
    void shippingListIsACsvThatSpreadsheetsOpenSafely() {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 600, null);
        long cod = place(sale, "BG01", 2, "0912000001", "COD", "Nguyễn Văn \"Tèo\", Đan Phượng");
        long bank = place(sale, "BG01", 1, "0912000002", "BANK_TRANSFER", "=HYPERLINK(\"x\")");
        given().post("/orders/" + bank + "/pay").then().statusCode(200);
        long gone = place(sale, "BG01", 1, "0912000003", "COD", "Huỷ");
        given().post("/orders/" + gone + "/cancel").then().statusCode(200);

        byte[] bytes = given().get("/sessions/" + sale.sessionId + "/orders.csv").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asByteArray();
        String csv = new String(bytes, StandardCharsets.UTF_8);
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo("\uFEFFcode,name,phone,address,items,cod_amount_vnd,status");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains("\"Nguyễn Văn \"\"Tèo\"\", Đan Phượng\"", "+84912000001",
                "\"Thôn Thượng Thôn, số 12, Xã Đan Phượng, Hà Nội\"", "BG01 Bánh gio x2", ",30000,PLACED");
        assertThat(rows.get(2)).contains("\"'=HYPERLINK(\"\"x\"\")\"", ",0,PAID");
        assertThat(cod).isPositive();
    }
}
