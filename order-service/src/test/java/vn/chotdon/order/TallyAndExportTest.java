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

    /**
     * countedRevenueVnd is what settlement shares among member households: orders paid (a transfer,
     * or cash at delivery) that were neither cancelled nor returned.
     */
    @Test
    void returnsStaySoldButTheirMoneyIsNotCounted() {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 600, null);
        long codDelivered = place(sale, "BG01", 2, "0912000011", "COD", "A");
        given().post("/orders/" + codDelivered + "/confirm").then().statusCode(200);
        given().post("/orders/" + codDelivered + "/ship").then().statusCode(200);
        given().post("/orders/" + codDelivered + "/deliver").then().statusCode(200);
        long paid = place(sale, "BG01", 3, "0912000012", "BANK_TRANSFER", "B");
        given().post("/orders/" + paid + "/pay").then().statusCode(200);
        long paidReturned = place(sale, "BG01", 4, "0912000013", "BANK_TRANSFER", "C");
        given().post("/orders/" + paidReturned + "/pay").then().statusCode(200);
        given().post("/orders/" + paidReturned + "/ship").then().statusCode(200);
        given().post("/orders/" + paidReturned + "/return").then().statusCode(200);
        long refusedAtTheDoor = place(sale, "BG01", 5, "0912000014", "COD", "D");
        given().post("/orders/" + refusedAtTheDoor + "/confirm").then().statusCode(200);
        given().post("/orders/" + refusedAtTheDoor + "/ship").then().statusCode(200);
        given().post("/orders/" + refusedAtTheDoor + "/return").then().statusCode(200);
        long paidCancelled = place(sale, "BG01", 6, "0912000015", "BANK_TRANSFER", "E");
        given().post("/orders/" + paidCancelled + "/pay").then().statusCode(200);
        given().post("/orders/" + paidCancelled + "/cancel").then().statusCode(200);
        long confirmedUnpaid = place(sale, "BG01", 7, "0912000016", "COD", "F");
        given().post("/orders/" + confirmedUnpaid + "/confirm").then().statusCode(200);

        JsonPath tally = given().get("/sessions/" + sale.sessionId + "/tally").then().statusCode(200)
                .body("ordersByStatus.RETURNED", is(2))
                .body("ordersByStatus.DELIVERED", is(1))
                .body("totals.orders", is(6))
                .extract().jsonPath();
        // Sold: 2 + 3 + 4 + 5 + 7 = 21, of which 9 came back; paid: 2 + 3 + 4; counted: (2 + 3) × 15,000.
        assertThat(tally.getMap("items[0]")).containsEntry("confirmed", 21).containsEntry("returned", 9)
                .containsEntry("paid", 9).containsEntry("cancelled", 6).containsEntry("remaining", 579)
                .containsEntry("countedRevenueVnd", 75000);
        assertThat(tally.getMap("totals")).containsEntry("confirmed", 21).containsEntry("returned", 9)
                .containsEntry("revenueVnd", 315000).containsEntry("paidVnd", 135000)
                .containsEntry("countedRevenueVnd", 75000);
        assertThat(tally.getMap("ordersByStatus")).containsOnlyKeys("PLACED", "CONFIRMED", "PAID", "SHIPPED",
                "DELIVERED", "RETURNED", "CANCELLED", "EXPIRED");

        // Returned orders are not on the shipping list.
        String csv = given().get("/sessions/" + sale.sessionId + "/orders.csv").then().statusCode(200).extract().asString();
        assertThat(csv.lines().skip(1)).hasSize(3).noneMatch(row -> row.endsWith(",RETURNED"));
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
        assertThat(rows.get(1)).as("the phone's cell is the number, with no apostrophe for the courier's importer")
                .contains("Đan Phượng\",+84912000001,");
        assertThat(rows.get(1)).contains("\"Nguyễn Văn \"\"Tèo\"\", Đan Phượng\"",
                "\"Thôn Thượng Thôn, số 12, Xã Đan Phượng, Hà Nội\"", "BG01 Bánh gio x2", ",30000,PLACED");
        assertThat(rows.get(2)).contains("\"'=HYPERLINK(\"\"x\"\")\"", ",0,PAID");
        assertThat(cod).isPositive();
    }
}
