package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.ConcurrentBuyers.Answer;
import vn.chotdon.order.service.IdempotencyKey;
import vn.chotdon.order.service.IdempotencyKeys;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.OnItsOwnThread;

/** A buyer's phone on a shaky 4G connection taps "Chốt đơn" and retries: one order, whatever happens. */
@QuarkusTest
class IdempotencyTest {

    /**
     * Retries sent while the first request runs. Each one waits on the key inside its transaction,
     * holding a connection of the service's pool (24), which the test's own queries share: fewer
     * than the pool leaves room for them.
     */
    private static final int RETRIES = 16;

    Db db = Db.ofApplication();

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyKeys keys;

    @Inject
    Scheduler scheduler;

    /** Buyers do not sign in. */
    @BeforeEach
    void asABuyer() {
        Callers.anonymous();
    }

    @Test
    void fiftyConcurrentRetriesWithOneKeyCreateOneOrder() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 100, null);
        String key = UUID.randomUUID().toString();
        String body = Json.write(sale.order("BG01", 2, "0912345678"));

        List<Answer> answers = ConcurrentBuyers.post("/orders", 50, i -> body, i -> key);

        // A request that meets the key of one still running waits for it, then answers what it stored.
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(201));
        assertThat(answers.stream().map(Answer::body).distinct()).as("every answer is the first one").hasSize(1);
        List<Answer> created = answers;
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE idempotency_key = ?", IdempotencyKey.of(key).id()))
                .isEqualTo(1);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(2);

        String replay = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders").then().statusCode(201).extract().asString();
        assertThat(replay).isEqualTo(created.get(0).body());

        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Json.write(sale.order("BG01", 3, "0912345678")))
                .post("/orders").then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/idempotency-key-reused"));
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(1);
    }

    /** Units come back when orders are cancelled or expire: a sold-out refusal may change, so it is not kept. */
    @Test
    void aSoldOutRefusalIsNotKeptSoTheSameKeyIsPlacedAfterACancellation() {
        LiveSale sale = new LiveSale().open();
        sale.item("NL01", "Nhãn lồng", 30000, 1, null);
        JsonPath earlier = new JsonPath(post(null, Json.write(sale.order("NL01", 1, "0912345678")), 201));
        String key = UUID.randomUUID().toString();
        String body = Json.write(sale.order("NL01", 1, "0987654321"));
        assertThat(new JsonPath(post(key, body, 409)).getString("type")).isEqualTo("https://chotdon.vn/problems/sold-out");
        assertThat(db.number("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", IdempotencyKey.of(key).id()))
                .as("the key was given up").isZero();

        given().header("X-Order-Token", earlier.getString("accessToken"))
                .post("/buyer/orders/" + earlier.getString("order.code") + "/cancel").then().statusCode(200);
        post(key, body, 201);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE idempotency_key = ?", IdempotencyKey.of(key).id()))
                .isEqualTo(1);
    }

    @Test
    void aSessionNotLiveYetIsNotKeptSoTheSameKeyIsPlacedOnceItOpens() {
        LiveSale sale = new LiveSale().schedule();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        String key = UUID.randomUUID().toString();
        String body = Json.write(sale.order("BG01", 2, "0912345678"));
        JsonPath refused = new JsonPath(post(key, body, 409));
        assertThat(refused.getString("type")).isEqualTo("https://chotdon.vn/problems/session-not-live");
        assertThat(refused.getString("currentStatus")).isEqualTo("SCHEDULED");

        sale.goLive();
        String placed = post(key, body, 201);
        assertThat(post(key, body, 201)).isEqualTo(placed);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE idempotency_key = ?", IdempotencyKey.of(key).id()))
                .isEqualTo(1);
    }

    /**
     * A refusal keeps nothing, even one that will never change (an ended session never goes LIVE
     * again): nothing was done, so a retry is simply refused again.
     */
    @Test
    void anEndedSessionsRefusalIsNotKeptAndARetryIsRefusedAgain() {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        sale.end();
        String key = UUID.randomUUID().toString();
        String body = Json.write(sale.order("BG01", 1, "0912345678"));
        String first = post(key, body, 409);
        assertThat(new JsonPath(first).getString("currentStatus")).isEqualTo("ENDED");
        assertThat(db.number("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", IdempotencyKey.of(key).id()))
                .isZero();
        assertThat(post(key, body, 409)).isEqualTo(first);
    }

    /**
     * The first request waits for the item's row (a test transaction holds it) with its key inserted
     * and not committed. Thirty retries with the key each wait on the key's index entry (seen in the
     * process list), none answers before the first, and then every one answers its bytes.
     */
    @Test
    void retriesWhileTheFirstRequestRunsWaitForItThenAnswerWhatItPlaced() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 100, null);
        String key = UUID.randomUUID().toString();
        String keyId = IdempotencyKey.of(key).id();
        String body = Json.write(sale.order("BG01", 2, "0912345678"));

        CompletableFuture<String> first;
        CompletableFuture<List<Answer>> retries;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT taken FROM lineup_item WHERE item_id = ? FOR UPDATE")) {
                lock.setLong(1, itemId);
                lock.executeQuery().close();
            }
            first = OnItsOwnThread.supply(() -> post(key, body, 201));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingStatements("UPDATE lineup_item") == 1);

            retries = OnItsOwnThread.supply(() -> {
                try {
                    return ConcurrentBuyers.post("/orders", RETRIES, i -> body, i -> key);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingStatements("INSERT INTO idempotency_key") == RETRIES);
            assertThat(first).as("the first request still waits for the item").isNotDone();
            assertThat(retries).as("the retries wait for the first request").isNotDone();
            blocker.rollback();
        }
        String placed = first.get(60, TimeUnit.SECONDS);
        assertThat(retries.get(60, TimeUnit.SECONDS)).allSatisfy(retry -> {
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(placed);
        });
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE idempotency_key = ?", keyId)).isEqualTo(1);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(2);
    }

    /**
     * A request whose first transaction with the key rolled back (its client or process died: the
     * server rolls back what it had not committed) is not answered for: the request waiting on the
     * key goes on and places the order.
     */
    @Test
    void aRequestWaitingOnAKeyWhoseTransactionRolledBackPlacesTheOrder() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 100, null);
        String key = UUID.randomUUID().toString();
        String keyId = IdempotencyKey.of(key).id();
        String body = Json.write(sale.order("BG01", 1, "0912345678"));

        CompletableFuture<String> retry;
        try (Connection dying = dataSource.getConnection()) {
            dying.setAutoCommit(false);
            try (PreparedStatement insert = dying.prepareStatement("INSERT INTO idempotency_key (idem_key, request_hash,"
                    + " created_at) VALUES (?, ?, UTC_TIMESTAMP(6))")) {
                insert.setString(1, keyId);
                insert.setString(2, "0".repeat(64));
                insert.executeUpdate();
            }
            retry = OnItsOwnThread.supply(() -> post(key, body, 201));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingStatements("INSERT INTO idempotency_key") == 1);
            dying.rollback();
        }
        assertThat(new JsonPath(retry.get(60, TimeUnit.SECONDS)).getString("order.status")).isEqualTo("PLACED");
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE idempotency_key = ?", keyId)).isEqualTo(1);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(1);
    }

    /**
     * A refusal decided inside the order's transaction (here the quota: the held item row is sold
     * out by the test before it lets go) rolls back the key with everything else; the retries that
     * waited on the key then run, are refused too, and nothing is kept for the key.
     */
    @Test
    void aRefusalInsideTheTransactionKeepsNothingAndTheWaitingRetriesAreDecidedAgain() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 5, null);
        String key = UUID.randomUUID().toString();
        String keyId = IdempotencyKey.of(key).id();
        String body = Json.write(sale.order("BG01", 2, "0912345678"));

        CompletableFuture<List<Answer>> racing;
        try (Connection seller = dataSource.getConnection()) {
            seller.setAutoCommit(false);
            try (PreparedStatement lock = seller.prepareStatement("SELECT taken FROM lineup_item WHERE item_id = ? FOR UPDATE")) {
                lock.setLong(1, itemId);
                lock.executeQuery().close();
            }
            racing = OnItsOwnThread.supply(() -> {
                try {
                    return ConcurrentBuyers.post("/orders", 20, i -> body, i -> key);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingStatements("UPDATE lineup_item") == 1
                    && waitingStatements("INSERT INTO idempotency_key") == 19);
            try (PreparedStatement sell = seller.prepareStatement("UPDATE lineup_item SET taken = quota WHERE item_id = ?")) {
                sell.setLong(1, itemId);
                sell.executeUpdate();
            }
            seller.commit();
        }
        assertThat(racing.get(60, TimeUnit.SECONDS)).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.body()).contains("https://chotdon.vn/problems/sold-out");
        });
        assertThat(db.number("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", keyId)).isZero();
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isZero();
        assertThat(db.number("SELECT COUNT(*) FROM buyer_held_units WHERE session_id = ? AND units > 0", sale.sessionId))
                .isZero();
    }

    /**
     * Fifty buyers' taps on an item already sold out, ten of them retried with one key: all refused
     * from memory with no write at all, nothing kept for any key.
     */
    @Test
    void soldOutTapsKeepNothing() throws Exception {
        LiveSale sale = new LiveSale().open();
        sale.item("NL01", "Nhãn lồng", 30000, 1, null);
        post(null, Json.write(sale.order("NL01", 1, "0912345678")), 201);
        List<String> keysSent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keysSent.add(UUID.randomUUID().toString());
        }
        String shared = UUID.randomUUID().toString();
        List<Answer> answers = ConcurrentBuyers.post("/orders", 50,
                i -> Json.write(sale.order("NL01", 1, String.format("09%08d", 20_000_000 + Math.min(i, 40)))),
                i -> i < 40 ? keysSent.get(i) : shared);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(409));
        keysSent.add(shared);
        for (String key : keysSent) {
            assertThat(db.number("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", IdempotencyKey.of(key).id()))
                    .isZero();
        }
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(1);
    }

    /** Statements of this service's database user waiting right now that begin so. */
    private long waitingStatements(String start) {
        return db.number("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE INFO LIKE ?", start + "%");
    }

    @Test
    void keysPastTheirRetentionAreDeletedInBatchesByRacingInstances() throws Exception {
        String hash = "0".repeat(64);
        // The two calls below are the racing instances; the application's own hourly run (5 min after
        // its start, within a long suite) would be a third and take some of the rows (2,499 once).
        scheduler.pause("idempotency-key-cleanup");
        assertThat(scheduler.isPaused("idempotency-key-cleanup")).as("the scheduled job is known by that name").isTrue();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO idempotency_key (idem_key, request_hash, created_at)"
                        + " VALUES (?, ?, UTC_TIMESTAMP(6) - INTERVAL ? HOUR)")) {
            for (int i = 0; i < 2600; i++) {
                insert.setString(1, IdempotencyKey.of("retention-" + UUID.randomUUID()).id());
                insert.setString(2, hash);
                insert.setInt(3, i < 2500 ? 49 : 1);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> deleted = instances.invokeAll(List.of(keys::deleteOldKeys, keys::deleteOldKeys));
            assertThat(deleted.get(0).get() + deleted.get(1).get()).isGreaterThanOrEqualTo(2500);
        } finally {
            instances.shutdownNow();
            scheduler.resume("idempotency-key-cleanup");
        }
        assertThat(db.number("SELECT COUNT(*) FROM idempotency_key WHERE created_at < UTC_TIMESTAMP(6) - INTERVAL 2 DAY"))
                .isZero();
        assertThat(db.number("SELECT COUNT(*) FROM idempotency_key WHERE request_hash = ?", hash)).isEqualTo(100);
    }

    private static String post(String key, String body, int status) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/orders").then().statusCode(status).extract().asString();
    }

    @Test
    void aRetryAfterTheItemSoldOutStillGetsTheFirstAnswer() {
        LiveSale sale = new LiveSale().open();
        sale.item("GL01", "Giò lụa", 220000, 1, null);
        String key = UUID.randomUUID().toString();
        String body = Json.write(sale.order("GL01", 1, "0912345678"));
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders").then().statusCode(201).extract().asString();
        given().contentType(ContentType.JSON).body(sale.order("GL01", 1, "0987654321")).post("/orders")
                .then().statusCode(409).body("type", is("https://chotdon.vn/problems/sold-out"));

        String retry = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders").then().statusCode(201).extract().asString();
        assertThat(retry).isEqualTo(first);
    }

    @Test
    void theDatabaseHoldsNeitherTheKeyNorTheBuyersTokenNorTheirPhoneInTheStoredAnswer() throws Exception {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        String key = UUID.randomUUID().toString();
        String body = Json.write(sale.order("BG01", 2, "0912 777 888"));
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders").then().statusCode(201).extract().asString();
        JsonPath receipt = new JsonPath(first);
        String token = receipt.getString("accessToken");
        long orderId = receipt.getLong("order.id");
        String keyId = IdempotencyKey.of(key).id();
        List<String> phone = List.of("+84912777888", "0912777888", "912777888", "0912 777 888");

        Map<String, String> stored = row("SELECT * FROM idempotency_key WHERE idem_key = ?", keyId);
        assertThat(stored).isNotEmpty().allSatisfy((column, value) -> assertThat(value).as(column)
                .doesNotContain(key, token, receipt.getString("order.code"), "accessToken")
                .doesNotContain(phone));
        assertThat(stored.get("response_status")).isEqualTo("201");

        Map<String, String> order = row("SELECT * FROM orders WHERE id = ?", orderId);
        assertThat(order.get("idempotency_key")).isEqualTo(keyId);
        assertThat(order).allSatisfy((column, value) -> assertThat(value).as(column).doesNotContain(key, token));
        assertThat(order).as("the phone is kept where the shipping list needs it, and only there")
                .allSatisfy((column, value) -> {
                    if (!column.equals("buyer_phone")) {
                        assertThat(value).as(column).doesNotContain(phone);
                    }
                });
        assertThat(db.texts("SELECT payload FROM outbox_event WHERE message_key = ?", String.valueOf(sale.sessionId)))
                .singleElement().asString().doesNotContain(token).doesNotContain(phone);
        assertThat(db.text("SELECT SHA2(CONCAT('chotdon/order/idempotency-key/id:', ?), 256)", key))
                .as("the hash changeset order-003 gave the keys of earlier orders").isEqualTo(keyId);

        String retry = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/orders").then().statusCode(201).extract().asString();
        assertThat(retry).isEqualTo(first);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(1);
    }

    /** Every column of one row as text; bytes read as ISO-8859-1 so that any ASCII inside a blob shows. */
    private Map<String, String> row(String sql, Object param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, param);
            try (ResultSet rs = st.executeQuery()) {
                Map<String, String> row = new LinkedHashMap<>();
                if (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        byte[] bytes = rs.getBytes(i);
                        row.put(rs.getMetaData().getColumnLabel(i),
                                bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1));
                    }
                }
                return row;
            }
        }
    }
}
