package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;

/**
 * The production option: livestream-service gets its service token from an OIDC provider with the
 * client-credentials grant ({@code chotdon.service-token.source=client-credentials}), and catalog
 * calls carry exactly the token the provider issued.
 */
@QuarkusTest
@TestProfile(ClientCredentialsTokenTest.FromOidcProvider.class)
class ClientCredentialsTokenTest {

    /** The client-credentials source, against the stubbed provider. */
    public static class FromOidcProvider implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TokenProvider.class));
        }
    }

    @CatalogStub.Server
    WireMockServer catalog;

    @TokenProvider.Server
    WireMockServer provider;

    @TokenProvider.Issued
    String issued;

    @Test
    void catalogCallsCarryTheTokenTheProviderIssued() {
        long coop = LivestreamApi.cooperative();
        Callers.actAs(TestTokens.staff(coop));
        long session = LivestreamApi.session(coop);
        long product = LivestreamApi.product(catalog, coop);
        LivestreamApi.item(session, "BG01", product, 100);
        LivestreamApi.start(session);
        LivestreamApi.end(session);

        List<LoggedRequest> calls = catalog.findAll(anyRequestedFor(urlPathMatching("/products/" + product + "(/.*)?")));
        assertThat(calls).extracting(call -> call.getMethod().getName() + " " + call.getUrl()).as("(a retry may repeat one)")
                .containsOnly("GET /products/" + product,
                        "PUT " + LineupTest.reservation(product, session),
                        "POST " + LineupTest.reservation(product, session) + "/close");
        assertThat(calls).extracting(call -> call.getHeader("Authorization")).containsOnly("Bearer " + issued);
        assertThat(provider.findAll(postRequestedFor(urlEqualTo(TokenProvider.REALM + TokenProvider.TOKEN_PATH))))
                .as("token requests: one token, kept for its lifetime").hasSize(1);
    }
}
