package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;

@QuarkusTest
class StaffListingTest {

    @BeforeEach
    void actAsStaff() {
        Callers.actAs(TestTokens.staff(LiveSale.COOPERATIVE));
    }

    @Test
    void staffFilterOrdersBySessionStatusAndPhonePageByPage() {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 600, null);
        long[] ids = new long[5];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = given().contentType(ContentType.JSON)
                    .body(sale.order("BG01", 1, i < 3 ? "0912 345 678" : "0987 000 00" + i)).post("/orders")
                    .then().statusCode(201).extract().jsonPath().getLong("order.id");
        }
        given().post("/orders/" + ids[0] + "/confirm").then().statusCode(200);

        given().queryParam("sessionId", sale.sessionId).queryParam("size", 2).get("/orders")
                .then().statusCode(200)
                .body("totalItems", is(5)).body("totalPages", is(3)).body("items.size()", is(2))
                .body("items.id", contains((int) ids[0], (int) ids[1]));
        given().queryParam("sessionId", sale.sessionId).queryParam("size", 2).queryParam("page", 2).get("/orders")
                .then().body("items.id", contains((int) ids[4]));
        given().queryParam("sessionId", sale.sessionId).queryParam("status", "CONFIRMED").get("/orders")
                .then().body("totalItems", is(1)).body("items[0].id", is((int) ids[0]));
        Callers.as(TestTokens.owner(sale.cooperativeId)).queryParam("sessionId", sale.sessionId)
                .queryParam("phone", "+84912345678").get("/orders")
                .then().body("totalItems", is(3)).body("items.phone", everyItem(is("+84912345678")))
                .body("items.address.detail", everyItem(is("Thôn Thượng Thôn, số 12")));
        // Staff handle the orders but do not ship them: the phone masked, no street or house.
        given().queryParam("sessionId", sale.sessionId).queryParam("phone", "+84912345678").get("/orders")
                .then().body("totalItems", is(3)).body("items.phone", everyItem(is("0912***678")))
                .body("items.address.detail", everyItem(nullValue()))
                .body("items.address.commune", everyItem(is("Xã Đan Phượng")));
        given().get("/orders/" + ids[0]).then().statusCode(200).body("phone", is("0912***678"));
        given().queryParam("sessionId", sale.sessionId).queryParam("phone", "84912345678")
                .queryParam("status", "PLACED").get("/orders")
                .then().body("totalItems", is(2));
        given().queryParam("phone", "123").get("/orders")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("phone"));
        given().queryParam("status", "LOST").get("/orders").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("PLACED"));
        given().queryParam("sessionId", sale.sessionId).queryParam("status", "confirmed").get("/orders")
                .then().body("totalItems", is(1));
        given().get("/orders/" + ids[2]).then().statusCode(200).body("lines[0].code", is("BG01"));
    }
}
