package vn.chotdon.livestream.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where livestream-service's service token for catalog-service comes from ({@code chotdon.service-token.*}). */
@ConfigMapping(prefix = "chotdon.service-token")
public interface ServiceTokenConfig {

    enum Source {
        /** Signed here with the private key at {@code smallrye.jwt.sign.key.location}. */
        SIGNED,
        /** Obtained from an OIDC provider with the client-credentials grant ({@code quarkus.oidc-client.*}). */
        CLIENT_CREDENTIALS
    }

    /** {@code signed} or {@code client-credentials}. */
    @WithDefault("signed")
    Source source();

    /** How long a token signed here is valid. */
    @WithDefault("5M")
    Duration lifetime();

    /** A token is replaced this long before it expires, so that no call carries one that expires on the way. */
    @WithDefault("1M")
    Duration renewBefore();
}
