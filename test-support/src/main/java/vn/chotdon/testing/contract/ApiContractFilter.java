package vn.chotdon.testing.contract;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks every answer REST Assured receives against the OpenAPI document of the service that gave it. */
public final class ApiContractFilter implements OrderedFilter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getPath() == null || uri.getPath().startsWith("/q/")) {
            return response;
        }
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .add(header.getValue());
        }
        String body = isText(response.getContentType()) ? response.getBody().asString() : null;
        ApiContract.of(origin).check(request.getMethod(), uri.getRawPath(), response.getStatusCode(), headers, body);
        return response;
    }

    private static boolean isText(String contentType) {
        if (contentType == null || contentType.isEmpty()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("json") || type.startsWith("text/") || type.contains("xml");
    }

    /** Last, so that it sees the answer as the test does. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }
}
