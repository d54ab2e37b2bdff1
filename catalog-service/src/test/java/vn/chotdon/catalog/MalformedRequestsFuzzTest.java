package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;
import vn.chotdon.testing.fuzz.FuzzCampaign;
import vn.chotdon.testing.fuzz.FuzzReport;

/**
 * Bad input never gives a 5xx: malformed requests generated from catalog-service's own OpenAPI
 * document, for every operation, against data that exists (a cooperative, a member, products in
 * stock, a session's reservation), each answered with a 4xx problem+json or a success.
 */
@QuarkusTest
class MalformedRequestsFuzzTest {

    private static final Logger LOG = Logger.getLogger(MalformedRequestsFuzzTest.class);
    private static final long SESSION = 9_100_001L;

    @TestHTTPResource("/")
    URI base;

    @Test
    void noMalformedRequestGetsAServerError() {
        long home = CatalogApi.cooperative("HTX Thử dữ liệu lạ");
        long member = CatalogApi.member(home, "Hộ bà Thử");
        long draft = CatalogApi.product(home, "Bánh gio nháp");
        long inStock = CatalogApi.productInStock(home, "Bánh gio Thanh Huệ", 1_000);
        Callers.as(TestTokens.service()).contentType(ContentType.JSON).body(Map.of("quantity", 10))
                .put("/products/" + inStock + "/reservations/" + SESSION).then().statusCode(200);

        FuzzReport report = FuzzCampaign.against(base, given().get("/q/openapi?format=json").asString())
                .known("id", home, inStock, draft)
                .known("productId", inStock, draft)
                .known("memberId", member)
                .known("sessionId", SESSION)
                .known("cooperativeId", home)
                .caller("admin", TestTokens.admin())
                .caller("owner", TestTokens.owner(home))
                .caller("staff", TestTokens.staff(home))
                .caller("service", TestTokens.service())
                .requests(3_400)
                .run();

        LOG.info("catalog-service fuzz: " + report.summary());
        report.writeTo(Path.of("target", "fuzz", "catalog-service.txt"));
        report.assertNoFailures();
    }
}
