package vn.chotdon.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

@QuarkusTest
class ProductResourceTest {

    Db db = Db.ofApplication();

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void createsReadsAndKeepsVietnameseTextIntact() {
        long coop = CatalogApi.cooperative("HTX Nông nghiệp Đan Phượng");
        long member = CatalogApi.member(coop, "Hộ bà Nguyễn Thị Huệ");
        Callers.actAs(TestTokens.staff(coop));
        long id = given().contentType(ContentType.JSON)
                .body(Map.of("cooperativeId", coop, "memberId", member, "name", "Bánh gio Thanh Huệ",
                        "description", "Bánh gio gói lá dong, nhân đường mật", "unit", "cái", "priceVnd", 15000,
                        "ocopStars", 4, "originCommune", "Xã Đan Phượng, Hà Nội",
                        "imageUrls", List.of("https://cdn.example.vn/banh-gio-1.jpg")))
                .post("/products")
                .then().statusCode(201)
                .header("Location", containsString("/products/"))
                .body("status", is("DRAFT"))
                .body("unit", is("CAI"))
                .body("unitLabel", is("cái"))
                .extract().jsonPath().getLong("id");

        given().get("/products/" + id).then().statusCode(200)
                .body("name", is("Bánh gio Thanh Huệ"))
                .body("memberId", is((int) member))
                .body("ocopStars", is(4))
                .body("priceVnd", is(15000))
                .body("imageUrls", contains("https://cdn.example.vn/banh-gio-1.jpg"));
        assertThat(db.text("SELECT name FROM product WHERE id = ?", id)).isEqualTo("Bánh gio Thanh Huệ");
        assertThat(db.number("SELECT available + reserved FROM product_stock WHERE product_id = ?", id)).isZero();
    }

    @Test
    void replacesAllFieldsAndPatchesSome() {
        long coop = CatalogApi.cooperative("HTX Rau sạch Mê Linh");
        long id = CatalogApi.product(coop, "Rau muống");
        Callers.actAs(TestTokens.staff(coop));

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Rau muống sạch", "unit", "BO", "priceVnd", 8000, "ocopStars", 3))
                .put("/products/" + id)
                .then().statusCode(200)
                .body("name", is("Rau muống sạch"))
                .body("unit", is("BO"))
                .body("description", nullValue())
                .body("version", is(1));

        given().contentType("application/merge-patch+json")
                .body("{\"priceVnd\": 9000, \"ocopStars\": null}")
                .patch("/products/" + id)
                .then().statusCode(200)
                .body("priceVnd", is(9000))
                .body("ocopStars", nullValue())
                .body("name", is("Rau muống sạch"))
                .body("unit", is("BO"));

        given().contentType(ContentType.JSON).body("{\"priceVnd\": -1, \"name\": \"\"}")
                .patch("/products/" + id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("name", "priceVnd"));
        assertThat(db.number("SELECT price_vnd FROM product WHERE id = ?", id)).isEqualTo(9000);
    }

    @Test
    void refusesAMergePatchNamingFieldsAProductDoesNotHaveAndChangesNothing() {
        long coop = CatalogApi.cooperative("HTX Gạo ST25 Sóc Trăng");
        long id = CatalogApi.product(coop, "Gạo ST25 Sóc Trăng");
        Callers.actAs(TestTokens.staff(coop));
        given().contentType(ContentType.JSON).body(Map.of("name", "Gạo ST25 Sóc Trăng", "unit", "KG",
                "priceVnd", 38000, "ocopStars", 5)).put("/products/" + id).then().statusCode(200);
        long version = db.number("SELECT version FROM product WHERE id = ?", id);

        given().contentType("application/merge-patch+json")
                .body("{\"priceVnd\": 35000, \"perBuyerLimt\": 3, \"nmae\": \"Gạo thường\"}")
                .patch("/products/" + id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/validation"))
                .body("errors.field", contains("perBuyerLimt", "nmae"))
                .body("errors[0].message", containsString("priceVnd"));

        given().get("/products/" + id).then().statusCode(200)
                .body("name", is("Gạo ST25 Sóc Trăng"))
                .body("priceVnd", is(38000))
                .body("ocopStars", is(5));
        assertThat(db.number("SELECT version FROM product WHERE id = ?", id)).as("version").isEqualTo(version);
    }

    @Test
    void followsTheStatusLifecycle() {
        long coop = CatalogApi.cooperative("HTX Chè Tân Cương");
        long id = CatalogApi.product(coop, "Chè búp Tân Cương");
        Callers.actAs(TestTokens.owner(coop));

        given().post("/products/" + id + "/activate").then().statusCode(200).body("status", is("ACTIVE"));
        given().post("/products/" + id + "/activate").then().statusCode(200).body("status", is("ACTIVE"));
        given().post("/products/" + id + "/retire").then().statusCode(200).body("status", is("RETIRED"));
        given().post("/products/" + id + "/activate").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/illegal-status-change"))
                .body("currentStatus", is("RETIRED"));
        given().contentType(ContentType.JSON).body(CatalogApi.productChange("Chè mới"))
                .put("/products/" + id).then().statusCode(409)
                .body("type", is("https://chotdon.vn/problems/product-retired"));
    }

    @Test
    void refusesAMemberOfAnotherCooperativeAndAnUnknownCooperative() {
        long coop = CatalogApi.cooperative("HTX Bưởi Diễn");
        long other = CatalogApi.cooperative("HTX Cam Cao Phong");
        long stranger = CatalogApi.member(other, "Hộ ông Lê Văn Cam");
        Callers.actAs(TestTokens.staff(coop));
        long before = db.number("SELECT COUNT(*) FROM product");

        given().contentType(ContentType.JSON)
                .body(Map.of("cooperativeId", coop, "memberId", stranger, "name", "Bưởi Diễn", "unit", "QUA",
                        "priceVnd", 60000))
                .post("/products").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", is("memberId"));
        given().contentType(ContentType.JSON)
                .body(Map.of("cooperativeId", 999_999_999, "name", "Bưởi", "unit", "QUA", "priceVnd", 60000))
                .post("/products").then().statusCode(422)
                .body("errors[0].field", is("cooperativeId"));
        assertThat(db.number("SELECT COUNT(*) FROM product")).isEqualTo(before);
    }

    @Test
    void answersProblemJsonForWhatDoesNotExist() {
        given().get("/products/987654321").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/not-found"))
                .body("detail", is("Product 987654321 does not exist"));
        given().get("/products/not-a-number").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("id"));
        given().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void searchesNamesWithOrWithoutDiacriticsInAnyCase() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long coop = CatalogApi.cooperative("HTX Tìm kiếm " + tag);
        long banhGio = CatalogApi.product(coop, "Bánh gio Thanh Huệ " + tag);
        long banhChung = CatalogApi.product(coop, "Bánh chưng Tranh Khúc " + tag);
        CatalogApi.product(coop, "Gạo nếp cái hoa vàng " + tag);
        Callers.actAs(TestTokens.staff(coop));

        for (String q : List.of("banh gio", "BÁNH GIO", "Bánh gio thanh hue", "huệ", "gio thanh")) {
            given().queryParam("cooperativeId", coop).queryParam("q", q).get("/products")
                    .then().statusCode(200)
                    .body("totalItems", is(1))
                    .body("items[0].id", is((int) banhGio));
        }
        given().queryParam("cooperativeId", coop).queryParam("q", "banh").get("/products")
                .then().body("totalItems", is(2)).body("items.id", contains((int) banhGio, (int) banhChung));
        given().queryParam("cooperativeId", coop).queryParam("q", "dong").get("/products")
                .then().body("totalItems", is(0));
        given().queryParam("cooperativeId", coop).queryParam("q", "100%_").get("/products")
                .then().statusCode(200).body("totalItems", is(0));
    }

    @Test
    void listsPageByPageWithFilters() {
        long coop = CatalogApi.cooperative("HTX Phân trang");
        Callers.actAs(TestTokens.owner(coop));
        for (int i = 0; i < 5; i++) {
            CatalogApi.product(coop, "Sản phẩm " + i);
        }
        long active = CatalogApi.product(coop, "Sản phẩm đang bán");
        given().post("/products/" + active + "/activate").then().statusCode(200);

        given().queryParam("cooperativeId", coop).queryParam("size", 4).get("/products")
                .then().statusCode(200)
                .body("totalItems", is(6)).body("totalPages", is(2)).body("items.size()", is(4));
        given().queryParam("cooperativeId", coop).queryParam("size", 4).queryParam("page", 1).get("/products")
                .then().body("items.size()", is(2));
        given().queryParam("cooperativeId", coop).queryParam("status", "ACTIVE").get("/products")
                .then().body("totalItems", is(1)).body("items[0].id", equalTo((int) active));
        given().queryParam("cooperativeId", coop).queryParam("status", "active").get("/products")
                .then().body("totalItems", is(1));
        given().queryParam("status", "SOLD").get("/products")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("DRAFT, ACTIVE, RETIRED"));
        given().queryParam("size", 1000).get("/products")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("size"));
    }
}
