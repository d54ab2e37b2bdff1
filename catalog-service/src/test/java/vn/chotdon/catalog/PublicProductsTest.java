package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;

/**
 * What a viewer of a live sale may read without signing in: ACTIVE products, and nothing of a
 * cooperative's products in the making or retired, nor anyone's phone.
 */
@QuarkusTest
class PublicProductsTest {

    long coop;
    long other;
    long member;
    long draft;
    long active;
    long retired;

    @BeforeEach
    void aCooperativeWithProductsInEveryStatus() {
        coop = CatalogApi.cooperative("HTX Công khai");
        other = CatalogApi.cooperative("HTX Bên cạnh");
        member = CatalogApi.member(coop, "Hộ bà Phạm Thị Gio");
        String staff = TestTokens.staff(coop);
        draft = CatalogApi.product(coop, "Bánh gio chưa bán");
        active = Callers.as(staff).contentType(ContentType.JSON)
                .body(Map.of("cooperativeId", coop, "memberId", member, "name", "Bánh gio đang bán", "unit", "CAI",
                        "priceVnd", 15000))
                .post("/products").then().statusCode(201).extract().jsonPath().getLong("id");
        Callers.as(staff).post("/products/" + active + "/activate").then().statusCode(200);
        retired = CatalogApi.product(coop, "Bánh gio đã ngừng");
        Callers.as(staff).post("/products/" + retired + "/retire").then().statusCode(200);
    }

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void withoutATokenOnlyActiveProductsExist() {
        assertSeesOnlyActive(null);
    }

    @Test
    void anotherCooperativesPeopleAndThePlatformAdminSeeOnlyActiveProductsToo() {
        assertSeesOnlyActive(TestTokens.staff(other));
        assertSeesOnlyActive(TestTokens.owner(other));
        assertSeesOnlyActive(TestTokens.admin());
    }

    @Test
    void theCooperativesOwnerAndStaffAndOtherServicesSeeEveryProduct() {
        for (String token : List.of(TestTokens.owner(coop), TestTokens.staff(coop), TestTokens.service())) {
            as(token).queryParam("cooperativeId", coop).get("/products").then().statusCode(200)
                    .body("items.id", containsInAnyOrder((int) draft, (int) active, (int) retired));
            as(token).get("/products/" + draft).then().statusCode(200).body("status", is("DRAFT"));
            as(token).get("/products/" + retired).then().statusCode(200).body("status", is("RETIRED"));
        }
    }

    @Test
    void productsCarryNoPhoneOfTheCooperativeOrItsMembers() {
        for (String token : Arrays.asList(null, TestTokens.owner(coop))) {
            String one = as(token).get("/products/" + active).then().statusCode(200)
                    .body("memberId", is((int) member)).extract().asString();
            String list = as(token).queryParam("cooperativeId", coop).get("/products").then().statusCode(200)
                    .extract().asString();
            for (String body : List.of(one, list)) {
                assertThat(body).doesNotContain("phone").doesNotContain("912345678").doesNotContain("987654321");
            }
        }
    }

    /** @param token the viewer's bearer token, or null for someone who has none */
    private void assertSeesOnlyActive(String token) {
        as(token).queryParam("cooperativeId", coop).get("/products").then().statusCode(200)
                .body("totalItems", is(1)).body("items[0].id", is((int) active));
        as(token).queryParam("cooperativeId", coop).queryParam("status", "DRAFT").get("/products").then()
                .statusCode(200).body("totalItems", is(0));
        as(token).get("/products/" + active).then().statusCode(200).body("status", is("ACTIVE"));
        for (long hidden : List.of(draft, retired)) {
            as(token).get("/products/" + hidden).then().statusCode(404).contentType("application/problem+json")
                    .body("type", is("https://chotdon.vn/problems/not-found"))
                    .body("detail", is("Product " + hidden + " does not exist"));
        }
    }

    private static RequestSpecification as(String token) {
        if (token == null) {
            Callers.anonymous();
            return given();
        }
        return Callers.as(token);
    }
}
