package vn.chotdon.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.chotdon.platform.security.Roles;
import vn.chotdon.testing.AccessMatrix;
import vn.chotdon.testing.AccessRule;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.ParkedEventRows;
import vn.chotdon.testing.TestTokens;

/**
 * Who may do what in order-service, for every operation of its OpenAPI document: buyers place
 * orders and open their own with its access token; the owner and staff of the order's cooperative
 * read and move its orders; only the owner sees the tally (revenue) and the shipping list (phones
 * and addresses). Another cooperative's order or session answers exactly like one that does not
 * exist.
 */
@QuarkusTest
class OrderAccessRulesTest {

    private static final List<String> ROLES = List.of(Roles.ADMIN, Roles.OWNER, Roles.STAFF, Roles.SERVICE);

    private final long home = LiveSale.newCooperative();
    private final long other = LiveSale.newCooperative();

    @BeforeEach
    void asNobody() {
        Callers.anonymous();
    }

    /**
     * The orders the rules walk: one paid by transfer through confirm, pay, ship, deliver and return,
     * one cancelled, one the buyer opens; and two receiving accounts of the home cooperative, the
     * default one the walked order's VietQR code names and another made default and deactivated.
     */
    private record Fixtures(LiveSale sale, long walked, long cancelled, String buyersCode, String orderBody,
            long withdrawable, long parkedEvent, long spareAccount) {
    }

    private static List<AccessRule> rules(Fixtures f) {
        String orders = "/orders/";
        String accounts = "/cooperatives/" + f.sale().cooperativeId + "/receiving-accounts";
        String buyers = "/cooperatives/" + f.sale().cooperativeId + "/buyers/";
        return List.of(
                AccessRule.publicEndpoint("POST", "/orders", "/orders", 201).withBody(f.orderBody()),
                // Public, but the order's X-Order-Token opens it: without one it is not found.
                AccessRule.publicEndpoint("GET", "/buyer/orders/{code}", "/buyer/orders/" + f.buyersCode(), 404),
                AccessRule.publicEndpoint("POST", "/buyer/orders/{code}/cancel",
                        "/buyer/orders/" + f.buyersCode() + "/cancel", 404),
                AccessRule.publicEndpoint("GET", "/sessions/{sessionId}/orderable",
                        "/sessions/" + f.sale().sessionId + "/orderable", 200),
                AccessRule.protectedEndpoint("GET", "/orders", "/orders?sessionId=" + f.sale().sessionId, 200,
                        Roles.OWNER, Roles.STAFF).foreign(200),
                AccessRule.protectedEndpoint("GET", "/orders/{id}", orders + f.walked(), 200, Roles.OWNER, Roles.STAFF),
                AccessRule.protectedEndpoint("POST", "/orders/{id}/confirm", orders + f.walked() + "/confirm", 200,
                        Roles.STAFF, Roles.OWNER),
                AccessRule.protectedEndpoint("POST", "/orders/{id}/pay", orders + f.walked() + "/pay", 200,
                        Roles.STAFF, Roles.OWNER),
                AccessRule.protectedEndpoint("POST", "/orders/{id}/ship", orders + f.walked() + "/ship", 200,
                        Roles.STAFF, Roles.OWNER),
                AccessRule.protectedEndpoint("POST", "/orders/{id}/deliver", orders + f.walked() + "/deliver", 200,
                        Roles.STAFF, Roles.OWNER),
                AccessRule.protectedEndpoint("POST", "/orders/{id}/return", orders + f.walked() + "/return", 200,
                        Roles.STAFF, Roles.OWNER),
                AccessRule.protectedEndpoint("GET", "/orders/{id}/qr.png", orders + f.walked() + "/qr.png", 200,
                        Roles.STAFF, Roles.OWNER),
                // Public, but the order's X-Order-Token opens it: without one it is not found.
                AccessRule.publicEndpoint("GET", "/buyer/orders/{code}/qr.png", "/buyer/orders/" + f.buyersCode()
                        + "/qr.png", 404),
                AccessRule.protectedEndpoint("POST", "/orders/{id}/cancel", orders + f.cancelled() + "/cancel", 200,
                        Roles.STAFF, Roles.OWNER),
                AccessRule.protectedEndpoint("GET", "/cooperatives/{cooperativeId}/receiving-accounts", accounts, 200,
                        Roles.OWNER, Roles.STAFF),
                // Sending an account already recorded again answers it again: each allowed role gets 201.
                AccessRule.protectedEndpoint("POST", "/cooperatives/{cooperativeId}/receiving-accounts", accounts, 201,
                        Roles.OWNER, Roles.STAFF).withBody("{\"bankBin\": \"970405\", \"accountNumber\": \"1500200300"
                                + "\", \"accountName\": \"HTX Đan Phượng\"}"),
                AccessRule.protectedEndpoint("GET", "/cooperatives/{cooperativeId}/receiving-accounts/{accountId}",
                        accounts + "/" + f.spareAccount(), 200, Roles.OWNER, Roles.STAFF),
                AccessRule.protectedEndpoint("POST", "/cooperatives/{cooperativeId}/receiving-accounts/{accountId}/default",
                        accounts + "/" + f.spareAccount() + "/default", 200, Roles.OWNER, Roles.STAFF),
                AccessRule.protectedEndpoint("POST",
                        "/cooperatives/{cooperativeId}/receiving-accounts/{accountId}/deactivate",
                        accounts + "/" + f.spareAccount() + "/deactivate", 200, Roles.OWNER, Roles.STAFF),
                AccessRule.protectedEndpoint("GET", "/sessions/{sessionId}/tally",
                        "/sessions/" + f.sale().sessionId + "/tally", 200, Roles.OWNER),
                AccessRule.protectedEndpoint("GET", "/sessions/{sessionId}/orders.csv",
                        "/sessions/" + f.sale().sessionId + "/orders.csv", 200, Roles.OWNER),
                // livestream-service's gate before it removes an item; an item without orders is withdrawn (again).
                AccessRule.protectedEndpoint("PUT", "/sessions/{sessionId}/lineup/{itemId}/withdrawal",
                        "/sessions/" + f.sale().sessionId + "/lineup/" + f.withdrawable() + "/withdrawal", 204,
                        Roles.SERVICE).withBody("{\"version\": 2}"),
                // Public: the cooperative's webhook key authenticates it, and a bearer token is no key.
                AccessRule.publicEndpoint("POST", "/payments/webhooks/sepay/{cooperativeId}",
                        "/payments/webhooks/sepay/" + f.sale().cooperativeId, 401)
                        .withBody("{\"id\": 1, \"transferType\": \"in\", \"transferAmount\": 15000}"),
                // Each owner makes their own cooperative's key.
                AccessRule.protectedEndpoint("PUT", "/payments/webhook-key", "/payments/webhook-key", 200, Roles.OWNER)
                        .foreign(200),
                AccessRule.protectedEndpoint("GET", "/payments/unmatched", "/payments/unmatched", 200,
                        Roles.OWNER, Roles.STAFF).foreign(200),
                AccessRule.protectedEndpoint("POST", "/payments/unmatched/{paymentId}/resolution",
                        "/payments/unmatched/0/resolution", 404, Roles.OWNER, Roles.STAFF)
                        .withBody("{\"decision\": \"IGNORE\"}"),
                // A forwarder (service) or the cooperative's people send comments; chatter is stored once, then a duplicate.
                AccessRule.protectedEndpoint("POST", "/sessions/{sessionId}/comments",
                        "/sessions/" + f.sale().sessionId + "/comments", 200, Roles.OWNER, Roles.STAFF, Roles.SERVICE)
                        .withBody("{\"comments\": [{\"platform\": \"TIKTOK\", \"platformCommentId\": \"access-1\","
                                + " \"commenterName\": \"Chị Lan\", \"commenterId\": \"lan.88\", \"text\": \"đẹp quá\","
                                + " \"commentedAt\": \"2026-11-30T12:00:00Z\"}]}"),
                AccessRule.protectedEndpoint("GET", "/sessions/{sessionId}/comments",
                        "/sessions/" + f.sale().sessionId + "/comments?state=WAITING", 200, Roles.OWNER, Roles.STAFF),
                AccessRule.protectedEndpoint("POST", "/sessions/{sessionId}/comments/{commentId}/decision",
                        "/sessions/" + f.sale().sessionId + "/comments/0/decision", 404, Roles.OWNER, Roles.STAFF)
                        .withBody("{\"decision\": \"REJECT\"}"),
                // Public like POST /orders; the fixtures' item is not sold out, so the join is refused.
                AccessRule.publicEndpoint("POST", "/sessions/{sessionId}/waitlist",
                        "/sessions/" + f.sale().sessionId + "/waitlist", 409).withBody(Json.write(
                                WaitlistTest.joinBody("BG01", 1, "0912000405"))),
                AccessRule.protectedEndpoint("GET", "/sessions/{sessionId}/waitlist",
                        "/sessions/" + f.sale().sessionId + "/waitlist?state=WAITING", 200, Roles.OWNER, Roles.STAFF),
                // Public, but the entry's X-Waitlist-Token opens it: without one it is not found.
                AccessRule.publicEndpoint("GET", "/waitlist/{entryId}", "/waitlist/1", 404),
                AccessRule.publicEndpoint("DELETE", "/waitlist/{entryId}", "/waitlist/1", 404),
                // A buyer's record and flag, the session's buyer policy: the cooperative's people only, never public.
                AccessRule.protectedEndpoint("GET", "/cooperatives/{cooperativeId}/buyers/{phone}",
                        buyers + "0912000401", 200, Roles.OWNER, Roles.STAFF),
                AccessRule.protectedEndpoint("PUT", "/cooperatives/{cooperativeId}/buyers/{phone}/flag",
                        buyers + "0912000409/flag", 200, Roles.OWNER, Roles.STAFF)
                        .withBody("{\"note\": \"Bom hàng\"}"),
                AccessRule.protectedEndpoint("DELETE", "/cooperatives/{cooperativeId}/buyers/{phone}/flag",
                        buyers + "0912000409/flag", 200, Roles.OWNER, Roles.STAFF),
                AccessRule.protectedEndpoint("GET", "/sessions/{sessionId}/buyer-policy",
                        "/sessions/" + f.sale().sessionId + "/buyer-policy", 200, Roles.OWNER, Roles.STAFF),
                AccessRule.protectedEndpoint("PUT", "/sessions/{sessionId}/buyer-policy",
                        "/sessions/" + f.sale().sessionId + "/buyer-policy", 200, Roles.OWNER, Roles.STAFF)
                        .withBody("{\"flagged\": \"ACCEPT\", \"unreliable\": \"ACCEPT\","
                                + " \"commentPaymentMethod\": \"COD\"}"),
                AccessRule.protectedEndpoint("GET", "/admin/parked-events", "/admin/parked-events", 200,
                        Roles.ADMIN, Roles.OWNER).foreign(200),
                AccessRule.protectedEndpoint("GET", "/admin/parked-events/{id}", "/admin/parked-events/" + f.parkedEvent(),
                        200, Roles.ADMIN, Roles.OWNER),
                AccessRule.protectedEndpoint("POST", "/admin/parked-events/{id}/replay",
                        "/admin/parked-events/" + f.parkedEvent() + "/replay", 200, Roles.ADMIN, Roles.OWNER),
                AccessRule.protectedEndpoint("GET", "/admin/outbox/parked", "/admin/outbox/parked", 200, Roles.ADMIN),
                AccessRule.protectedEndpoint("POST", "/admin/outbox/parked/{id}/retry", "/admin/outbox/parked/0/retry",
                        404, Roles.ADMIN));
    }

    private Fixtures fixtures() {
        BankTransferTest.recordAccount(home, "970436", "1023456789", "HTX Nông sản Đan Phượng", false);
        long spare = BankTransferTest.recordAccount(home, "970422", "0912000400", "HTX Nông sản Đan Phượng", false);
        LiveSale sale = new LiveSale(home).open();
        sale.item("BG01", "Bánh gio", 15000, 1000, null);
        Map<String, Object> transfer = new HashMap<>(sale.order("BG01", 1, "0912000401"));
        transfer.put("paymentMethod", "BANK_TRANSFER");
        long walked = place(transfer).getLong("order.id");
        long cancelled = place(sale.order("BG01", 1, "0912000402")).getLong("order.id");
        String buyersCode = place(sale.order("BG01", 1, "0912000403")).getString("order.code");
        long withdrawable = sale.item("MO01", "Mật ong", 200000, 10, null);
        long parked = ParkedEventRows.parkHarmless(Db.ofApplication(), "order-service-test.read-model", home);
        return new Fixtures(sale, walked, cancelled, buyersCode, Json.write(sale.order("BG01", 1, "0912000404")),
                withdrawable, parked, spare);
    }

    private static JsonPath place(Map<String, Object> order) {
        return given().contentType(ContentType.JSON).body(order).post("/orders").then().statusCode(201)
                .extract().jsonPath();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationAnswersOnlyWhomItShould() {
        return new AccessMatrix(home, other).tests(rules(fixtures()));
    }

    /** The matrix tries one role a rule does not allow; here every one of them is refused. */
    @TestFactory
    Stream<DynamicTest> everyRoleNotAllowedIsRefused() {
        List<DynamicTest> tests = new ArrayList<>();
        for (AccessRule rule : rules(fixtures())) {
            for (String role : ROLES) {
                if (rule.isPublic() || rule.roles().contains(role)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(rule.operation() + ": " + role + " → 403", () -> {
                    RequestSpecification request = Callers.as(TestTokens.of(role, isBound(role) ? home : null));
                    if (rule.body() != null) {
                        request = request.contentType(ContentType.JSON).body(rule.body());
                    }
                    Response answer = request.request(rule.method(), rule.path());
                    assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(403);
                    assertThat(answer.contentType()).startsWith("application/problem+json");
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void everyDocumentedOperationHasAnAccessRule() {
        Fixtures placeholders = new Fixtures(new LiveSale(home), 1, 2, "K7M3Q9TX", "{}", 3, 4, 5);
        AccessMatrix.assertCoversOpenApi(given().get("/q/openapi?format=json").asString(), rules(placeholders));
    }

    @Test
    void anotherCooperativesOrderAnswersExactlyLikeOneThatDoesNotExist() {
        LiveSale sale = new LiveSale(home).open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        long id = place(sale.order("BG01", 1, "0912000411")).getLong("order.id");
        long missing = 9_000_000_000_000_000L;
        String foreignOwner = TestTokens.owner(other);

        for (String action : List.of("", "/confirm", "/pay", "/ship", "/deliver", "/cancel")) {
            String method = action.isEmpty() ? "GET" : "POST";
            JsonPath foreign = Callers.as(foreignOwner).request(method, "/orders/" + id + action)
                    .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();
            JsonPath absent = Callers.as(foreignOwner).request(method, "/orders/" + missing + action)
                    .then().statusCode(404).contentType("application/problem+json").extract().jsonPath();
            assertThat(foreign.getString("type")).isEqualTo(absent.getString("type"));
            assertThat(foreign.getString("title")).isEqualTo(absent.getString("title"));
            assertThat(foreign.getString("detail").replace(Long.toString(id), "N"))
                    .isEqualTo(absent.getString("detail").replace(Long.toString(missing), "N"));
            assertThat(foreign.getMap("$")).containsOnlyKeys(absent.getMap("$").keySet());
        }
        Callers.as(TestTokens.staff(home)).get("/orders/" + id).then().statusCode(200).body("status", is("PLACED"));

        for (String part : List.of("/tally", "/orders.csv")) {
            JsonPath foreign = Callers.as(foreignOwner).get("/sessions/" + sale.sessionId + part)
                    .then().statusCode(404).extract().jsonPath();
            JsonPath absent = Callers.as(foreignOwner).get("/sessions/" + missing + part)
                    .then().statusCode(404).extract().jsonPath();
            assertThat(foreign.getString("type")).isEqualTo(absent.getString("type"));
            assertThat(foreign.getString("detail").replace(Long.toString(sale.sessionId), "N"))
                    .isEqualTo(absent.getString("detail").replace(Long.toString(missing), "N"));
        }
    }

    @Test
    void eachCooperativeListsOnlyItsOwnOrders() {
        LiveSale ours = new LiveSale(home).open();
        ours.item("BG01", "Bánh gio", 15000, 100, null);
        LiveSale theirs = new LiveSale(other).open();
        theirs.item("BC01", "Bánh chưng", 60000, 100, null);
        long our = place(ours.order("BG01", 1, "0912000421")).getLong("order.id");
        JsonPath theirOrder = place(theirs.order("BC01", 1, "0912000421"));
        long their = theirOrder.getLong("order.id");

        Callers.as(TestTokens.staff(home)).get("/orders").then().statusCode(200)
                .body("totalItems", is(1)).body("items[0].id", is((int) our));
        Callers.as(TestTokens.owner(other)).get("/orders").then().statusCode(200)
                .body("totalItems", is(1)).body("items[0].id", is((int) their));
        Callers.as(TestTokens.owner(other)).queryParam("sessionId", ours.sessionId).queryParam("phone", "0912000421")
                .get("/orders").then().statusCode(200).body("totalItems", is(0));
        List<String> rows = Callers.as(TestTokens.owner(other)).get("/sessions/" + theirs.sessionId + "/orders.csv")
                .then().statusCode(200).extract().asString().lines().skip(1).toList();
        assertThat(rows).singleElement().asString().startsWith(theirOrder.getString("order.code") + ",");
    }

    @Test
    void anOwnerOrStaffTokenWithoutItsCooperativeIsRefused() {
        given().header("Authorization", "Bearer " + TestTokens.claims().role(Roles.STAFF).sign()).get("/orders")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.claims().role(Roles.OWNER).sign())
                .get("/sessions/1/tally").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theBuyersAccessTokenNotABearerTokenOpensTheirOrder() {
        LiveSale sale = new LiveSale(home).open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        JsonPath receipt = place(sale.order("BG01", 1, "0912000431"));
        String code = receipt.getString("order.code");

        given().header("X-Order-Token", receipt.getString("accessToken")).get("/buyer/orders/" + code)
                .then().statusCode(200).body("phone", is("+84912000431"));
        Callers.as(TestTokens.owner(home)).get("/buyer/orders/" + code).then().statusCode(404);
        Callers.as(TestTokens.owner(home)).post("/buyer/orders/" + code + "/cancel").then().statusCode(404);
        given().header("X-Order-Token", receipt.getString("accessToken")).post("/buyer/orders/" + code + "/cancel")
                .then().statusCode(200).body("status", is("CANCELLED"));
    }

    @Test
    void whatASessionOffersShowsNoBuyerAndNoRevenue() {
        LiveSale sale = new LiveSale(home).open();
        sale.item("BG01", "Bánh gio", 15000, 100, null);
        Map<String, Object> order = sale.order("BG01", 3, "0912000441");
        place(order);

        String offer = given().get("/sessions/" + sale.sessionId + "/orderable").then().statusCode(200)
                .body("items[0].remaining", is(97)).extract().asString();
        assertThat(offer).doesNotContain("912000441", (String) order.get("buyerName"), "Thôn Thượng Thôn")
                .doesNotContainIgnoringCase("revenue").doesNotContain("totalVnd", "heldVnd");
    }

    private static boolean isBound(String role) {
        return role.equals(Roles.OWNER) || role.equals(Roles.STAFF);
    }
}
