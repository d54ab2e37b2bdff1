package vn.chotdon.order;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.TestTokens;
import vn.chotdon.testing.fuzz.FuzzCampaign;
import vn.chotdon.testing.fuzz.FuzzReport;

/**
 * Bad input never gives a 5xx: malformed requests generated from order-service's own OpenAPI
 * document, for every operation, against a live sale with items and an order placed in it (its
 * code and buyer token are known values, so buyer requests reach the order).
 */
@QuarkusTest
class MalformedRequestsFuzzTest {

    private static final Logger LOG = Logger.getLogger(MalformedRequestsFuzzTest.class);

    @TestHTTPResource("/")
    URI base;

    @Test
    void noMalformedRequestGetsAServerError() {
        LiveSale sale = new LiveSale().open();
        long cake = sale.item("BG01", "Bánh gio Thanh Huệ", 15_000, 100_000, null);
        long honey = sale.item("MO01", "Mật ong bạc hà", 200_000, 100_000, 50);
        JsonPath placed = given().contentType(ContentType.JSON).body(sale.order("BG01", 2, "0912 345 678"))
                .post("/orders").then().statusCode(201).extract().jsonPath();

        FuzzReport report = FuzzCampaign.against(base, given().get("/q/openapi?format=json").asString())
                .known("id", placed.getLong("order.id"))
                .known("sessionId", sale.sessionId)
                .known("itemId", cake, honey)
                .known("code", "BG01", placed.getString("order.code"), "MO01")
                .known("X-Order-Token", placed.getString("accessToken"))
                .known("phone", "0912 345 678")
                .known("cooperativeId", sale.cooperativeId)
                .caller("admin", TestTokens.admin())
                .caller("owner", TestTokens.owner(sale.cooperativeId))
                .caller("staff", TestTokens.staff(sale.cooperativeId))
                .caller("service", TestTokens.service())
                .requests(3_400)
                .run();

        LOG.info("order-service fuzz: " + report.summary());
        report.writeTo(Path.of("target", "fuzz", "order-service.txt"));
        report.assertNoFailures();
    }
}
