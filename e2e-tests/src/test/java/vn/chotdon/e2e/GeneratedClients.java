package vn.chotdon.e2e;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Java clients generated from the three services' OpenAPI documents (module api-clients), set up
 * for one caller: with a bearer token, or with none for a buyer. Every answer they receive is checked
 * against the document of the service that gave it.
 */
final class GeneratedClients {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    final vn.chotdon.client.catalog.ApiClient catalog;
    final vn.chotdon.client.livestream.ApiClient livestream;
    final vn.chotdon.client.order.ApiClient order;

    private GeneratedClients(String token, ServiceProcess catalogInstance, ServiceProcess livestreamInstance,
            ServiceProcess orderInstance) {
        String catalogOrigin = catalogInstance.url();
        catalog = new vn.chotdon.client.catalog.ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return new ContractCheckedHttpClient(catalogOrigin, TIMEOUT);
            }
        };
        catalog.updateBaseUri(catalogOrigin);
        catalog.setReadTimeout(TIMEOUT);
        catalog.setRequestInterceptor(bearer(token));

        String livestreamOrigin = livestreamInstance.url();
        livestream = new vn.chotdon.client.livestream.ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return new ContractCheckedHttpClient(livestreamOrigin, TIMEOUT);
            }
        };
        livestream.updateBaseUri(livestreamOrigin);
        livestream.setReadTimeout(TIMEOUT);
        livestream.setRequestInterceptor(bearer(token));

        String orderOrigin = orderInstance.url();
        order = new vn.chotdon.client.order.ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return new ContractCheckedHttpClient(orderOrigin, TIMEOUT);
            }
        };
        order.updateBaseUri(orderOrigin);
        order.setReadTimeout(TIMEOUT);
        order.setRequestInterceptor(bearer(token));
    }

    /** A caller with this token, on instance {@code instance} of each service. */
    static GeneratedClients as(String token, LiveSystem system, int instance) {
        return new GeneratedClients(token, system.catalog.instance(instance), system.livestream.instance(instance),
                system.order.instance(instance));
    }

    /** A buyer: no token at all. */
    static GeneratedClients anonymous(LiveSystem system, int instance) {
        return as(null, system, instance);
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return token == null ? null : request -> request.header("Authorization", "Bearer " + token);
    }
}
