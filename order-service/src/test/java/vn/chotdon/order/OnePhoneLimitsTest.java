package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.ConcurrentBuyers.Answer;
import vn.chotdon.order.config.OrderSettings;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.OnItsOwnThread;
import vn.chotdon.testing.TestTokens;

/**
 * One phone, however it is written, during a flash sale: it cannot hold more than the cap of
 * unpaid units in a session, nor more than an item's per-buyer limit, even with many orders at
 * once; confirmed, paid, cancelled and expired orders make room again.
 */
@QuarkusTest
class OnePhoneLimitsTest {

    /** One buyer's phone as people type it. */
    private static final List<String> FORMS = List.of("0912 345 678", "+84912345678", "84912345678");
    private static final String STORED = "+84912345678";
    private static final int CLIENTS = 30;

    Db db = Db.ofApplication();

    @Inject
    OrderSettings config;

    /** Buyers place orders without a token; staff confirm, take payments and cancel. */
    @BeforeEach
    void asABuyer() {
        Callers.anonymous();
    }

    @Test
    void onePhoneInAnyFormNeverHoldsMoreThanTheCapAndConfirmingOrCancellingMakesRoom() throws Exception {
        int cap = config.heldUnits().maxPerPhone();
        LiveSale sale = new LiveSale().open();
        sale.item("BG01", "Bánh gio", 15000, 1000, null);

        CompletableFuture<List<Answer>> race = OnItsOwnThread.supply(() -> {
            try {
                return ConcurrentBuyers.post("/orders", CLIENTS,
                        i -> Json.write(sale.order("BG01", 1, FORMS.get(i % FORMS.size()))), i -> null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long mostHeld = 0;
        while (!race.isDone()) {
            mostHeld = Math.max(mostHeld, heldInOrders(sale));
        }
        List<Answer> answers = race.get();

        assertThat(mostHeld).as("units held at any moment of the race").isLessThanOrEqualTo(cap);
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(cap);
        assertThat(answers).filteredOn(a -> a.status() != 201).hasSize(CLIENTS - cap).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.body()).contains("https://chotdon.vn/problems/held-units-cap", "\"cap\":" + cap)
                    .doesNotContain("912345678");
        });
        assertThat(heldInOrders(sale)).isEqualTo(cap);
        assertThat(counter(sale)).isEqualTo(cap);
        refusedOverTheCap(sale, "BG01", 1);

        List<JsonPath> receipts = answers.stream().filter(a -> a.status() == 201).map(a -> new JsonPath(a.body()))
                .toList();
        staff().post("/orders/" + receipts.get(0).getLong("order.id") + "/confirm").then().statusCode(200);
        assertThat(counter(sale)).isEqualTo(cap - 1);
        place(sale, "BG01", 1, FORMS.get(0));
        refusedOverTheCap(sale, "BG01", 1);

        staff().post("/orders/" + receipts.get(1).getLong("order.id") + "/pay").then().statusCode(200);
        staff().post("/orders/" + receipts.get(2).getLong("order.id") + "/cancel").then().statusCode(200);
        JsonPath buyers = receipts.get(3);
        given().header("X-Order-Token", buyers.getString("accessToken"))
                .post("/buyer/orders/" + buyers.getString("order.code") + "/cancel").then().statusCode(200);
        assertThat(counter(sale)).isEqualTo(cap - 3);
        refusedOverTheCap(sale, "BG01", 4);
        place(sale, "BG01", 3, FORMS.get(1));
        assertThat(counter(sale)).isEqualTo(cap).isEqualTo(heldInOrders(sale));
    }

    @Test
    void expiredHoldsMakeRoom() {
        int cap = config.heldUnits().maxPerPhone();
        LiveSale sale = new LiveSale().holdMinutes(0).open();
        sale.item("OI01", "Ổi Đông Dư", 25000, 1000, null);
        place(sale, "OI01", cap, FORMS.get(2));

        await().atMost(Duration.ofSeconds(20)).until(() -> counter(sale) == 0 && heldInOrders(sale) == 0);
        place(sale, "OI01", cap, FORMS.get(0));
    }

    @Test
    void cashOnDeliveryConfirmedAtOnceHoldsNothing() {
        int cap = config.heldUnits().maxPerPhone();
        LiveSale sale = new LiveSale().autoConfirmCod().open();
        sale.item("BC01", "Bánh chưng", 60000, 1000, null);

        given().contentType(ContentType.JSON).body(sale.order("BC01", cap + 5, FORMS.get(0))).post("/orders")
                .then().statusCode(201).body("order.status", is("CONFIRMED"));
        assertThat(counter(sale)).isZero();
        Map<String, Object> transfer = new HashMap<>(sale.order("BC01", cap + 1, FORMS.get(1)));
        transfer.put("paymentMethod", "BANK_TRANSFER");
        given().contentType(ContentType.JSON).body(transfer).post("/orders").then().statusCode(409)
                .body("type", is("https://chotdon.vn/problems/held-units-cap"))
                .body("held", is(0)).body("asked", is(cap + 1));
        transfer.put("items", List.of(Map.of("code", "BC01", "quantity", cap)));
        given().contentType(ContentType.JSON).body(transfer).post("/orders").then().statusCode(201);
        assertThat(counter(sale)).isEqualTo(cap);
    }

    @Test
    void thePerBuyerLimitCountsThePhoneNormalisedWhateverItsForm() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BC02", "Bánh chưng Tranh Khúc", 60000, 1000, 3);

        List<Answer> answers = ConcurrentBuyers.post("/orders", CLIENTS,
                i -> Json.write(sale.order("BC02", 1, FORMS.get(i % FORMS.size()))), i -> null);

        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(3);
        assertThat(answers).filteredOn(a -> a.status() != 201).hasSize(CLIENTS - 3).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(409);
            assertThat(a.body()).contains("https://chotdon.vn/problems/buyer-limit");
        });
        assertThat(db.number("SELECT units FROM buyer_item_units WHERE item_id = ? AND buyer_phone = ?", itemId, STORED))
                .isEqualTo(3);
        assertThat(db.number("SELECT COUNT(*) FROM buyer_item_units WHERE item_id = ?", itemId)).isEqualTo(1);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(3);
    }

    private static void place(LiveSale sale, String code, int units, String phone) {
        given().contentType(ContentType.JSON).body(sale.order(code, units, phone)).post("/orders")
                .then().statusCode(201);
    }

    private void refusedOverTheCap(LiveSale sale, String code, int units) {
        given().contentType(ContentType.JSON).body(sale.order(code, units, FORMS.get(1))).post("/orders")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/held-units-cap"))
                .body("cap", is(config.heldUnits().maxPerPhone()));
    }

    private static RequestSpecification staff() {
        return Callers.as(TestTokens.staff(LiveSale.COOPERATIVE));
    }

    /** What the phone's PLACED orders in the session hold, from the orders themselves. */
    private long heldInOrders(LiveSale sale) {
        return db.number("SELECT COALESCE(SUM(l.quantity), 0) FROM orders o JOIN order_line l ON l.order_id = o.id"
                + " WHERE o.session_id = ? AND o.buyer_phone = ? AND o.status = 'PLACED'", sale.sessionId, STORED);
    }

    /** The counter the cap is enforced on. */
    private long counter(LiveSale sale) {
        return db.number("SELECT COALESCE(SUM(units), 0) FROM buyer_held_units WHERE session_id = ? AND buyer_phone = ?",
                sale.sessionId, STORED);
    }
}
