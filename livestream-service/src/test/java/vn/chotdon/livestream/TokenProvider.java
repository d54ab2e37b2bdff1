package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import vn.chotdon.testing.TestTokens;

/**
 * An OIDC provider's token endpoint stubbed with WireMock, as Keycloak answers the
 * client-credentials grant of livestream-service's client. The token it issues is a service token
 * the catalog stub accepts; tests get it in a field annotated {@link Issued}, and the server in one
 * annotated {@link Server}.
 */
public class TokenProvider implements QuarkusTestResourceLifecycleManager {

    static final String REALM = "/realms/chotdon";
    static final String TOKEN_PATH = "/protocol/openid-connect/token";
    static final String CLIENT_ID = "livestream-service";
    static final String CLIENT_SECRET = "cc-test-secret";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Issued {
    }

    private WireMockServer server;
    private String issued;

    @Override
    public Map<String, String> start() {
        issued = TestTokens.claims().role("service").subject("service-account-livestream-service").sign();
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo(REALM + TOKEN_PATH))
                .withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .withRequestBody(containing("grant_type=client_credentials"))
                .willReturn(okJson(LivestreamApi.json(Map.of("access_token", issued, "token_type", "Bearer",
                        "expires_in", 300)))));
        return Map.of("chotdon.service-token.source", "client-credentials",
                "quarkus.oidc-client.auth-server-url", server.baseUrl() + REALM,
                "quarkus.oidc-client.discovery-enabled", "false",
                "quarkus.oidc-client.token-path", TOKEN_PATH,
                "quarkus.oidc-client.client-id", CLIENT_ID,
                "quarkus.oidc-client.credentials.secret", CLIENT_SECRET);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
        injector.injectIntoFields(issued, new TestInjector.AnnotatedAndMatchesType(Issued.class, String.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
