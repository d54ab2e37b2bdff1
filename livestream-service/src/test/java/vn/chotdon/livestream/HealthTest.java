package vn.chotdon.livestream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

    @Test
    void answersHealth() {
        given().when().get("/q/health").then().statusCode(200).body("status", is("UP"));
    }
}
