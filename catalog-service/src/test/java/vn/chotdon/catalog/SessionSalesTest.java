package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.LivestreamEventTypes;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.livestream.SessionData;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/** Order events, as order-service publishes them, moving stock through the ledger exactly once. */
@QuarkusTest
class SessionSalesTest {

    Db db = Db.ofApplication();

    private final long sessionId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    private final List<EventEnvelope<?>> published = new ArrayList<>();

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void confirmedOrdersBecomeSalesAndWhatIsGivenBackReturnsExactlyOnce() {
        long coop = CatalogApi.cooperative("HTX Bán hàng trực tiếp");
        long product = CatalogApi.productInStock(coop, "Bánh gio phiên live", 100);
        // livestream-service reserves and closes a session's stock, with its service token.
        Callers.actAs(TestTokens.service());
        given().contentType(ContentType.JSON).body(Map.of("quantity", 60))
                .put("/products/" + product + "/reservations/" + sessionId).then().statusCode(200);

        try (EventPublisher publisher = EventPublisher.open()) {
            order(publisher, 1, "AAAA2222", product, 2, "PLACED", null);
            order(publisher, 1, "AAAA2222", product, 2, "CONFIRMED", "PLACED");
            publisher.publish(Topics.ORDERS, Long.toString(sessionId), published.get(published.size() - 1));
            awaitStock(product, 40, 58);
            assertThat(sold(product)).isEqualTo(2);
            // Shipped, then refused at the door: the units stay sold, the ledger moves nothing.
            order(publisher, 1, "AAAA2222", product, 2, "SHIPPED", "CONFIRMED");
            order(publisher, 1, "AAAA2222", product, 2, "RETURNED", "SHIPPED");

            order(publisher, 2, "BBBB3333", product, 3, "PLACED", null);
            order(publisher, 2, "BBBB3333", product, 3, "PAID", "PLACED");
            order(publisher, 2, "BBBB3333", product, 3, "CANCELLED", "PAID");
            order(publisher, 3, "CCCC4444", product, 4, "PLACED", null);
            awaitLedgerEntries(product, 4);
            assertThat(sold(product)).isEqualTo(2);

            SessionData ended = new SessionData(sessionId, coop, "Phiên thử", "TIKTOK", "ENDED", null, null,
                    Instant.now(), 30, false, 3);
            publish(publisher, Topics.LIVESTREAM_SESSIONS, LivestreamEventTypes.SESSION_ENDED, "session", ended);
            // Closing keeps what orders sold (2) or still hold (4) and gives the other 54 back.
            awaitStock(product, 94, 4);
            given().post("/products/" + product + "/reservations/" + sessionId + "/close").then().statusCode(200)
                    .body("quantity", org.hamcrest.Matchers.is(6)).body("sold", org.hamcrest.Matchers.is(2))
                    .body("held", org.hamcrest.Matchers.is(4));

            order(publisher, 3, "CCCC4444", product, 4, "EXPIRED", "PLACED");
            awaitStock(product, 98, 0);

            // An order placed in the last instant, learned after the close, is covered from available stock.
            order(publisher, 4, "DDDD5555", product, 1, "PLACED", null);
            awaitStock(product, 97, 1);
            order(publisher, 4, "DDDD5555", product, 1, "CANCELLED", "PLACED");
            awaitStock(product, 98, 0);

            for (EventEnvelope<?> event : List.copyOf(published)) {
                String topic = event.type().startsWith("vn.chotdon.order.") ? Topics.ORDERS : Topics.LIVESTREAM_SESSIONS;
                publisher.publish(topic, Long.toString(sessionId), event);
            }
            EventEnvelope<?> marker = publish(publisher, Topics.LIVESTREAM_SESSIONS, LivestreamEventTypes.SESSION_UPDATED,
                    "session", ended);
            await().atMost(Duration.ofSeconds(30)).until(() -> db.number(
                    "SELECT COUNT(*) FROM processed_event WHERE event_id = ?", marker.id()) == 1);
        }

        assertThat(db.number("SELECT available FROM product_stock WHERE product_id = ?", product)).isEqualTo(98);
        assertThat(db.number("SELECT reserved FROM product_stock WHERE product_id = ?", product)).isZero();
        assertThat(sold(product)).isEqualTo(2);
        assertThat(db.number("SELECT SUM(available_delta) FROM stock_ledger_entry WHERE product_id = ?", product))
                .isEqualTo(98);
        assertThat(db.number("SELECT SUM(reserved_delta) FROM stock_ledger_entry WHERE product_id = ?", product))
                .isZero();
        assertThat(db.number("SELECT -SUM(reserved_delta) FROM stock_ledger_entry WHERE product_id = ? AND kind = 'SALE'",
                product)).isEqualTo(2 + 3);
        assertThat(db.number("SELECT SUM(reserved_delta) FROM stock_ledger_entry WHERE product_id = ? AND kind = 'RETURN'",
                product)).isEqualTo(3);
    }

    @Test
    void anExpiredOrderPaidLateIsSoldWithoutTakingAnotherOrdersHold() {
        long coop = CatalogApi.cooperative("HTX Chuyển khoản muộn");
        long product = CatalogApi.productInStock(coop, "Bánh gio trả tiền muộn", 100);
        Callers.actAs(TestTokens.service());
        given().contentType(ContentType.JSON).body(Map.of("quantity", 60))
                .put("/products/" + product + "/reservations/" + sessionId).then().statusCode(200);

        try (EventPublisher publisher = EventPublisher.open()) {
            order(publisher, 1, "EEEE6666", product, 2, "PLACED", null);
            order(publisher, 2, "FFFF7777", product, 3, "PLACED", null);
            order(publisher, 1, "EEEE6666", product, 2, "EXPIRED", "PLACED");
            // order-service revived it: its transfer came after the hold ran out, while units remained.
            order(publisher, 1, "EEEE6666", product, 2, "PAID", "EXPIRED");
            // The reservation and one sale.
            awaitLedgerEntries(product, 2);
            awaitStock(product, 40, 58);
        }
        assertThat(sold(product)).isEqualTo(2);
        assertThat(db.number("SELECT held FROM session_reservation WHERE product_id = ? AND session_id = ?", product,
                sessionId)).as("the other order's hold").isEqualTo(3);
    }

    private EventEnvelope<?> order(EventPublisher publisher, long orderId, String code, long productId, long quantity,
            String status, String previous) {
        OrderData data = new OrderData(orderId + sessionId * 10, code, sessionId, 1, status, previous, "COD",
                quantity * 15000, List.of(new OrderData.OrderLineData(77, "BG01", productId, quantity, 15000,
                        quantity * 15000)), Instant.now(), 0, "H***");
        return publish(publisher, Topics.ORDERS, "vn.chotdon.order." + status.toLowerCase(), "order", data);
    }

    private EventEnvelope<?> publish(EventPublisher publisher, String topic, String type, String aggregate, Object data) {
        String source = topic.equals(Topics.ORDERS) ? OrderEventTypes.SOURCE : LivestreamEventTypes.SOURCE;
        EventEnvelope<?> event = EventPublisher.envelope(source, type, 1, aggregate, Long.toString(sessionId), data);
        publisher.publish(topic, Long.toString(sessionId), event);
        published.add(event);
        return event;
    }

    private long sold(long product) {
        return db.number("SELECT sold FROM session_reservation WHERE product_id = ? AND session_id = ?", product, sessionId);
    }

    private void awaitStock(long product, long available, long reserved) {
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.number("SELECT available FROM product_stock WHERE product_id = ?", product) == available
                        && db.number("SELECT reserved FROM product_stock WHERE product_id = ?", product) == reserved);
    }

    private void awaitLedgerEntries(long product, long entries) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.number(
                "SELECT COUNT(*) FROM stock_ledger_entry WHERE product_id = ? AND session_id = ?", product, sessionId)
                == entries);
    }
}
