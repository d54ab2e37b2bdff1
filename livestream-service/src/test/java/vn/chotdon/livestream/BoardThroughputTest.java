package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.Topics;
import vn.chotdon.livestream.OrderEvents.Line;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/**
 * How fast the live board's consumer applies a flash sale's order events: {@value #ORDERS}
 * orders of one live session over three lineup items, each placed then confirmed (2 events, all on
 * the session's partition), published as fast as the broker takes them, as after a Kafka outage
 * ends with a backlog. The time runs from the first send until the last confirmation is on the
 * board. It prints events per second and asserts only the board's counts (the machine is shared:
 * a timed assertion would say more about the other processes than about the board).
 *
 * <p>Rerun: {@code source /tmp/spec/isolate.sh <letter> && mvn -B -o -pl livestream-service -am verify
 * -Dchotdon.openapi.lint.skip=true -Dtest=BoardThroughputTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dchotdon.consumers.batch-size=1} for one transaction per event) and look for
 * {@code board throughput} in the output.
 */
@QuarkusTest
class BoardThroughputTest {

    private static final int ORDERS = 1000;

    @CatalogStub.Server
    WireMockServer catalog;

    @Inject
    ObjectMapper json;

    private final Db db = Db.ofApplication();

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void appliesAFlashSalesOrderEventsToTheBoard() throws Exception {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.owner(coop));
        long session = LivestreamApi.session(coop);
        String[] codes = {"BG01", "BC02", "CL03"};
        long[] items = new long[codes.length];
        for (int i = 0; i < codes.length; i++) {
            long product = LivestreamApi.product(catalog, coop);
            String code = codes[i];
            // The first call to the catalog stub of a cold, busy test JVM may outlast the client's time limit (503).
            items[i] = await().atMost(Duration.ofSeconds(30)).until(() -> lineupItem(session, code, product),
                    id -> id != null);
        }
        LivestreamApi.start(session);
        Callers.anonymous();

        List<String> values = new ArrayList<>();
        long[] units = new long[items.length];
        for (int i = 0; i < ORDERS; i++) {
            int which = i % 5 < 3 ? 0 : i % 5 - 2;
            int quantity = 1 + i % 2;
            units[which] += quantity;
            long orderId = session * 10_000 + i;
            List<Line> lines = List.of(new Line(items[which], codes[which], quantity, 12000));
            values.add(json.writeValueAsString(OrderEvents.event(orderId, session, coop, "PLACED", null, lines)));
            values.add(json.writeValueAsString(OrderEvents.event(orderId, session, coop, "CONFIRMED", "PLACED", lines)));
        }
        long confirmedUnits = units[0] + units[1] + units[2];

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
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> db.number(
                "SELECT COALESCE(SUM(confirmed), 0) FROM board_item WHERE session_id = ?", session) == confirmedUnits);
        Instant done = Instant.now();

        for (int i = 0; i < items.length; i++) {
            assertThat(db.number("SELECT ordered FROM board_item WHERE item_id = ?", items[i])).isEqualTo(units[i]);
            assertThat(db.number("SELECT confirmed FROM board_item WHERE item_id = ?", items[i])).isEqualTo(units[i]);
            assertThat(db.number("SELECT held FROM board_item WHERE item_id = ?", items[i])).isZero();
        }
        assertThat(db.number("SELECT COUNT(*) FROM ticker_entry WHERE session_id = ?", session)).isEqualTo(ORDERS);
        long took = Duration.between(started, done).toMillis();
        System.out.printf("board throughput: %d events in %d ms = %.0f events/s (published in %d ms; board version %d;"
                + " batch size %s; load average %s)%n", values.size(), took, values.size() * 1000.0 / took,
                Duration.between(started, published).toMillis(),
                db.number("SELECT version FROM board_version WHERE session_id = ?", session),
                ConfigProvider.getConfig().getValue("chotdon.consumers.batch-size", String.class),
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static Long lineupItem(long session, String code, long product) {
        var added = given().contentType(ContentType.JSON).body(LivestreamApi.itemBody(code, product, 5000))
                .post("/sessions/" + session + "/lineup");
        if (added.statusCode() == 201) {
            return added.jsonPath().getLong("id");
        }
        var existing = given().get("/sessions/" + session + "/lineup-codes/" + code);
        return existing.statusCode() == 200 ? existing.jsonPath().getLong("id") : null;
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
}
