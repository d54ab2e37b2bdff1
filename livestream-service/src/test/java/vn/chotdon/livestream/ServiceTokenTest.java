package vn.chotdon.livestream;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import vn.chotdon.livestream.client.ServiceToken;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;

/**
 * livestream-service calls catalog-service with a service token of its own, signed in-process
 * with the development key (the default, {@code chotdon.service-token.source=signed}): never
 * with the token of the person who called it.
 */
@QuarkusTest
class ServiceTokenTest {

    @CatalogStub.Server
    WireMockServer catalog;

    @Inject
    ServiceToken serviceToken;

    @Test
    void everyCatalogCallCarriesAShortLivedServiceTokenSignedHere() throws Exception {
        long coop = LivestreamApi.cooperative();
        String staff = TestTokens.staff(coop);
        Callers.actAs(staff);
        long session = LivestreamApi.session(coop);
        long product = LivestreamApi.product(catalog, coop);
        LivestreamApi.item(session, "BG01", product, 100);
        LivestreamApi.start(session);
        LivestreamApi.end(session);

        List<LoggedRequest> calls = catalog.findAll(anyRequestedFor(urlPathMatching("/products/" + product + "(/.*)?")));
        assertThat(calls).extracting(call -> call.getMethod().getName() + " " + call.getUrl()).containsExactly(
                "GET /products/" + product,
                "PUT " + LineupTest.reservation(product, session),
                "POST " + LineupTest.reservation(product, session) + "/close");
        for (LoggedRequest call : calls) {
            String authorization = call.getHeader("Authorization");
            assertThat(authorization).as("the caller's own token never reaches catalog").isNotEqualTo("Bearer " + staff);
            JwtClaims claims = ServiceTokenCheck.claims(authorization);
            assertThat(claims.getSubject()).isEqualTo(ServiceToken.SUBJECT);
            assertThat(claims.getIssuer()).isEqualTo(TestTokens.ISSUER);
            assertThat(claims.getAudience()).containsExactly(TestTokens.AUDIENCE);
            assertThat(claims.getStringListClaimValue("groups")).containsExactly("service");
            assertThat(claims.hasClaim("cooperative_id")).as("not bound to a cooperative").isFalse();
            assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue())
                    .as("lifetime in seconds").isEqualTo(300);
        }
    }

    @Test
    void theTokenIsKeptNotSignedForEveryCall() {
        assertThat(serviceToken.token().await().indefinitely()).isEqualTo(serviceToken.token().await().indefinitely());
    }

    @Test
    void theCatalogStubRefusesACallWithoutAServiceToken() throws Exception {
        long product = LivestreamApi.product(catalog, LivestreamApi.cooperative());
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(catalog.baseUrl() + "/products/" + product);
        assertThat(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("no token").isEqualTo(401);
        String staff = "Bearer " + TestTokens.staff(1);
        assertThat(http.send(HttpRequest.newBuilder(uri).header("Authorization", staff).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("a staff token").isEqualTo(401);
        assertThatThrownBy(() -> ServiceTokenCheck.claims(staff)).hasMessageContaining("[staff]");
        assertThat(http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TestTokens.service())
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("a service token").isEqualTo(200);
    }
}
