package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
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
import vn.chotdon.order.service.OrderCodes;
import vn.chotdon.order.service.PlaceOrder;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;

/** A buyer's phone on a shaky 4G connection taps "Chốt đơn" and retries: one order, whatever happens. */
@QuarkusTest
class IdempotencyTest {

    Db db = Db.ofApplication();

    @Inject
    DataSource dataSource;

    @Inject
    IdempotencyKeys keys;

    @Inject
    ObjectMapper json;

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

        List<Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created.stream().map(Answer::body).distinct()).as("every 201 is the first answer").hasSize(1);
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(201, 409));
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.body()).contains("https://chotdon.vn/problems/request-in-progress"));
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

    /** An ended session never goes LIVE again: that refusal is final and replayed as it was. */
    @Test
    void anEndedSessionsRefusalIsKeptAndReplayed() {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        sale.end();
        String key = UUID.randomUUID().toString();
        String body = Json.write(sale.order("BG01", 1, "0912345678"));
        String first = post(key, body, 409);
        assertThat(new JsonPath(first).getString("currentStatus")).isEqualTo("ENDED");
        assertThat(db.text("SELECT state FROM idempotency_key WHERE idem_key = ?", IdempotencyKey.of(key).id()))
                .isEqualTo("DONE");
        assertThat(post(key, body, 409)).isEqualTo(first);
    }

    /**
     * The first request waits for the item's row (a test transaction holds it) far past the key's
     * lease (3 s in tests). Its transaction holds the key's row all along, so no retry takes the
     * key over: every retry is told the request is in progress, and then gets its answer.
     */
    @Test
    void aFirstRequestWaitingPastItsLeaseKeepsItsKeyAgainstRacingRetries() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 100, null);
        String key = UUID.randomUUID().toString();
        String keyId = IdempotencyKey.of(key).id();
        String body = Json.write(sale.order("BG01", 2, "0912345678"));

        CompletableFuture<String> first;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT taken FROM lineup_item WHERE item_id = ? FOR UPDATE")) {
                lock.setLong(1, itemId);
                lock.executeQuery().close();
            }
            first = CompletableFuture.supplyAsync(() -> post(key, body, 201));
            await().atMost(Duration.ofSeconds(30)).until(() -> db.number("SELECT COUNT(*) FROM idempotency_key"
                    + " WHERE idem_key = ? AND updated_at < UTC_TIMESTAMP(6) - INTERVAL 4 SECOND", keyId) == 1);

            List<Answer> retries = ConcurrentBuyers.post("/orders", 30, i -> body, i -> key);
            assertThat(retries).allSatisfy(retry -> {
                assertThat(retry.status()).isEqualTo(409);
                assertThat(retry.body()).contains("https://chotdon.vn/problems/request-in-progress");
            });
            assertThat(first).as("the first request still waits for the item").isNotDone();
            blocker.rollback();
        }
        String placed = first.get(60, TimeUnit.SECONDS);
        List<Answer> after = ConcurrentBuyers.post("/orders", 30, i -> body, i -> key);
        assertThat(after).allSatisfy(retry -> assertThat(retry.body()).isEqualTo(placed));
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE idempotency_key = ?", keyId)).isEqualTo(1);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(2);
    }

    /**
     * What a request that outlived its lease meets (a pause of its process, say): a retry took the
     * key over and placed the order. The first request's claim no longer holds, so it stores nothing
     * and places nothing; it answers with the order the retry placed.
     */
    @Test
    void aRequestWhoseKeyWasTakenOverPlacesNothing() throws Exception {
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        String key = UUID.randomUUID().toString();
        String body = Json.write(sale.order("BG01", 1, "0912345678"));
        // The request's hash as placement computes it, over the request as read.
        String requestHash = OrderCodes.sha256(json.writeValueAsString(json.readValue(body, PlaceOrder.class)));
        IdempotencyKey idempotencyKey = IdempotencyKey.of(key);

        IdempotencyKeys.Claim stale = (IdempotencyKeys.Claim) keys.claim(idempotencyKey, requestHash);
        db.execute("UPDATE idempotency_key SET updated_at = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE idem_key = ?",
                idempotencyKey.id());
        String placed = post(key, body, 201);

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> keys.hold(stale)))
                .isInstanceOf(IdempotencyKeys.ClaimLost.class);
        keys.abandon(stale);
        assertThat(db.text("SELECT state FROM idempotency_key WHERE idem_key = ?", idempotencyKey.id())).isEqualTo("DONE");
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE idempotency_key = ?", idempotencyKey.id())).isEqualTo(1);
        assertThat(placed).contains("\"status\":\"PLACED\"");
    }

    @Test
    void keysPastTheirRetentionAreDeletedInBatchesByRacingInstances() throws Exception {
        String hash = "0".repeat(64);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO idempotency_key (idem_key, request_hash, state, created_at, updated_at)"
                        + " VALUES (?, ?, 'DONE', UTC_TIMESTAMP(6) - INTERVAL ? HOUR, UTC_TIMESTAMP(6))")) {
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
    void aKeyLeftInProgressByACrashedRequestIsTakenOverAfterItsLease() {
        LiveSale sale = new LiveSale().open();
        sale.item("CA01", "Cam Cao Phong", 40000, 10, null);
        String body = Json.write(sale.order("CA01", 1, "0912345678"));
        String earlier = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", earlier).body(body).post("/orders")
                .then().statusCode(201);
        // What a request killed mid-flight leaves behind: its key claimed, no order, no answer.
        String key = UUID.randomUUID().toString();
        db.execute("INSERT INTO idempotency_key (idem_key, request_hash, state, created_at, updated_at)"
                + " SELECT ?, request_hash, 'IN_PROGRESS', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)"
                + " FROM idempotency_key WHERE idem_key = ?", IdempotencyKey.of(key).id(), IdempotencyKey.of(earlier).id());

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/orders")
                .then().statusCode(409).body("type", is("https://chotdon.vn/problems/request-in-progress"));
        db.execute("UPDATE idempotency_key SET updated_at = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE idem_key = ?",
                IdempotencyKey.of(key).id());
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/orders")
                .then().statusCode(201);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE idempotency_key = ?", IdempotencyKey.of(key).id()))
                .isEqualTo(1);
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
        assertThat(stored.get("state")).isEqualTo("DONE");

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
