package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What operators and front-end developers rely on: health, API docs with examples, metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void openApiDocumentsEveryEndpointWithASummary() {
        JsonPath api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        assertThat(paths).containsKeys("/sessions", "/sessions/{id}", "/sessions/{id}/start", "/sessions/{id}/end",
                "/sessions/{id}/cancel", "/sessions/{sessionId}/lineup", "/sessions/{sessionId}/lineup/{itemId}",
                "/sessions/{sessionId}/lineup/{itemId}/pin", "/sessions/{sessionId}/lineup-codes/{code}",
                "/sessions/{sessionId}/board", "/sessions/{sessionId}/board/stream");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> assertThat(operation)
                .as(method + " " + path).containsKey("summary")));
    }

    @Test
    void openApiShowsExamplesAndProblems() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/sessions/{sessionId}/lineup'.post.responses.'503'.content.'application/problem+json'",
                        notNullValue())
                .body("paths.'/sessions/{sessionId}/lineup'.post.responses.'409'", notNullValue())
                .body("paths.'/sessions/{id}/start'.post.responses.'409'", notNullValue())
                .body("components.schemas.SessionDraft.properties.title.example",
                        is("Chốt đơn bánh gio Đan Phượng tối thứ Sáu"))
                .body("components.schemas.LineupItemDraft.properties.code.example", is("BG01"))
                .body("components.schemas.BoardItem.properties.label.example", is("Đã chốt 523/600 cái"))
                .body("components.schemas.Problem", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void exposesPrometheusMetricsIncludingTheOutboxRelay() {
        double relayedBefore = relayedEvents();
        LivestreamApi.session(LivestreamApi.cooperative());
        await().atMost(Duration.ofSeconds(20)).until(() -> relayedEvents() > relayedBefore);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    /** The relay's counter as Prometheus reads it: it must grow when an event goes out, not merely exist. */
    private static double relayedEvents() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher counter = Pattern.compile("(?m)^chotdon_outbox_relayed_total(?:\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        assertThat(counter.find()).as("chotdon_outbox_relayed_total in /q/metrics").isTrue();
        return Double.parseDouble(counter.group(1));
    }
}
