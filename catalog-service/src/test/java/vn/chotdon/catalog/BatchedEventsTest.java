package vn.chotdon.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.catalog.service.SessionReservations;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.platform.consumer.EventSubscriptions;
import vn.chotdon.platform.consumer.Subscription;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventPublisher;
import vn.chotdon.testing.TestTokens;

/**
 * The platform's consumer applying a poll's events in one transaction, against the real broker
 * and database, through catalog's session sales (a PLACED order adds its units to the session
 * reservation's {@code held}). Records that must reach the consumer in one poll are written in one
 * Kafka transaction: the consumer reads committed records only, so they become visible together.
 */
@QuarkusTest
class BatchedEventsTest {

    private static final String SALES = "catalog-service-test.session-sales";

    @Inject
    ObjectMapper json;

    @Inject
    EventSubscriptions subscriptions;

    @Inject
    SessionReservations reservations;

    private final Db db = Db.ofApplication();
    private final long session = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    private long product;

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void aPoisonEventInTheMiddleOfABatchIsParkedAloneAndTheOthersAreAppliedOnce() {
        reserveForTheSession();
        long givenUpBefore = sales().state().batchesGivenUp();
        List<EventEnvelope<Map<String, Object>>> good = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            good.add(placed(1 + i % 3));
        }
        EventEnvelope<Map<String, Object>> poison = placed(-1);
        poison.data().put("lines", null);
        List<EventEnvelope<?>> records = new ArrayList<>(good.subList(0, 5));
        records.add(poison);
        records.addAll(good.subList(5, 10));
        publishTogether(records);

        long units = good.stream().mapToLong(BatchedEventsTest::quantity).sum();
        await().atMost(Duration.ofSeconds(60)).until(() -> db.number(
                "SELECT COUNT(*) FROM parked_event WHERE consumer = ? AND event_id = ?", SALES, poison.id()) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> held() == units);
        assertThat(processed(good)).isEqualTo(10);
        assertThat(processed(List.of(poison))).isZero();
        assertThat(db.text("SELECT error FROM parked_event WHERE consumer = ? AND event_id = ?", SALES, poison.id()))
                .contains("NullPointerException");
        assertThat(db.number("SELECT attempts FROM parked_event WHERE consumer = ? AND event_id = ?", SALES,
                poison.id())).isEqualTo(3);
        assertThat(sales().state().batchesGivenUp()).as("the batch holding the poison failed as a whole first")
                .isGreaterThan(givenUpBefore);
    }

    @Test
    void duplicatesWithinABatchAndAcrossBatchesAreAppliedOnce() {
        reserveForTheSession();
        EventEnvelope<Map<String, Object>> a = placed(1);
        EventEnvelope<Map<String, Object>> b = placed(2);
        EventEnvelope<Map<String, Object>> c = placed(4);
        EventEnvelope<Map<String, Object>> d = placed(8);
        publishTogether(List.of(a, b, a, c, a));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(List.of(a, b, c)) == 3);
        assertThat(held()).isEqualTo(1 + 2 + 4);

        publishTogether(List.of(b, d, c, d));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(List.of(d)) == 1);
        assertThat(held()).isEqualTo(1 + 2 + 4 + 8);
        EventEnvelope<Map<String, Object>> marker = placed(16);
        publishTogether(List.of(a, b, c, d, marker));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(List.of(marker)) == 1);
        assertThat(held()).isEqualTo(1 + 2 + 4 + 8 + 16);
        assertThat(db.number("SELECT COUNT(*) FROM parked_event WHERE consumer = ? AND record_key = ?", SALES,
                Long.toString(session))).isZero();
    }

    @Test
    void aBatchThatFailsMidwayLeavesNeitherEffectsNorProcessedRecords() throws Exception {
        reserveForTheSession();
        EventEnvelope<Map<String, Object>> first = placed(3);
        EventEnvelope<Map<String, Object>> poison = placed(-1);
        poison.data().put("lines", null);
        EventEnvelope<Map<String, Object>> last = placed(5);

        assertThatThrownBy(() -> sales().applyAllOnce(tree(List.of(first, poison, last))))
                .hasStackTraceContaining("NullPointerException");
        assertThat(held()).as("the first event's effect rolled back").isZero();
        assertThat(processed(List.of(first, poison, last))).as("and its processed record with it").isZero();

        assertThat(sales().applyAllOnce(tree(List.of(first, last)))).isEqualTo(2);
        assertThat(held()).isEqualTo(8);
        assertThat(sales().applyAllOnce(tree(List.of(last, first, last)))).isZero();
        assertThat(held()).isEqualTo(8);
    }

    /**
     * Eight transactions race to apply overlapping batches of the same 40 events. The loser of a
     * race on a processed record learns it from the insert count, rolls back, and takes its events
     * one by one, as the consumer does: each event moves {@code held} once in all.
     */
    @Test
    void overlappingBatchesRacingInSeveralTransactionsApplyEachEventOnce() throws Exception {
        reserveForTheSession();
        List<EventEnvelope<Map<String, Object>>> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(placed(1 + i % 4));
        }
        long units = events.stream().mapToLong(BatchedEventsTest::quantity).sum();
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> outcomes = new ArrayList<>();
        try {
            for (int r = 0; r < racers; r++) {
                List<EventEnvelope<Map<String, Object>>> mine = new ArrayList<>(events);
                Collections.shuffle(mine);
                List<EventEnvelope<JsonNode>> batch = tree(mine.subList(0, 30));
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        return new int[] {sales().applyAllOnce(batch), 0};
                    } catch (Exception batchFailed) {
                        int applied = 0;
                        for (EventEnvelope<JsonNode> event : batch) {
                            applied += applyAlone(event) ? 1 : 0;
                        }
                        return new int[] {applied, 1};
                    }
                }));
            }
            start.countDown();
            int applied = 0;
            int fellBack = 0;
            for (Future<int[]> outcome : outcomes) {
                applied += outcome.get()[0];
                fellBack += outcome.get()[1];
            }
            // The events no racer had in its 30 are applied last, as a later poll would.
            applied += sales().applyAllOnce(tree(events));
            assertThat(applied).isEqualTo(events.size());
            System.out.printf("overlapping batches: %d of %d racers fell back to one by one%n", fellBack, racers);
        } finally {
            pool.shutdownNow();
        }
        assertThat(held()).isEqualTo(units);
        assertThat(processed(events)).isEqualTo(events.size());
    }

    /** One event in its own transaction, tried again after a failure (a deadlock among the racers) as the consumer would. */
    private boolean applyAlone(EventEnvelope<JsonNode> event) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return sales().applyOnce(event, () -> { });
            } catch (Exception e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    @Test
    void holdsASaleBetweenThemAndMoreHoldsInOneTransactionEndAsAppliedOneByOne() throws Exception {
        reserveForTheSession();
        EventEnvelope<Map<String, Object>> first = placed(2);

        sales().applyAllOnce(tree(List.of(first, moved(first, "PAID", OrderEventTypes.ORDER_PAID), placed(3),
                placed(1))));

        assertThat(held()).as("the sale took the first order's hold before the next two held theirs").isEqualTo(4);
        assertThat(db.number("SELECT sold FROM session_reservation WHERE product_id = ? AND session_id = ?", product,
                session)).isEqualTo(2);
    }

    @Test
    void holdsOfOneTransactionOnAClosedReservationAreEachCoveredFromStockAsAlone() throws Exception {
        reserveForTheSession();
        QuarkusTransaction.requiringNew().run(() -> reservations.closeSession(session));
        assertThat(db.number("SELECT available FROM product_stock WHERE product_id = ?", product)).isEqualTo(1000);

        sales().applyAllOnce(tree(List.of(placed(2), placed(3))));

        assertThat(held()).isEqualTo(5);
        assertThat(db.number("SELECT quantity FROM session_reservation WHERE product_id = ? AND session_id = ?",
                product, session)).isEqualTo(5);
        assertThat(db.number("SELECT available FROM product_stock WHERE product_id = ?", product)).isEqualTo(995);
        assertThat(db.number("SELECT COUNT(*) FROM stock_ledger_entry WHERE product_id = ? AND reason LIKE"
                + " '% placed as the session ended'", product)).as("one entry per order, as alone").isEqualTo(2);
    }

    private Subscription sales() {
        return subscriptions.byGroup(SALES).orElseThrow();
    }

    private void reserveForTheSession() {
        long coop = CatalogApi.cooperative("HTX Lô sự kiện");
        product = CatalogApi.productInStock(coop, "Bánh gio theo lô", 1000);
        Callers.as(TestTokens.service()).contentType(ContentType.JSON).body(Map.of("quantity", 500))
                .put("/products/" + product + "/reservations/" + session).then().statusCode(200);
    }

    private long held() {
        return db.number("SELECT held FROM session_reservation WHERE product_id = ? AND session_id = ?", product, session);
    }

    private long processed(List<? extends EventEnvelope<?>> events) {
        String ids = events.stream().map(e -> "'" + e.id() + "'").distinct().collect(Collectors.joining(", "));
        return db.number("SELECT COUNT(*) FROM processed_event WHERE consumer = ? AND event_id IN (" + ids + ")", SALES);
    }

    @SuppressWarnings("unchecked")
    private static long quantity(EventEnvelope<Map<String, Object>> event) {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) event.data().get("lines");
        return ((Number) lines.get(0).get("quantity")).longValue();
    }

    /** A PLACED order of one line, as order-service publishes it; its data can still be changed. */
    private EventEnvelope<Map<String, Object>> placed(long quantity) {
        long orderId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        Map<String, Object> data = new HashMap<>();
        data.put("orderId", orderId);
        data.put("code", "LO" + (orderId % 1_000_000));
        data.put("sessionId", session);
        data.put("cooperativeId", 1);
        data.put("status", "PLACED");
        data.put("previousStatus", null);
        data.put("paymentMethod", "COD");
        data.put("totalVnd", 15000 * quantity);
        data.put("lines", List.of(Map.of("itemId", product + 1, "code", "BG01", "productId", product,
                "quantity", quantity, "unitPriceVnd", 15000, "lineTotalVnd", 15000 * quantity)));
        data.put("placedAt", Instant.now().toString());
        data.put("version", 1);
        return EventPublisher.envelope(OrderEventTypes.SOURCE, OrderEventTypes.ORDER_PLACED,
                OrderEventTypes.SCHEMA_VERSION, OrderEventTypes.AGGREGATE_ORDER, Long.toString(orderId), data);
    }

    /** The same order's next event, of this type: its status moved on from the one {@code before} has. */
    private static EventEnvelope<Map<String, Object>> moved(EventEnvelope<Map<String, Object>> before, String status,
            String type) {
        Map<String, Object> data = new HashMap<>(before.data());
        data.put("previousStatus", data.get("status"));
        data.put("status", status);
        return EventEnvelope.of(UUID.randomUUID().toString(), before.source(), type, before.schemaversion(),
                before.aggregatetype(), before.aggregateid(), Instant.now(), data);
    }

    private List<EventEnvelope<JsonNode>> tree(List<EventEnvelope<Map<String, Object>>> events) {
        return events.stream().map(e -> EventEnvelope.of(e.id(), e.source(), e.type(), e.schemaversion(),
                e.aggregatetype(), e.aggregateid(), e.time(), (JsonNode) json.valueToTree(e.data()))).toList();
    }

    /** Writes the events in one Kafka transaction, on the session's partition, so they are read in one poll. */
    private void publishTogether(List<? extends EventEnvelope<?>> events) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "batched-events-test-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            producer.beginTransaction();
            for (EventEnvelope<?> event : events) {
                producer.send(new ProducerRecord<>(Topics.ORDERS, Long.toString(session), json.writeValueAsString(event)));
            }
            producer.commitTransaction();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + events.size() + " events in one transaction", e);
        }
    }
}
