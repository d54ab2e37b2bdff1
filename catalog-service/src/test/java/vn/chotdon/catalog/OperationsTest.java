package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
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
                .body("components.schemas.ProductDraft.properties.name.examples", hasItem("Bánh gio Thanh Huệ"))
                .body("components.schemas.Problem", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void exposesPrometheusMetricsIncludingTheOutboxRelay() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("chotdon_outbox_relayed_total"))
                .body(containsString("http_server_requests"));
    }
}
