package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.Topics;
import vn.chotdon.platform.consumer.EventSubscriptions;
import vn.chotdon.platform.consumer.Subscription;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.ParkedEventRows;
import vn.chotdon.testing.TestTokens;
import vn.chotdon.testing.fuzz.FuzzCampaign;
import vn.chotdon.testing.fuzz.FuzzReport;
import vn.chotdon.testing.fuzz.ParkedOutboxRows;

/**
 * livestream-service keeps its OpenAPI document: requests generated from the document for every
 * operation but the board's never-ending event stream (valid ones, ones that break one
 * constraint, malformed ones), against planned and live sessions with lineup items, products
 * catalog-service (stubbed) knows, and parked events, get no 5xx and no answer the document does
 * not describe; every operation succeeds at least once.
 */
@QuarkusTest
class ApiPropertiesTest {

    private static final Logger LOG = Logger.getLogger(ApiPropertiesTest.class);

    @CatalogStub.Server
    WireMockServer catalog;

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void everyAnswerKeepsTheDocument() {
        long home = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(home));
        Object[] products = LongStream.range(0, 8).mapToObj(i -> LivestreamApi.product(catalog, home)).toArray();
        FuzzCampaign campaign = FuzzCampaign.against(base, given().get("/q/openapi?format=json").asString());
        for (int i = 0; i < 5; i++) {
            long session = LivestreamApi.session(home);
            String code = "BG" + (10 + i);
            long item = item(session, code, (long) products[i]);
            item(session, "MO" + (10 + i), (long) products[i + 1]);
            if (i >= 3) {
                LivestreamApi.start(session);
            }
            campaign.knownTogether(Map.of("/sessions/{id}", session, "/sessions/{sessionId}", session,
                    "/sessions/{sessionId}/lineup/{itemId}", item, "/sessions/{sessionId}/lineup-codes/{code}", code));
        }
        // What an operation uses up (a session it starts, cancels or ends, an item it removes) is its own.
        campaign.known("POST /sessions/{id}/start.id", LivestreamApi.session(home), LivestreamApi.session(home),
                LivestreamApi.session(home));
        campaign.known("POST /sessions/{id}/cancel.id", LivestreamApi.session(home), LivestreamApi.session(home),
                LivestreamApi.session(home));
        campaign.known("POST /sessions/{id}/end.id", LivestreamApi.liveSession(home), LivestreamApi.liveSession(home));
        long withItemsToRemove = LivestreamApi.session(home);
        for (int i = 0; i < 3; i++) {
            campaign.knownTogether(Map.of("DELETE /sessions/{sessionId}/lineup/{itemId}.sessionId", withItemsToRemove,
                    "DELETE /sessions/{sessionId}/lineup/{itemId}.itemId",
                    item(withItemsToRemove, "RM" + (10 + i), (long) products[i])));
        }
        String consumer = CDI.current().select(EventSubscriptions.class).get().all().stream()
                .filter(s -> s.topic().equals(Topics.ORDERS)).map(Subscription::group).findFirst().orElseThrow();
        long[] parkedEvents = { ParkedEventRows.parkHarmless(Db.ofApplication(), consumer, home),
                ParkedEventRows.parkHarmless(Db.ofApplication(), consumer, home) };
        Object[] parkedOutbox = LongStream.range(0, 4).mapToObj(i -> ParkedOutboxRows.park(Db.ofApplication())).toArray();
        Callers.anonymous();

        FuzzReport report = campaign
                .skip(op -> op.pathTemplate().endsWith("/stream"))
                .known("productId", products)
                .known("cooperativeId", home)
                .known("/admin/parked-events/{id}", parkedEvents[0], parkedEvents[1])
                .known("/admin/outbox/parked/{id}", parkedOutbox)
                .caller("admin", TestTokens.admin())
                .caller("owner", TestTokens.owner(home))
                .caller("staff", TestTokens.staff(home))
                .caller("service", TestTokens.service())
                .requests(3_000)
                .run();

        LOG.info("livestream-service API properties: " + report.summary());
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
