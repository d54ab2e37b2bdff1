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
        check(request, answer);
        return answer;
    }

    /** The check alone, for a test that times its answers: the check's own time is not the service's. */
    static void check(HttpRequest request, HttpResponse<String> answer) {
        ApiContract.of("http://localhost:" + RestAssured.port).check(request.method(), request.uri().getPath(),
                answer.statusCode(), answer.headers().map(), answer.body());
    }
}
