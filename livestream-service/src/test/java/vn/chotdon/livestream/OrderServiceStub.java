package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * order-service stubbed over HTTP with WireMock on a free port, refusing with 401 every call
 * without a valid service token, as order-service does. A withdrawal of any lineup item answers
 * 204 (nothing taken) unless a test stubs another answer for its own item. Tests get the server in
 * a field annotated {@link Server}.
 */
public class OrderServiceStub implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@code WireMockServer} field of order-service. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().extensions(new CatalogStub.ServiceTokenRequired()));
        server.start();
        server.stubFor(put(urlPathMatching("/sessions/\\d+/lineup/\\d+/withdrawal")).atPriority(10)
                .willReturn(aResponse().withStatus(204)));
        return Map.of("quarkus.rest-client.orders.url", server.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
