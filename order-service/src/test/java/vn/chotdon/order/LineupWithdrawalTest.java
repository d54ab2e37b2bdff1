package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/** livestream-service asks order-service, which knows what is taken, before it removes a lineup item. */
@QuarkusTest
class LineupWithdrawalTest {

    private static final int BUYERS = 30;

    Db db = Db.ofApplication();

    @BeforeEach
    void asABuyer() {
        Callers.anonymous();
    }

    @Test
    void anItemWithoutOrdersIsWithdrawnForGoodAndTakesNoMoreOrders() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 100, null);

        withdraw(sale.sessionId, itemId, 2).then().statusCode(204);
        withdraw(sale.sessionId, itemId, 2).then().statusCode(204);
        given().contentType(ContentType.JSON).body(sale.order("BG01", 1, "0912345678")).post("/orders")
                .then().statusCode(422).body("type", is("https://chotdon.vn/problems/unknown-item"));
        assertThat(given().get("/sessions/" + sale.sessionId + "/orderable").then().extract().jsonPath().getList("items")).isEmpty();

        // A late lineup event saying the item is on the lineup does not bring it back.
        sale.announcePrice(itemId, 17000);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.number(
                "SELECT live_price_vnd FROM lineup_item WHERE item_id = ?", itemId) == 17000);
        assertThat(db.number("SELECT removed FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(1);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isZero();
    }

    @Test
    void anItemWithOrdersIsNotWithdrawnAndNothingChanges() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 100, null);
        given().contentType(ContentType.JSON).body(sale.order("BG01", 3, "0912345678")).post("/orders")
                .then().statusCode(201);

        withdraw(sale.sessionId, itemId, 2).then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/item-has-orders")).body("ordered", is(3));
        assertThat(db.number("SELECT COUNT(*) FROM withdrawn_lineup_item WHERE item_id = ?", itemId)).isZero();
        given().contentType(ContentType.JSON).body(sale.order("BG01", 1, "0987654321")).post("/orders")
                .then().statusCode(201);
    }

    /** No order can exist for an item order-service has not heard of: the withdrawal is kept for when it arrives. */
    @Test
    void anItemNotYetKnownIsWithdrawnBeforeItsEventArrives() {
        LiveSale sale = new LiveSale().open();
        long itemId = LiveSale.newItemId();
        withdraw(sale.sessionId, itemId, 1).then().statusCode(204);

        sale.announceItem(itemId, "BG01", "Bánh gio", 15000, 100, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.number(
                "SELECT COUNT(*) FROM lineup_item WHERE item_id = ?", itemId) == 1);
        assertThat(db.number("SELECT removed FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(1);
        given().contentType(ContentType.JSON).body(sale.order("BG01", 1, "0912345678")).post("/orders")
                .then().statusCode(422);
    }

    @Test
    void aSessionNotYetKnownHasNoOrdersSoItsItemIsWithdrawn() {
        LiveSale unknown = new LiveSale();
        withdraw(unknown.sessionId, LiveSale.newItemId(), 1).then().statusCode(204);
    }

    @Test
    void anItemOfAnotherSessionIsNotFound() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 100, null);
        LiveSale other = new LiveSale().open();
        withdraw(other.sessionId, itemId, 2).then().statusCode(404).contentType("application/problem+json");
        assertThat(db.number("SELECT removed FROM lineup_item WHERE item_id = ?", itemId)).isZero();
    }

    @Test
    void theBodyNeedsTheItemsVersion() {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 100, null);
        Callers.as(TestTokens.service()).contentType(ContentType.JSON).body("{}")
                .put("/sessions/" + sale.sessionId + "/lineup/" + itemId + "/withdrawal")
                .then().statusCode(400).contentType("application/problem+json");
    }

    /**
     * Buyers order the item while livestream-service withdraws it, round after round: either the
     * withdrawal wins and no order for the item exists, or an order wins and the withdrawal is
     * refused with what is ordered. Never both.
     */
    @Test
    void buyersRacingAWithdrawalNeverLeaveAnOrderForAWithdrawnItem() throws Exception {
        LiveSale sale = new LiveSale().open();
        int withdrawn = 0;
        int refused = 0;
        for (int round = 0; round < 6; round++) {
            String code = "RC" + round;
            long itemId = sale.item(code, "Bánh gio", 15000, 1000, null);
            ExecutorService pool = Executors.newFixedThreadPool(BUYERS + 1);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> orders = new ArrayList<>();
            Future<Response> withdrawal;
            try {
                for (int b = 0; b < BUYERS; b++) {
                    String body = Json.write(sale.order(code, 1, String.format("0915%03d%03d", round, b)));
                    orders.add(pool.submit(() -> {
                        start.await();
                        return CheckedHttp.send(HttpClient.newHttpClient(), HttpRequest.newBuilder(
                                URI.create("http://localhost:" + RestAssured.port + "/orders"))
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).statusCode();
                    }));
                }
                withdrawal = pool.submit(() -> {
                    start.await();
                    return withdraw(sale.sessionId, itemId, 2);
                });
                start.countDown();
                for (Future<Integer> order : orders) {
                    assertThat(order.get()).isIn(201, 409, 422);
                }
                withdrawal.get();
            } finally {
                pool.shutdownNow();
            }
            Response answer = withdrawal.get();
            long ordered = db.number("SELECT COUNT(*) FROM order_line WHERE item_id = ?", itemId);
            long taken = db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId);
            if (answer.statusCode() == 204) {
                withdrawn++;
                assertThat(ordered).as("orders for a withdrawn item").isZero();
                assertThat(taken).isZero();
                assertThat(db.number("SELECT removed FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(1);
            } else {
                refused++;
                assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
                assertThat(answer.jsonPath().getLong("ordered")).isPositive().isLessThanOrEqualTo(taken);
                assertThat(ordered).isEqualTo(taken);
                assertThat(db.number("SELECT removed FROM lineup_item WHERE item_id = ?", itemId)).isZero();
                assertThat(db.number("SELECT COUNT(*) FROM withdrawn_lineup_item WHERE item_id = ?", itemId)).isZero();
            }
        }
        System.out.printf("LineupWithdrawalTest: of 6 races, the withdrawal won %d and orders won %d%n", withdrawn, refused);
        assertThat(withdrawn + refused).isEqualTo(6);
    }

    private static Response withdraw(long sessionId, long itemId, long version) {
        return Callers.as(TestTokens.service()).contentType(ContentType.JSON).body("{\"version\": " + version + "}")
                .put("/sessions/" + sessionId + "/lineup/" + itemId + "/withdrawal");
    }
}
