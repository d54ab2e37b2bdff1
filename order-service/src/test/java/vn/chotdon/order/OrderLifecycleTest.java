package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.EventTap;
import vn.chotdon.testing.EventTap.Received;
import vn.chotdon.testing.TestTokens;

@QuarkusTest
class OrderLifecycleTest {

    Db db = Db.ofApplication();

    /** Staff move orders along; placing an order and the buyer's cancellation need no bearer token. */
    @BeforeEach
    void actAsStaff() {
        Callers.actAs(TestTokens.staff(LiveSale.COOPERATIVE));
    }

    private static JsonPath place(LiveSale sale, String code, int quantity, String phone, String payment) {
        Map<String, Object> body = new java.util.HashMap<>(sale.order(code, quantity, phone));
        body.put("paymentMethod", payment);
        return given().contentType(ContentType.JSON).body(body).post("/orders")
                .then().statusCode(201).extract().jsonPath();
    }

    private static void post(long orderId, String action, int status) {
        given().post("/orders/" + orderId + "/" + action).then().statusCode(status);
    }

    @Test
    void everyTransitionIsAnEventReadBackFromKafka() {
        try (EventTap tap = EventTap.onTopic(Topics.ORDERS)) {
            LiveSale sale = new LiveSale().open();
            long itemId = sale.item("BG01", "Bánh gio", 15000, 100, null);

            long cod = place(sale, "BG01", 2, "0912000001", "COD").getLong("order.id");
            post(cod, "confirm", 200);
            post(cod, "ship", 200);
            given().post("/orders/" + cod + "/deliver").then().statusCode(200)
                    .body("status", is("DELIVERED")).body("paidAt", notNullValue());

            long bank = place(sale, "BG01", 1, "0912000002", "BANK_TRANSFER").getLong("order.id");
            post(bank, "pay", 200);
            post(bank, "ship", 200);

            JsonPath buyers = place(sale, "BG01", 3, "0912000003", "COD");
            given().header("X-Order-Token", buyers.getString("accessToken"))
                    .post("/buyer/orders/" + buyers.getString("order.code") + "/cancel")
                    .then().statusCode(200).body("status", is("CANCELLED"));

            List<Received> events = tap.awaitMatching(e -> e.key().equals(String.valueOf(sale.sessionId)), 9,
                    Duration.ofSeconds(30));
            assertThat(events).extracting(Received::type).containsExactly(
                    OrderEventTypes.ORDER_PLACED, OrderEventTypes.ORDER_CONFIRMED, OrderEventTypes.ORDER_SHIPPED,
                    OrderEventTypes.ORDER_DELIVERED, OrderEventTypes.ORDER_PLACED, OrderEventTypes.ORDER_PAID,
                    OrderEventTypes.ORDER_SHIPPED, OrderEventTypes.ORDER_PLACED, OrderEventTypes.ORDER_CANCELLED);
            assertThat(events.get(1).data().path("previousStatus").asText()).isEqualTo("PLACED");
            assertThat(events.get(8).data().path("previousStatus").asText()).isEqualTo("PLACED");
            assertThat(events.get(8).data().path("lines").get(0).path("quantity").asLong()).isEqualTo(3);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.event().path("source").asText()).isEqualTo("/chotdon/order-service");
                assertThat(e.data().path("sessionId").asLong()).isEqualTo(sale.sessionId);
                assertThat(e.data().has("buyerPhone")).as("no personal data in events").isFalse();
            });
            assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(3);
        }
    }

    @Test
    void illegalTransitionsAreRefusedNamingTheCurrentStatus() {
        LiveSale sale = new LiveSale().open();
        sale.item("CH01", "Chè Tân Cương", 120000, 50, null);
        long bank = place(sale, "CH01", 1, "0912000010", "BANK_TRANSFER").getLong("order.id");

        given().post("/orders/" + bank + "/ship").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/illegal-status-change"))
                .body("currentStatus", is("PLACED"));
        post(bank, "deliver", 409);
        post(bank, "confirm", 200);
        given().post("/orders/" + bank + "/ship").then().statusCode(409).body("currentStatus", is("CONFIRMED"));
        post(bank, "pay", 200);
        post(bank, "ship", 200);
        post(bank, "cancel", 409);
        post(bank, "confirm", 409);
        post(bank, "deliver", 200);
        post(bank, "deliver", 200);
        post(bank, "pay", 409);

        JsonPath buyers = place(sale, "CH01", 1, "0912000011", "COD");
        long id = buyers.getLong("order.id");
        post(id, "confirm", 200);
        given().header("X-Order-Token", buyers.getString("accessToken"))
                .post("/buyer/orders/" + buyers.getString("order.code") + "/cancel")
                .then().statusCode(409).body("currentStatus", is("CONFIRMED"));
        post(id, "cancel", 200);
        post(999_999_999L, "confirm", 404);
    }

    @Test
    void goodsThatComeBackAreReturnedOnceStaySoldAndSaySoOnKafka() throws Exception {
        try (EventTap tap = EventTap.onTopic(Topics.ORDERS)) {
            LiveSale sale = new LiveSale().open();
            long itemId = sale.item("GA01", "Gà Đông Tảo", 450000, 20, null);
            long refused = place(sale, "GA01", 2, "0912000030", "COD").getLong("order.id");
            post(refused, "confirm", 200);
            post(refused, "ship", 200);
            long sentBack = place(sale, "GA01", 1, "0912000031", "BANK_TRANSFER").getLong("order.id");
            post(sentBack, "pay", 200);
            given().post("/orders/" + sentBack + "/return").then().statusCode(409)
                    .body("type", is("https://chotdon.vn/problems/illegal-status-change"))
                    .body("currentStatus", is("PAID"));
            post(sentBack, "ship", 200);
            post(sentBack, "deliver", 200);

            // Refused at the door: twenty staff taps at once, one change and one event.
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().queryParam("reason", "Khách không nhận hàng (bom hàng)")
                                .post("/orders/" + refused + "/return").then().extract().statusCode();
                    }));
                }
                start.countDown();
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isIn(200, 409);
                }
            } finally {
                pool.shutdownNow();
            }
            given().get("/orders/" + refused).then().statusCode(200).body("status", is("RETURNED"))
                    .body("returnedAt", notNullValue()).body("returnReason", is("Khách không nhận hàng (bom hàng)"))
                    .body("paidAt", org.hamcrest.Matchers.nullValue());
            given().queryParam("reason", "Hàng bị dập").post("/orders/" + sentBack + "/return").then().statusCode(200)
                    .body("status", is("RETURNED")).body("paidAt", notNullValue()).body("returnReason", is("Hàng bị dập"));
            post(sentBack, "cancel", 409);
            post(sentBack, "deliver", 409);

            List<Received> events = tap.awaitMatching(e -> e.key().equals(String.valueOf(sale.sessionId))
                    && e.type().equals(OrderEventTypes.ORDER_RETURNED), 2, Duration.ofSeconds(30));
            assertThat(events).extracting(e -> e.data().path("previousStatus").asText())
                    .containsExactlyInAnyOrder("SHIPPED", "DELIVERED");
            assertThat(events).allSatisfy(e -> assertThat(e.data().path("status").asText()).isEqualTo("RETURNED"));
            assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND payload LIKE ?",
                    OrderEventTypes.ORDER_RETURNED, "%\"orderId\":" + refused + ",%")).isEqualTo(1);
            // The units stay sold: not back in the quota.
            assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(3);
            assertThat(db.number("SELECT COUNT(*) FROM order_line WHERE order_id IN (?, ?) AND status = 'RETURNED'",
                    refused, sentBack)).isEqualTo(2);
        }
    }

    @Test
    void holdsExpireGiveTheirUnitsBackAndSaySoOnKafka() {
        try (EventTap tap = EventTap.onTopic(Topics.ORDERS)) {
            LiveSale sale = new LiveSale().holdMinutes(0).open();
            long itemId = sale.item("OI01", "Ổi Đông Dư", 25000, 10, 2);
            long orderId = place(sale, "OI01", 2, "0912000020", "BANK_TRANSFER").getLong("order.id");

            await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(
                    given().get("/orders/" + orderId).then().extract().path("status")));
            assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isZero();
            assertThat(db.number("SELECT units FROM buyer_item_units WHERE item_id = ?", itemId)).isZero();
            post(orderId, "pay", 409);

            List<Received> events = tap.awaitMatching(e -> e.key().equals(String.valueOf(sale.sessionId)), 2,
                    Duration.ofSeconds(30));
            assertThat(events).extracting(Received::type)
                    .containsExactly(OrderEventTypes.ORDER_PLACED, OrderEventTypes.ORDER_EXPIRED);
            assertThat(events.get(1).data().path("status").asText()).isEqualTo("EXPIRED");
        }
    }

    @Test
    void expiryAndCancellationRacingReleaseUnitsExactlyOnce() throws Exception {
        LiveSale sale = new LiveSale().holdMinutes(0).open();
        long itemId = sale.item("MO01", "Mật ong", 200000, 100, null);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            orders.add(place(sale, "MO01", 2, String.format("0913%06d", i), "BANK_TRANSFER").getLong("order.id"));
        }

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (long orderId : orders) {
                for (int copy = 0; copy < 2; copy++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().post("/orders/" + orderId + "/cancel").then().extract().statusCode();
                    }));
                }
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isIn(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> db.number(
                "SELECT COUNT(*) FROM orders WHERE session_id = ? AND status = 'PLACED'", sale.sessionId) == 0);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isZero();
        for (long orderId : orders) {
            assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type IN"
                    + " ('vn.chotdon.order.cancelled', 'vn.chotdon.order.expired') AND payload LIKE ?",
                    "%\"orderId\":" + orderId + ",%")).as("release events of order %d", orderId).isEqualTo(1);
        }
    }
}
