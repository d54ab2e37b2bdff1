package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.CatalogEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.EventTap;
import vn.chotdon.testing.EventTap.Received;
import vn.chotdon.testing.TestTokens;

/** Reads what catalog-service published with a real Kafka consumer. */
@QuarkusTest
class CatalogEventsTest {

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void everyKindOfProductAndStockChangeIsPublished() {
        try (EventTap tap = EventTap.onTopic(Topics.CATALOG_PRODUCTS)) {
            long coop = CatalogApi.cooperative("HTX Sự kiện");
            long id = CatalogApi.product(coop, "Nhãn lồng Hưng Yên");
            Callers.actAs(TestTokens.staff(coop));
            given().contentType(ContentType.JSON).body(CatalogApi.productChange("Nhãn lồng Hưng Yên loại 1"))
                    .put("/products/" + id).then().statusCode(200);
            given().post("/products/" + id + "/activate").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("quantity", 50))
                    .post("/products/" + id + "/stock/receipts").then().statusCode(201);
            given().contentType(ContentType.JSON).body(Map.of("delta", -2, "reason", "Dập khi vận chuyển"))
                    .post("/products/" + id + "/stock/adjustments").then().statusCode(201);
            given().contentType(ContentType.JSON).body(Map.of("quantity", 3, "note", "Bán lẻ tại HTX"))
                    .post("/products/" + id + "/stock/sales").then().statusCode(201);
            Callers.as(TestTokens.service()).contentType(ContentType.JSON).body(Map.of("quantity", 30))
                    .put("/products/" + id + "/reservations/77").then().statusCode(200);
            Callers.as(TestTokens.service()).delete("/products/" + id + "/reservations/77").then().statusCode(200);
            given().post("/products/" + id + "/retire").then().statusCode(200);

            List<String> expected = List.of(CatalogEventTypes.PRODUCT_CREATED, CatalogEventTypes.PRODUCT_UPDATED,
                    CatalogEventTypes.PRODUCT_ACTIVATED, CatalogEventTypes.STOCK_RECEIVED,
                    CatalogEventTypes.STOCK_ADJUSTED, CatalogEventTypes.STOCK_SOLD, CatalogEventTypes.STOCK_RESERVED,
                    CatalogEventTypes.STOCK_RELEASED, CatalogEventTypes.PRODUCT_RETIRED);
            List<Received> events = tap.awaitMatching(e -> String.valueOf(id).equals(e.key()), expected.size(),
                    Duration.ofSeconds(30));

            assertThat(events).extracting(Received::type).as("in order, keyed by product").isEqualTo(expected);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.event().path("specversion").asText()).isEqualTo("1.0");
                assertThat(e.event().path("source").asText()).isEqualTo("/chotdon/catalog-service");
                assertThat(e.event().path("subject").asText()).isEqualTo("product/" + id);
                assertThat(e.event().path("schemaversion").asInt()).isEqualTo(1);
                assertThat(e.event().path("time").asText()).endsWith("Z");
                assertThat(e.data().path("productId").asLong()).isEqualTo(id);
            });
            assertThat(events).extracting(Received::id).doesNotHaveDuplicates();
            assertThat(events.get(1).data().path("name").asText()).isEqualTo("Nhãn lồng Hưng Yên loại 1");
            assertThat(events.get(2).data().path("status").asText()).isEqualTo("ACTIVE");
            assertThat(events.get(4).data().path("availableDelta").asLong()).isEqualTo(-2);
            assertThat(events.get(4).data().path("reason").asText()).isEqualTo("Dập khi vận chuyển");
            assertThat(events.get(5).data().path("availableDelta").asLong()).isEqualTo(-3);
            assertThat(events.get(6).data().path("sessionId").asLong()).isEqualTo(77);
            assertThat(events.get(6).data().path("sessionReservedAfter").asLong()).isEqualTo(30);
            assertThat(events.get(6).data().path("availableAfter").asLong()).isEqualTo(15);
            assertThat(events.get(7).data().path("reservedAfter").asLong()).isZero();
        }
    }
}
