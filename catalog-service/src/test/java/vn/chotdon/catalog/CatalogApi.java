package vn.chotdon.catalog;

import io.restassured.http.ContentType;
import java.util.Map;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;

/**
 * Sets up cooperatives, members and products through the API, each call as the caller who may
 * make it: the platform admin registers the cooperative, its owner adds members, its staff the
 * products and their stock.
 */
final class CatalogApi {

    private CatalogApi() {
    }

    static long cooperative(String name) {
        return Callers.as(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "province", "Hà Nội", "commune", "Xã Đan Phượng", "phone", "0912 345 678"))
                .post("/cooperatives").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long member(long cooperativeId, String name) {
        return Callers.as(TestTokens.owner(cooperativeId)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "phone", "0987654321", "commune", "Xã Đan Phượng"))
                .post("/cooperatives/" + cooperativeId + "/members").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static Map<String, Object> productBody(long cooperativeId, String name) {
        return Map.of("cooperativeId", cooperativeId, "name", name, "unit", "CAI", "priceVnd", 15000,
                "description", "Bánh gio gói lá dong", "originCommune", "Xã Đan Phượng");
    }

    /** A product's changeable fields (PUT /products/{id}): its cooperative is not one of them. */
    static Map<String, Object> productChange(String name) {
        return Map.of("name", name, "unit", "CAI", "priceVnd", 15000, "description", "Bánh gio gói lá dong",
                "originCommune", "Xã Đan Phượng");
    }

    static long product(long cooperativeId, String name) {
        return Callers.as(TestTokens.staff(cooperativeId)).contentType(ContentType.JSON)
                .body(productBody(cooperativeId, name))
                .post("/products").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An ACTIVE product with {@code units} received into stock. */
    static long productInStock(long cooperativeId, String name, long units) {
        long id = product(cooperativeId, name);
        String staff = TestTokens.staff(cooperativeId);
        Callers.as(staff).post("/products/" + id + "/activate").then().statusCode(200);
        Callers.as(staff).contentType(ContentType.JSON).body(Map.of("quantity", units, "note", "first batch"))
                .post("/products/" + id + "/stock/receipts").then().statusCode(201);
        return id;
    }
}
