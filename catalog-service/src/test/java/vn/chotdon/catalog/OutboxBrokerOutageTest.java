package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.events.CatalogEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.testing.EventTap;
import vn.chotdon.testing.EventTap.Received;
import vn.chotdon.testing.LocalInfrastructure;
import vn.chotdon.testing.TestTokens;

/**
 * The broker goes away in the middle of work: the API keeps answering, the events wait in the
 * outbox (none is parked: an outage is not a refusal), and when the broker is back each one
 * arrives exactly once, in order.
 */
@QuarkusTest
class OutboxBrokerOutageTest {

    Db db = Db.ofApplication();

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArriveOnceItIsBack() {
        long coop = CatalogApi.cooperative("HTX Mất kết nối");
        long id = CatalogApi.product(coop, "Cam Cao Phong");
        Callers.actAs(TestTokens.staff(coop));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.number("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL"
                        + " AND parked_at IS NULL") == 0);

        LocalInfrastructure.stopKafka();
        try {
            long started = System.nanoTime();
            given().contentType(ContentType.JSON).body(CatalogApi.productChange("Cam Cao Phong loại đặc biệt"))
                    .put("/products/" + id).then().statusCode(200);
            given().post("/products/" + id + "/activate").then().statusCode(200);
            given().contentType(ContentType.JSON).body(Map.of("quantity", 40))
                    .post("/products/" + id + "/stock/receipts").then().statusCode(201);
            Duration whileDown = Duration.ofNanos(System.nanoTime() - started);
            assertThat(whileDown).as("the API does not wait for Kafka").isLessThan(Duration.ofSeconds(5));
            assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND published_at IS NULL",
                    String.valueOf(id))).as("events waiting in the outbox").isEqualTo(3);
        } finally {
            LocalInfrastructure.startKafka();
        }

        Set<String> written = db.texts("SELECT event_id FROM outbox_event WHERE message_key = ?", String.valueOf(id));
        assertThat(written).hasSize(4);
        try (EventTap tap = EventTap.fromBeginning(Topics.CATALOG_PRODUCTS)) {
            tap.awaitMatching(e -> written.contains(e.id()), 4, Duration.ofSeconds(60));
            List<Received> delivered = tap.drainMatching(e -> written.contains(e.id()), Duration.ofSeconds(2));
            assertThat(delivered).extracting(Received::id).as("each outbox event on the topic exactly once")
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
            assertThat(delivered).extracting(Received::type).as("in the order they happened")
                    .containsExactly(CatalogEventTypes.PRODUCT_CREATED, CatalogEventTypes.PRODUCT_UPDATED,
                            CatalogEventTypes.PRODUCT_ACTIVATED, CatalogEventTypes.STOCK_RECEIVED);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> db.number("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL"
                        + " AND parked_at IS NULL") == 0);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND parked_at IS NOT NULL",
                String.valueOf(id))).as("events parked because the broker was away").isZero();
    }
}
