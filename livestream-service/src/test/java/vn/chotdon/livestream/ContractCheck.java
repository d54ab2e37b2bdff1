package vn.chotdon.livestream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.chotdon.testing.contract.ApiContract;

/**
 * Checks answers received with java.net.http.HttpClient (which REST Assured's contract filter does
 * not see) against livestream-service's OpenAPI document.
 */
final class ContractCheck {

    private ContractCheck() {
    }

    /** An answer whose body was read whole. */
    static void answer(HttpResponse<String> answer) {
        URI uri = answer.request().uri();
        ApiContract.of(origin(uri)).check(answer.request().method(), uri.getRawPath(), answer.statusCode(),
                headers(answer), answer.body());
    }

    /**
     * The status and headers of a Server-Sent Events stream that has just opened: its body is still
     * coming, so only that part of the contract can be judged now.
     */
    static void streamOpened(HttpResponse<?> answer) {
        URI uri = answer.request().uri();
        List<String> broken = ApiContract.of(origin(uri)).violations(answer.request().method(), uri.getRawPath(),
                answer.statusCode(), headers(answer), null).stream()
                .filter(violation -> !violation.startsWith("validation.response.body.missing"))
                .toList();
        assertThat(broken).as("the stream's answer to %s breaks the OpenAPI document", uri).isEmpty();
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static Map<String, List<String>> headers(HttpResponse<?> answer) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> headers
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        return headers;
    }
}
