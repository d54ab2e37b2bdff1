package vn.chotdon.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.platform.consumer.EventSubscriptions;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * How fast session sales applies a flash sale's order events: {@value #ORDERS} orders of one
 * session placed (as at the host's "chốt đơn"), then all of them confirmed (as staff confirm them
 * afterwards), all on the session's partition as order-service keys them, each phase published as
 * fast as the broker takes it; each phase's time runs from its first send until the last of its
 * units is in the reservation. It prints events per second per phase and asserts only what the
 * events must leave behind (a shared machine makes a timed assertion meaningless).
 *
 * <p>Rerun: {@code source /tmp/spec/isolate.sh <letter> && mvn -B -o -pl catalog-service -am verify
 * -Dchotdon.openapi.lint.skip=true -Dtest=SessionSalesThroughputTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dchotdon.consumers.batch-size=1} for one transaction per event) and look for
 * {@code session-sales throughput} in the output.
 */
@QuarkusTest
class SessionSalesThroughputTest {

    private static final int ORDERS = 1000;

    @Inject
    ObjectMapper json;

    @Inject
    EventSubscriptions subscriptions;

    private final Db db = Db.ofApplication();
    private final long session = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void appliesAFlashSalesOrderEvents() throws Exception {
        long coop = CatalogApi.cooperative("HTX Đo tốc độ");
        // The flash-sale item and two others in the mix, as in the benchmark of issue 11.
        long[] products = {CatalogApi.productInStock(coop, "Bánh gio đo tốc độ", 5000),
                CatalogApi.productInStock(coop, "Bánh chưng đo tốc độ", 5000),
                CatalogApi.productInStock(coop, "Chè lam đo tốc độ", 5000)};
        for (long product : products) {
            Callers.as(TestTokens.service()).contentType(ContentType.JSON).body(Map.of("quantity", 3000))
                    .put("/products/" + product + "/reservations/" + session).then().statusCode(200);
        }
        List<String> placed = new ArrayList<>();
        List<String> confirmed = new ArrayList<>();
        long[] units = new long[products.length];
        for (int i = 0; i < ORDERS; i++) {
            int which = i % 5 < 3 ? 0 : i % 5 - 2;
            int quantity = 1 + i % 2;
            units[which] += quantity;
            placed.add(event(i, products[which], quantity, "PLACED", null));
            confirmed.add(event(i, products[which], quantity, "CONFIRMED", "PLACED"));
        }
        long total = units[0] + units[1] + units[2];

        String placing = timed("placed", placed, () -> db.number(
                "SELECT COALESCE(SUM(held), 0) FROM session_reservation WHERE session_id = ?", session) == total);
        String confirming = timed("confirmed", confirmed, () -> db.number(
                "SELECT COALESCE(SUM(sold), 0) FROM session_reservation WHERE session_id = ?", session) == total);

        for (int p = 0; p < products.length; p++) {
            assertThat(db.number("SELECT sold FROM session_reservation WHERE product_id = ? AND session_id = ?",
                    products[p], session)).isEqualTo(units[p]);
            assertThat(db.number("SELECT held FROM session_reservation WHERE product_id = ? AND session_id = ?",
                    products[p], session)).isZero();
        }
        assertThat(db.number("SELECT COUNT(*) FROM stock_ledger_entry WHERE session_id = ? AND kind = 'SALE'", session))
                .isEqualTo(ORDERS);
        System.out.printf("session-sales throughput: %s; %s (batch size %s; load average %s)%n", placing, confirming,
                ConfigProvider.getConfig().getValue("chotdon.consumers.batch-size", String.class), loadAverage());
    }

    /**
     * Publishes the events as fast as the broker takes them and waits until {@code applied} holds.
     *
     * @return how many events per second were applied, from the first send
     */
    private String timed(String name, List<String> values, Callable<Boolean> applied) throws Exception {
        long appliedBefore = applied();
        Instant started = Instant.now();
        Instant published;
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(Topics.ORDERS, Long.toString(session), value)));
            }
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
            published = Instant.now();
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(applied);
        long took = Duration.between(started, Instant.now()).toMillis();
        return String.format(Locale.ROOT, "%,d %s events in %d ms = %.0f events/s (published in %d ms; applied"
                + " counter +%d)", values.size(), name, took, values.size() * 1000.0 / took,
                Duration.between(started, published).toMillis(), applied() - appliedBefore);
    }

    private long applied() {
        return subscriptions.byGroup(subscriptions.groupOf("session-sales")).orElseThrow().state().applied();
    }

    private String event(int order, long product, int quantity, String status, String previous) throws Exception {
        long orderId = session * 10_000 + order;
        OrderData data = new OrderData(orderId, "TP" + order, session, 1, status, previous, "COD", quantity * 15000L,
                List.of(new OrderData.OrderLineData(product + 1, "BG01", product, quantity, 15000, quantity * 15000L)),
                Instant.now(), 0, "H***");
        EventEnvelope<OrderData> envelope = EventPublisher.envelope(OrderEventTypes.SOURCE,
                "vn.chotdon.order." + status.toLowerCase(), OrderEventTypes.SCHEMA_VERSION,
                OrderEventTypes.AGGREGATE_ORDER, Long.toString(orderId), data);
        return json.writeValueAsString(envelope);
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props);
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
