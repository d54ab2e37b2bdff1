package vn.chotdon.order;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import vn.chotdon.testing.contract.ApiContract;

/**
 * Sends with java.net.http, for tests that need many clients at once, and checks each answer
 * against order-service's OpenAPI document as REST Assured's filter does for the other tests.
 */
final class CheckedHttp {

    private CheckedHttp() {
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        ApiContract.of("http://localhost:" + RestAssured.port).check(request.method(), request.uri().getPath(),
                answer.statusCode(), answer.headers().map(), answer.body());
        return answer;
    }
}
