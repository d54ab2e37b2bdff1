package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * catalog-service stubbed over HTTP with WireMock on a free port. Like catalog-service, it
 * refuses with 401 every call that does not carry a valid service token ({@link ServiceTokenCheck}),
 * so a call livestream-service makes without one fails the test that causes it. Reservation
 * calls of any product answer 200 unless a test stubs something else for its own product;
 * products are stubbed per test (see {@link LivestreamApi#product}). Tests get the server in a
 * field annotated {@link Server}.
 */
public class CatalogStub implements QuarkusTestResourceLifecycleManager {

    /** Marks the test's {@code WireMockServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().containerThreads(40).extensions(new ServiceTokenRequired()));
        server.start();
        server.stubFor(any(urlPathMatching("/products/\\d+/reservations/\\d+(/close)?")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"quantity\": 0}")));
        return Map.of("quarkus.rest-client.catalog.url", server.baseUrl());
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

    /** Answers 401 problem+json, as catalog-service does, to a call without a valid service token. */
    static final class ServiceTokenRequired implements StubRequestFilterV2 {

        @Override
        public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
            try {
                ServiceTokenCheck.claims(request.getHeader("Authorization"));
                return RequestFilterAction.continueWith(request);
            } catch (IllegalArgumentException refused) {
                return RequestFilterAction.stopWith(aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/problem+json")
                        .withHeader("WWW-Authenticate", "Bearer")
                        .withBody(LivestreamApi.json(Map.of("type", "https://chotdon.vn/problems/unauthorized",
                                "title", "Sign-in required", "status", 401, "detail", refused.getMessage())))
                        .build());
            }
        }

        @Override
        public String getName() {
            return "service-token-required";
        }
    }
}
