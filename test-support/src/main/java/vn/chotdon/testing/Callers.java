package vn.chotdon.testing;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Who REST Assured's {@code given()} calls as. {@link #actAs} makes every following request carry
 * the bearer token (a test class sets it once for the cooperative it works in); a request that
 * sets its own Authorization header replaces it, and {@link #anonymous()} sends none.
 */
public final class Callers {

    private Callers() {
    }

    public static void actAs(String token) {
        configure();
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + token).build();
    }

    public static void anonymous() {
        configure();
        RestAssured.requestSpecification = null;
    }

    /** A request as this token, whatever the default caller is. */
    public static RequestSpecification as(String token) {
        configure();
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    private static void configure() {
        RestAssured.config = RestAssured.config().headerConfig(
                HeaderConfig.headerConfig().overwriteHeadersWithName("Authorization", "Content-Type", "Accept"));
    }
}
