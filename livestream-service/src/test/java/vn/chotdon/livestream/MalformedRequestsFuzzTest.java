package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;
import vn.chotdon.testing.fuzz.FuzzCampaign;
import vn.chotdon.testing.fuzz.FuzzReport;

/**
 * Bad input never gives a 5xx: malformed requests generated from livestream-service's own
 * OpenAPI document, for every operation but the board's never-ending event stream, against a
 * planned session, a live one and their lineup items.
 */
@QuarkusTest
class MalformedRequestsFuzzTest {

    private static final Logger LOG = Logger.getLogger(MalformedRequestsFuzzTest.class);

    @CatalogStub.Server
    WireMockServer catalog;

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void noMalformedRequestGetsAServerError() {
        long home = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(home));
        long product = LivestreamApi.product(catalog, home);
        long other = LivestreamApi.product(catalog, home);
        long planned = LivestreamApi.session(home);
        long plannedItem = item(planned, "BG01", product);
        long live = LivestreamApi.session(home);
        long liveItem = item(live, "GIO02", other);
        LivestreamApi.start(live);
        Callers.anonymous();

        FuzzReport report = FuzzCampaign.against(base, given().get("/q/openapi?format=json").asString())
                .skip(op -> op.pathTemplate().endsWith("/stream"))
                .known("id", planned, live)
                .known("sessionId", planned, live)
                .known("itemId", plannedItem, liveItem)
                .known("productId", product, other)
                .known("code", "BG01", "GIO02")
                .known("cooperativeId", home)
                .caller("admin", TestTokens.admin())
                .caller("owner", TestTokens.owner(home))
                .caller("staff", TestTokens.staff(home))
                .caller("service", TestTokens.service())
                .requests(3_400)
                .run();

        LOG.info("livestream-service fuzz: " + report.summary());
        report.writeTo(Path.of("target", "fuzz", "livestream-service.txt"));
        report.assertNoFailures();
    }

    /** An item on the lineup, asked again while the first calls to catalog-service time out on a loaded machine. */
    private static long item(long session, String code, long product) {
        AtomicLong id = new AtomicLong();
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            Response answer = given().contentType(ContentType.JSON).body(LivestreamApi.itemBody(code, product, 100))
                    .post("/sessions/" + session + "/lineup");
            if (answer.statusCode() == 201) {
                id.set(answer.jsonPath().getLong("id"));
            }
            return answer.statusCode() == 201;
        });
        return id.get();
    }
}
