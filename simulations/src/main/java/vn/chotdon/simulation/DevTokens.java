package vn.chotdon.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * RS256 bearer tokens signed with the development key pair of {@code ./chotdon keys}
 * ($CHOTDON_STATE_DIR/keys, which ./chotdon sets), the claims the services check: issuer,
 * audience, expiry, the role in {@code groups} and the cooperative of an owner or staff. Plain
 * java.security, so that the simulations need no test library on their classpath.
 */
public final class DevTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final long HOURS = 3;

    private DevTokens() {
    }

    public static String admin() {
        return sign("admin", null);
    }

    public static String owner(long cooperativeId) {
        return sign("owner", cooperativeId);
    }

    public static String staff(long cooperativeId) {
        return sign("staff", cooperativeId);
    }

    /** A service calling another, as the live-comment forwarder does: no cooperative of its own. */
    public static String service() {
        return sign("service", null);
    }

    private static String sign(String role, Long cooperativeId) {
        String subject = "simulation-" + role + (cooperativeId == null ? "" : "-" + cooperativeId);
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", environment("CHOTDON_JWT_ISSUER", "chotdon-dev"));
        claims.put("aud", environment("CHOTDON_JWT_AUDIENCE", "chotdon"));
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role));
        if (cooperativeId != null) {
            claims.put("cooperative_id", cooperativeId);
        }
        claims.put("iat", now);
        // Long enough for the longest benchmark run; these tokens never leave the machine.
        claims.put("exp", now + HOURS * 3600);
        claims.put("jti", UUID.randomUUID().toString());
        try {
            String signingInput = part(Map.of("alg", "RS256", "typ", "JWT")) + "." + part(claims);
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    private static String part(Map<String, Object> json) {
        try {
            return URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        Path pem = Path.of(environment("CHOTDON_STATE_DIR", ".chotdon"), "keys", "dev-private.pem");
        try {
            String base64 = Files.readString(pem, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development private key " + pem + " (./chotdon keys makes it)", e);
        }
    }

    private static String environment(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
