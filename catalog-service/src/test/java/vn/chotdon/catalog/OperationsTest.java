package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What operators and front-end developers rely on: health, API docs, metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void readinessChecksTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void openApiDocumentsEveryEndpointWithSummariesAndExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/products'.post.summary", is("Create a product (as DRAFT)"))
                .body("paths.'/products/{productId}/reservations/{sessionId}'.put.summary", notNullValue())
                .body("paths.'/products/{productId}/stock/adjustments'.post.responses.'409'", notNullValue())
                .body("components.schemas.ProductDraft.properties.name.example", is("Bánh gio Thanh Huệ"))
                .body("components.schemas.Problem", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void exposesPrometheusMetricsIncludingTheOutboxRelay() {
        double relayedBefore = relayedEvents();
        CatalogApi.product(CatalogApi.cooperative("HTX Đếm sự kiện"), "Bánh gio đếm sự kiện");
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
