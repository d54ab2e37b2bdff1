package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static vn.chotdon.testing.AccessRule.protectedEndpoint;
import static vn.chotdon.testing.AccessRule.publicEndpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import vn.chotdon.testing.AccessMatrix;
import vn.chotdon.testing.AccessRule;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.ParkedEventRows;
import vn.chotdon.testing.TestTokens;

/**
 * Who may call each endpoint of catalog-service, checked against the running service for every
 * operation of its OpenAPI document: no token 401, a role not allowed 403, an owner or staff
 * member of another cooperative 404 (as if the data did not exist), the allowed callers of the
 * cooperative its answer.
 */
@QuarkusTest
class CatalogAccessRulesTest {

    private static final String ADMIN = "admin";
    private static final String OWNER = "owner";
    private static final String STAFF = "staff";
    private static final String SERVICE = "service";

    Db db = Db.ofApplication();

    /** Data of the home cooperative that the rules' calls point at. */
    record Fixtures(long home, long other, long member, long draft, long retiring, long inStock, long session,
            long reservedSession, long parkedEvent) {
    }

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersOnlyWhomItShould() {
        Fixtures f = fixtures();
        return new AccessMatrix(f.home(), f.other()).tests(rules(f));
    }

    @Test
    void everyOperationOfTheOpenApiDocumentHasARule() {
        AccessMatrix.assertCoversOpenApi(given().get("/q/openapi?format=json").asString(), rules(fixtures()));
    }

    @Test
    void noOneButLivestreamServiceReservesClosesOrReleasesStock() {
        Fixtures f = fixtures();
        String reservation = "/products/" + f.inStock() + "/reservations/" + f.reservedSession();
        long ledgerEntries = ledgerEntries(f.inStock());
        for (String token : List.of(TestTokens.staff(f.home()), TestTokens.owner(f.home()), TestTokens.admin())) {
            Callers.as(token).contentType(ContentType.JSON).body("{\"quantity\": 1}").put(reservation)
                    .then().statusCode(403).contentType("application/problem+json");
            Callers.as(token).post(reservation + "/close").then().statusCode(403);
            Callers.as(token).delete(reservation).then().statusCode(403);
        }
        assertThat(ledgerEntries(f.inStock())).as("stock moved by refused calls").isEqualTo(ledgerEntries);
        Callers.as(TestTokens.staff(f.home())).get(reservation).then().statusCode(200).body("quantity", is(10));
    }

    @Test
    void staffReadsButDoesNotChangeTheirCooperativeOrItsMembers() {
        Fixtures f = fixtures();
        String staff = TestTokens.staff(f.home());
        String details = "{\"name\": \"HTX Đổi tên\", \"phone\": \"0912345678\"}";
        String household = "{\"name\": \"Hộ mới\", \"phone\": \"0987654321\"}";
        Callers.as(staff).contentType(ContentType.JSON).body(details).put("/cooperatives/" + f.home())
                .then().statusCode(403).contentType("application/problem+json");
        Callers.as(staff).contentType(ContentType.JSON).body(household).post("/cooperatives/" + f.home() + "/members")
                .then().statusCode(403);
        Callers.as(staff).contentType(ContentType.JSON).body(household)
                .put("/cooperatives/" + f.home() + "/members/" + f.member()).then().statusCode(403);
        Callers.as(staff).get("/cooperatives/" + f.home() + "/members/" + f.member()).then().statusCode(200)
                .body("name", is("Hộ bà Nguyễn Thị Huệ"));
    }

    @Test
    void ownersAndStaffListOnlyTheirOwnCooperativeAndTheAdminListsEvery() {
        Fixtures f = fixtures();
        for (String token : List.of(TestTokens.owner(f.home()), TestTokens.staff(f.home()))) {
            Callers.as(token).queryParam("size", 100).get("/cooperatives").then().statusCode(200)
                    .body("totalItems", is(1)).body("items.id", contains((int) f.home()));
        }
        long all = db.number("SELECT COUNT(*) FROM cooperative");
        Callers.as(TestTokens.admin()).get("/cooperatives").then().statusCode(200).body("totalItems", is((int) all));
    }

    @Test
    void anotherCooperativesDataAnswersExactlyLikeDataThatDoesNotExist() {
        Fixtures f = fixtures();
        String stranger = TestTokens.owner(f.other());
        assertSameNotFound(Callers.as(stranger).get("/cooperatives/" + f.home()),
                Callers.as(stranger).get("/cooperatives/999999999"), "Cooperative", f.home());
        assertSameNotFound(Callers.as(stranger).get("/products/" + f.draft()),
                Callers.as(stranger).get("/products/999999999"), "Product", f.draft());
        assertSameNotFound(Callers.as(stranger).get("/products/" + f.inStock() + "/stock"),
                Callers.as(stranger).get("/products/999999999/stock"), "Product", f.inStock());
        Callers.as(stranger).contentType(ContentType.JSON)
                .body(CatalogApi.productBody(f.home(), "Hàng của HTX khác")).post("/products")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/invalid-reference"))
                .body("errors[0].field", is("cooperativeId"))
                .body("detail", is("cooperative " + f.home() + " does not exist"));
    }

    private static void assertSameNotFound(Response foreign, Response missing, String what, long id) {
        assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(foreign.contentType()).startsWith("application/problem+json").isEqualTo(missing.contentType());
        assertThat(foreign.jsonPath().getString("type")).isEqualTo(missing.jsonPath().getString("type"));
        assertThat(foreign.jsonPath().getString("title")).isEqualTo(missing.jsonPath().getString("title"));
        assertThat(foreign.jsonPath().getString("detail")).isEqualTo(what + " " + id + " does not exist");
        assertThat(foreign.jsonPath().getMap("$").keySet()).isEqualTo(missing.jsonPath().getMap("$").keySet());
    }

    private long ledgerEntries(long product) {
        return db.number("SELECT COUNT(*) FROM stock_ledger_entry WHERE product_id = ?", product);
    }

    private static Fixtures fixtures() {
        long home = CatalogApi.cooperative("HTX Quyền truy cập");
        long other = CatalogApi.cooperative("HTX Láng giềng");
        long member = CatalogApi.member(home, "Hộ bà Nguyễn Thị Huệ");
        long draft = CatalogApi.product(home, "Bánh gio nháp");
        long retiring = CatalogApi.product(home, "Bánh gio ngừng bán");
        long inStock = CatalogApi.productInStock(home, "Bánh gio đang bán", 1000);
        long session = 700_001;
        long reservedSession = 700_002;
        Callers.as(TestTokens.service()).contentType(ContentType.JSON).body(Map.of("quantity", 10))
                .put("/products/" + inStock + "/reservations/" + reservedSession).then().statusCode(200);
        long parkedEvent = ParkedEventRows.parkHarmless(Db.ofApplication(), "catalog-service-test.session-ends", home);
        return new Fixtures(home, other, member, draft, retiring, inStock, session, reservedSession, parkedEvent);
    }

    /** One rule per operation, in an order where no call breaks a later one. */
    private static List<AccessRule> rules(Fixtures f) {
        String cooperative = "/cooperatives/" + f.home();
        String draft = "/products/" + f.draft();
        String inStock = "/products/" + f.inStock();
        String reserved = inStock + "/reservations/" + f.reservedSession();
        String details = "{\"name\": \"HTX Quyền truy cập\", \"province\": \"Hà Nội\", \"phone\": \"0912345678\"}";
        String household = "{\"name\": \"Hộ ông Trần Văn Gio\", \"phone\": \"0987654321\"}";
        String product = "{\"name\": \"Bánh gio loại 1\", \"unit\": \"CAI\", \"priceVnd\": 16000}";
        String settlement = cooperative + "/settlement";
        String days = "?from=2026-12-01&days=31";
        String payout = "{\"memberId\": " + f.member() + "}";
        return List.of(
                protectedEndpoint("POST", "/cooperatives", "/cooperatives", 201, ADMIN).withBody(details),
                protectedEndpoint("GET", "/cooperatives", "/cooperatives", 200, ADMIN, OWNER, STAFF).foreign(200),
                protectedEndpoint("GET", "/cooperatives/{id}", cooperative, 200, ADMIN, OWNER, STAFF),
                protectedEndpoint("PUT", "/cooperatives/{id}", cooperative, 200, ADMIN, OWNER).withBody(details),
                protectedEndpoint("POST", "/cooperatives/{id}/members", cooperative + "/members", 201, ADMIN, OWNER)
                        .withBody(household),
                protectedEndpoint("GET", "/cooperatives/{id}/members", cooperative + "/members", 200,
                        ADMIN, OWNER, STAFF),
                protectedEndpoint("GET", "/cooperatives/{id}/members/{memberId}",
                        cooperative + "/members/" + f.member(), 200, ADMIN, OWNER, STAFF),
                protectedEndpoint("PUT", "/cooperatives/{id}/members/{memberId}",
                        cooperative + "/members/" + f.member(), 200, ADMIN, OWNER).withBody(household),

                protectedEndpoint("POST", "/products", "/products", 201, OWNER, STAFF)
                        .withBody(json(CatalogApi.productBody(f.home(), "Bánh gio mới"))).foreign(422),
                publicEndpoint("GET", "/products", "/products?cooperativeId=" + f.home(), 200),
                publicEndpoint("GET", "/products/{id}", inStock, 200),
                protectedEndpoint("PUT", "/products/{id}", draft, 200, OWNER, STAFF).withBody(product),
                protectedEndpoint("PATCH", "/products/{id}", draft, 200, OWNER, STAFF)
                        .withBody("{\"priceVnd\": 17000}"),
                protectedEndpoint("POST", "/products/{id}/activate", draft + "/activate", 200, OWNER, STAFF),
                protectedEndpoint("POST", "/products/{id}/retire", "/products/" + f.retiring() + "/retire", 200,
                        OWNER, STAFF),

                protectedEndpoint("GET", "/products/{productId}/stock", inStock + "/stock", 200, OWNER, STAFF),
                protectedEndpoint("GET", "/products/{productId}/stock/ledger", inStock + "/stock/ledger", 200,
                        OWNER, STAFF),
                protectedEndpoint("POST", "/products/{productId}/stock/receipts", inStock + "/stock/receipts", 201,
                        OWNER, STAFF).withBody("{\"quantity\": 5, \"note\": \"Mẻ mới\"}"),
                protectedEndpoint("POST", "/products/{productId}/stock/sales", inStock + "/stock/sales", 201,
                        OWNER, STAFF).withBody("{\"quantity\": 1, \"note\": \"Bán ở chợ\"}"),
                protectedEndpoint("POST", "/products/{productId}/stock/adjustments", inStock + "/stock/adjustments",
                        201, OWNER, STAFF).withBody("{\"delta\": -1, \"reason\": \"Kiểm kê\"}"),

                protectedEndpoint("GET", "/products/{productId}/reservations", inStock + "/reservations", 200,
                        OWNER, STAFF, SERVICE),
                protectedEndpoint("GET", "/products/{productId}/reservations/{sessionId}", reserved, 200,
                        OWNER, STAFF, SERVICE),
                protectedEndpoint("PUT", "/products/{productId}/reservations/{sessionId}",
                        inStock + "/reservations/" + f.session(), 200, SERVICE).withBody("{\"quantity\": 20}"),
                protectedEndpoint("POST", "/products/{productId}/reservations/{sessionId}/close", reserved + "/close",
                        200, SERVICE),
                protectedEndpoint("DELETE", "/products/{productId}/reservations/{sessionId}",
                        inStock + "/reservations/" + f.session(), 200, SERVICE),

                protectedEndpoint("GET", "/cooperatives/{id}/settlement/commission", settlement + "/commission", 200,
                        ADMIN, OWNER),
                protectedEndpoint("PUT", "/cooperatives/{id}/settlement/commission", settlement + "/commission", 200,
                        ADMIN, OWNER).withBody("{\"basisPoints\": 800}"),
                protectedEndpoint("GET", "/cooperatives/{id}/settlement/sessions/{sessionId}",
                        settlement + "/sessions/" + f.session(), 200, ADMIN, OWNER),
                protectedEndpoint("GET", "/cooperatives/{id}/settlement/sessions/{sessionId}/report.csv",
                        settlement + "/sessions/" + f.session() + "/report.csv", 200, ADMIN, OWNER),
                // Nothing counted for the member in these: the allowed caller gets as far as "nothing owed".
                protectedEndpoint("POST", "/cooperatives/{id}/settlement/sessions/{sessionId}/payouts",
                        settlement + "/sessions/" + f.session() + "/payouts", 409, OWNER).withBody(payout),
                protectedEndpoint("GET", "/cooperatives/{id}/settlement", settlement + days, 200, ADMIN, OWNER),
                protectedEndpoint("GET", "/cooperatives/{id}/settlement/report.csv", settlement + "/report.csv" + days,
                        200, ADMIN, OWNER),
                protectedEndpoint("POST", "/cooperatives/{id}/settlement/payouts", settlement + "/payouts" + days, 409,
                        OWNER).withBody(payout),

                protectedEndpoint("GET", "/admin/parked-events", "/admin/parked-events", 200, ADMIN, OWNER).foreign(200),
                protectedEndpoint("GET", "/admin/parked-events/{id}", "/admin/parked-events/" + f.parkedEvent(), 200,
                        ADMIN, OWNER),
                protectedEndpoint("POST", "/admin/parked-events/{id}/replay",
                        "/admin/parked-events/" + f.parkedEvent() + "/replay", 200, ADMIN, OWNER),
                protectedEndpoint("GET", "/admin/outbox/parked", "/admin/outbox/parked", 200, ADMIN),
                protectedEndpoint("POST", "/admin/outbox/parked/{id}/retry", "/admin/outbox/parked/0/retry", 404,
                        ADMIN));
    }

    private static String json(Map<String, Object> body) {
        try {
            return new ObjectMapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
