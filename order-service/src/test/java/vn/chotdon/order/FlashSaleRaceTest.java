package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.ConcurrentBuyers.Answer;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/** The moment every live seller fears: many more buyers than units, all at once. */
@QuarkusTest
@TestProfile(FlashSaleRaceTest.OneBuyerMayHoldMost.class)
class FlashSaleRaceTest {

    /** The race starts after one buyer (a wholesaler the cooperative knows) holds most of the quota unpaid. */
    public static class OneBuyerMayHoldMost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chotdon.orders.held-units.max-per-phone", "1000");
        }
    }

    private static final int BUYERS = 220;
    private static final int LAST_UNITS = 50;

    Db db = Db.ofApplication();

    /** Buyers place orders without a token (ConcurrentBuyers sends none); the owner reads the tally. */
    @BeforeEach
    void actAsTheOwner() {
        Callers.actAs(TestTokens.owner(LiveSale.COOPERATIVE));
    }

    @Test
    void twoHundredBuyersRaceForTheLastFiftyUnits() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio Thanh Huệ", 15000, 600, null);
        given().contentType(ContentType.JSON).body(sale.order("BG01", 550, "0911111111")).post("/orders")
                .then().statusCode(201);

        List<Answer> answers = ConcurrentBuyers.post("/orders", BUYERS,
                i -> Json.write(sale.order("BG01", 1, String.format("09%08d", 10_000_000 + i))), i -> null);

        Map<Integer, Long> byStatus = answers.stream()
                .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
        assertThat(byStatus).as("answers by status").containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(LAST_UNITS);
        assertThat(byStatus.get(409)).isEqualTo(BUYERS - LAST_UNITS);
        assertThat(answers).filteredOn(a -> a.status() == 409)
                .allSatisfy(a -> assertThat(a.body()).contains("https://chotdon.vn/problems/sold-out")
                        .contains("\"itemCode\":\"BG01\"").contains("\"remaining\":0"));

        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(600);
        assertThat(db.number("SELECT SUM(quantity) FROM order_line WHERE item_id = ?", itemId)).isEqualTo(600);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ?", sale.sessionId)).isEqualTo(1 + LAST_UNITS);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'vn.chotdon.order.placed'"
                + " AND message_key = ?", String.valueOf(sale.sessionId))).isEqualTo(1 + LAST_UNITS);
        given().get("/sessions/" + sale.sessionId + "/tally").then().statusCode(200)
                .body("items[0].held", org.hamcrest.Matchers.is(600))
                .body("items[0].remaining", org.hamcrest.Matchers.is(0));
    }

    @Test
    void perBuyerLimitHoldsUnderConcurrentOrdersFromOnePhone() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BC02", "Bánh chưng Tranh Khúc", 60000, 1000, 3);

        List<Answer> answers = ConcurrentBuyers.post("/orders", 30,
                i -> Json.write(sale.order("BC02", 1, i % 2 == 0 ? "0912 000 111" : "+84912000111")), i -> null);

        assertThat(answers.stream().filter(a -> a.status() == 201).count()).isEqualTo(3);
        assertThat(answers).filteredOn(a -> a.status() != 201).hasSize(27)
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(409);
                    assertThat(a.body()).contains("https://chotdon.vn/problems/buyer-limit");
                });
        assertThat(db.number("SELECT units FROM buyer_item_units WHERE item_id = ? AND buyer_phone = '+84912000111'",
                itemId)).isEqualTo(3);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(3);
        given().contentType(ContentType.JSON).body(sale.order("BC02", 2, "0912000222")).post("/orders")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(sale.order("BC02", 4, "0912000333")).post("/orders")
                .then().statusCode(409).body("limit", org.hamcrest.Matchers.is(3));
    }
}
