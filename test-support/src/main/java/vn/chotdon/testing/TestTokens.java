package vn.chotdon.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Real RS256 bearer tokens signed with the development key pair that {@code ./chotdon keys}
 * generates (.chotdon/keys), as an OIDC provider would issue them: for the tests, the demo and
 * the benchmark. {@link #claims()} also makes the wrong ones (expired, foreign issuer...).
 */
public final class TestTokens {

    /** As ./chotdon and the services read them: CHOTDON_JWT_ISSUER and CHOTDON_JWT_AUDIENCE, or the development defaults. */
    public static final String ISSUER = environment("CHOTDON_JWT_ISSUER", "chotdon-dev");
    public static final String AUDIENCE = environment("CHOTDON_JWT_AUDIENCE", "chotdon");

    private TestTokens() {
    }

    public static String admin() {
        return claims().role("admin").sign();
    }

    public static String service() {
        return claims().role("service").sign();
    }

    public static String owner(long cooperativeId) {
        return claims().role("owner").cooperative(cooperativeId).sign();
    }

    public static String staff(long cooperativeId) {
        return claims().role("staff").cooperative(cooperativeId).sign();
    }

    /** A token of this role; owner and staff are bound to the cooperative. */
    public static String of(String role, Long cooperativeId) {
        Claims claims = claims().role(role);
        return cooperativeId == null ? claims.sign() : claims.cooperative(cooperativeId).sign();
    }

    public static Claims claims() {
        return new Claims();
    }

    public static Path keysDirectory() {
        String state = System.getenv("CHOTDON_STATE_DIR");
        Path dir = state == null || state.isBlank() ? LocalInfrastructure.repositoryRoot().resolve(".chotdon")
                : Path.of(state);
        return dir.resolve("keys");
    }

    public static Path publicKeyFile() {
        return ensureKeys().resolve("dev-public.pem");
    }

    public static Path privateKeyFile() {
        return ensureKeys().resolve("dev-private.pem");
    }

    private static Path ensureKeys() {
        Path dir = keysDirectory();
        if (!Files.isRegularFile(dir.resolve("dev-private.pem"))) {
            LocalInfrastructure.chotdon("keys");
        }
        return dir;
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static PrivateKey readPrivateKey(Path pem) {
        try {
            String base64 = Files.readString(pem, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the private key " + pem, e);
        }
    }

    /** The claims of one token, valid by default for an hour; each setter makes it differ. */
    public static final class Claims {
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private List<String> roles = List.of();
        private Object cooperative;
        private String subject;
        private Instant issuedAt = Instant.now();
        private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        private PrivateKey key;
        private boolean unsigned;

        public Claims role(String... roles) {
            this.roles = List.of(roles);
            return this;
        }

        /** The cooperative claim; any JSON value, so that tests can send a wrong one. */
        public Claims cooperative(Object cooperativeId) {
            this.cooperative = cooperativeId;
            return this;
        }

        public Claims subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Claims issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Claims audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Claims issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Claims expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Signs with another key than the development one the services trust. */
        public Claims signedWith(PrivateKey key) {
            this.key = key;
            return this;
        }

        /** {@code alg: none}, no signature at all. */
        public Claims unsigned() {
            this.unsigned = true;
            return this;
        }

        public String sign() {
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(issuer);
            claims.setAudience(audience);
            String sub = subject != null ? subject
                    : "test-" + String.join("-", roles) + (cooperative == null ? "" : "-" + cooperative);
            claims.setSubject(sub);
            claims.setClaim("upn", sub);
            claims.setStringListClaim("groups", roles);
            if (cooperative != null) {
                claims.setClaim("cooperative_id", cooperative);
            }
            claims.setIssuedAt(NumericDate.fromMilliseconds(issuedAt.toEpochMilli()));
            claims.setExpirationTime(NumericDate.fromMilliseconds(expiresAt.toEpochMilli()));
            claims.setJwtId(UUID.randomUUID().toString());
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setHeader("typ", "JWT");
            try {
                if (unsigned) {
                    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
                    jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
                    return jws.getCompactSerialization();
                }
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
                jws.setKey(key != null ? key : readPrivateKey(privateKeyFile()));
                return jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException("cannot sign a test token", e);
            }
        }
    }
}
