package vn.chotdon.catalog;

import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.TestTokens;

/**
 * Real requests to a protected endpoint with tokens that must not get in: each is answered 401
 * problem+json with a Bearer challenge, and the detail does not say what was wrong with it.
 */
@QuarkusTest
class BearerTokenVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    long home;
    long other;

    @BeforeEach
    void twoCooperatives() {
        home = CatalogApi.cooperative("HTX Chữ ký số");
        other = CatalogApi.cooperative("HTX Người lạ");
    }

    @AfterEach
    void signOut() {
        Callers.anonymous();
    }

    @Test
    void aValidTokenGetsIn() {
        callHomeWith(TestTokens.staff(home)).statusCode(200).body("id", is((int) home));
        callHomeWith(TestTokens.admin()).statusCode(200);
    }

    @Test
    void anExpiredTokenBeyondTheClockSkew() {
        assertRefused(staffOfHome().issuedAt(Instant.now().minus(Duration.ofHours(1)))
                .expiresAt(Instant.now().minus(Duration.ofMinutes(2))).sign());
    }

    @Test
    void aTokenNotValidYet() throws Exception {
        callHomeWith(staffOfHomeNotBefore(Instant.now().minus(Duration.ofMinutes(1)))).statusCode(200);
        assertRefused(staffOfHomeNotBefore(Instant.now().plus(Duration.ofMinutes(10))));
    }

    @Test
    void aTokenIssuedAfterItExpires() {
        assertRefused(staffOfHome().issuedAt(Instant.now().plus(Duration.ofHours(2)))
                .expiresAt(Instant.now().plus(Duration.ofHours(1))).sign());
    }

    @Test
    void aWrongIssuer() {
        assertRefused(staffOfHome().issuer("https://login.example.com/realms/other").sign());
    }

    @Test
    void aWrongAudience() {
        assertRefused(staffOfHome().audience("another-application").sign());
    }

    @Test
    void aSignatureOfAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        assertRefused(staffOfHome().signedWith(generator.generateKeyPair().getPrivate()).sign());
    }

    @Test
    void anUnsignedToken() {
        assertRefused(staffOfHome().unsigned().sign());
    }

    @Test
    void aTokenWhoseClaimsWereChangedAfterSigning() {
        String genuine = TestTokens.staff(home);
        String otherCooperative = tampered(genuine, Map.of(Caller.COOPERATIVE_CLAIM, other));
        String admin = tampered(genuine, Map.of("groups", List.of("admin")));
        assertRefused(otherCooperative, "/cooperatives/" + other);
        assertRefused(admin, "/cooperatives/" + other);
        assertRefused(admin, "/cooperatives");
    }

    @Test
    void garbageInsteadOfAToken() {
        assertRefused("not-a-token");
        assertRefused("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2lnbmF0dXJl");
    }

    @Test
    void aBadTokenIsRefusedEvenWhereNoneIsNeeded() {
        String expired = staffOfHome().issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).sign();
        Callers.as(expired).get("/products").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anOwnerTokenWithoutItsCooperativeIsForbidden() {
        callHomeWith(TestTokens.claims().role("owner").sign()).statusCode(403)
                .contentType("application/problem+json")
                .body("type", is("https://chotdon.vn/problems/forbidden"));
    }

    @Test
    void aCooperativeClaimOfTheWrongTypeBindsToNoCooperative() {
        for (Object wrong : List.of("HTX Chữ ký số", Map.of("id", home), List.of(home), true, home + 0.5, -home, 0)) {
            callHomeWith(TestTokens.claims().role("staff").cooperative(wrong).sign()).statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", is("https://chotdon.vn/problems/forbidden"));
        }
    }

    @Test
    void aCooperativeClaimWrittenAsTextStillNamesTheCooperative() {
        callHomeWith(TestTokens.claims().role("staff").cooperative(Long.toString(home)).sign()).statusCode(200);
    }

    /** Claims of a staff member of the home cooperative, valid until a test spoils them. */
    private TestTokens.Claims staffOfHome() {
        return TestTokens.claims().role("staff").cooperative(home);
    }

    /** The test tokens have no "not before" claim: this one is signed here, with the same development key. */
    private String staffOfHomeNotBefore(Instant notBefore) throws IOException, GeneralSecurityException {
        String pem = Files.readString(TestTokens.privateKeyFile(), StandardCharsets.US_ASCII);
        return Jwt.issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("test-staff-" + home)
                .groups(Set.of("staff")).claim(Caller.COOPERATIVE_CLAIM, home)
                .claim(Claims.nbf, notBefore.getEpochSecond())
                .expiresAt(Instant.now().plus(Duration.ofHours(1)))
                .sign(KeyUtils.decodePrivateKey(pem));
    }

    private void assertRefused(String token) {
        assertRefused(token, "/cooperatives/" + home);
    }

    private static void assertRefused(String token, String path) {
        callWith(token, path).statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", is("https://chotdon.vn/problems/unauthorized"))
                .body("detail", is("This request needs a valid bearer token (Authorization: Bearer ...)"));
    }

    private ValidatableResponse callHomeWith(String token) {
        return callWith(token, "/cooperatives/" + home);
    }

    private static ValidatableResponse callWith(String token, String path) {
        return Callers.as(token).get(path).then();
    }

    /** The token with some payload claims replaced, and its original header and signature kept. */
    private static String tampered(String token, Map<String, Object> changes) {
        String[] parts = token.split("\\.");
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            changes.forEach((name, value) -> payload.set(name, JSON.valueToTree(value)));
            String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload));
            return parts[0] + "." + changed + "." + parts[2];
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
