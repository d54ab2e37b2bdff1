package vn.chotdon.livestream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import vn.chotdon.testing.TestTokens;

/**
 * What catalog-service checks of a reservation call: a bearer token signed with a key it trusts
 * (the development key pair here), of its issuer and audience, not expired, of the role
 * {@code service} and nothing else.
 */
final class ServiceTokenCheck {

    private static final JwtConsumer CONSUMER = new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setRequireIssuedAt()
            .setAllowedClockSkewInSeconds(30)
            .setExpectedIssuer(TestTokens.ISSUER)
            .setExpectedAudience(TestTokens.AUDIENCE)
            .setVerificationKey(publicKey())
            .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
            .build();

    private ServiceTokenCheck() {
    }

    /**
     * @param authorization the Authorization header of a request to catalog-service
     * @return the token's claims
     * @throws IllegalArgumentException naming what is wrong, when it is not a valid service token
     */
    static JwtClaims claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new IllegalArgumentException("no bearer token");
        }
        try {
            JwtClaims claims = CONSUMER.processToClaims(authorization.substring("Bearer ".length()));
            List<String> roles = claims.getStringListClaimValue("groups");
            if (!List.of("service").equals(roles)) {
                throw new IllegalArgumentException("roles " + roles + " instead of [service]");
            }
            return claims;
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new IllegalArgumentException("invalid token: " + e.getMessage(), e);
        }
    }

    private static PublicKey publicKey() {
        try {
            String base64 = Files.readString(TestTokens.publicKeyFile(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development public key", e);
        }
    }
}
