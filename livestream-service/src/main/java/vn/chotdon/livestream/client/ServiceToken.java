package vn.chotdon.livestream.client;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.chotdon.livestream.client.ServiceTokenConfig.Source;
import vn.chotdon.platform.security.Roles;

/**
 * The bearer token livestream-service shows catalog-service, whose reservation calls only the
 * role {@code service} may make, and order-service, whose lineup withdrawals likewise. Never the
 * token of the person calling livestream-service: the session was already found within their
 * cooperative before another service is called.
 * <p>
 * Signed here ({@code signed}: the development key pair locally, or a key of the deployment that
 * the services trust) with the issuer and audience the services verify, or obtained from an OIDC
 * provider ({@code client-credentials}). Either way it is kept and reused until shortly before it
 * expires, so catalog calls do not sign or fetch a token each, and while a new one is on its way
 * every caller waits for that one (a retried catalog call too) instead of asking again.
 */
@ApplicationScoped
public class ServiceToken {

    /** The subject of a token signed here, as catalog-service's logs show it. */
    public static final String SUBJECT = "livestream-service";
    static final String SIGN_KEY = "smallrye.jwt.sign.key.location";

    private static final Logger LOG = Logger.getLogger(ServiceToken.class);

    private record Issued(String token, Instant renewAt) {
    }

    private final ServiceTokenConfig config;
    private final OidcClient oidcClient;
    private final Config settings;
    private final String issuer;
    private final String audience;
    /** The token in use; guarded by this. */
    private Issued current;
    /** The token being issued, shared by everyone who asks meanwhile; guarded by this. */
    private Uni<Issued> renewal;

    ServiceToken(ServiceTokenConfig config, OidcClient oidcClient, Config settings,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") List<String> audiences) {
        this.config = config;
        this.oidcClient = oidcClient;
        this.settings = settings;
        this.issuer = issuer;
        this.audience = audiences.get(0);
    }

    /** The current token, renewed first when it is about to expire. */
    public Uni<String> token() {
        return Uni.createFrom().deferred(this::currentOrRenewal).map(Issued::token);
    }

    private synchronized Uni<Issued> currentOrRenewal() {
        if (current != null && Instant.now().isBefore(current.renewAt())) {
            return Uni.createFrom().item(current);
        }
        if (renewal == null) {
            renewal = issue().onItemOrFailure().invoke((fresh, failure) -> renewed(fresh)).memoize().indefinitely();
        }
        return renewal;
    }

    /** A failed renewal is forgotten, so that the next call asks again. */
    private synchronized void renewed(Issued fresh) {
        if (fresh != null) {
            current = fresh;
        }
        renewal = null;
    }

    private Uni<Issued> issue() {
        return switch (config.source()) {
            case SIGNED -> Uni.createFrom().item(this::sign);
            case CLIENT_CREDENTIALS -> oidcClient.getTokens().map(this::granted);
        };
    }

    private Issued sign() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(config.lifetime());
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(SUBJECT)
                .upn(SUBJECT)
                .groups(Set.of(Roles.SERVICE))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return new Issued(token, expiresAt.minus(config.renewBefore()));
    }

    /** A provider that does not say when its token expires gets it replaced after the configured lifetime. */
    private Issued granted(Tokens tokens) {
        Instant expiresAt = tokens.getAccessTokenExpiresAt() != null
                ? Instant.ofEpochSecond(tokens.getAccessTokenExpiresAt())
                : Instant.now().plus(config.lifetime());
        return new Issued(tokens.getAccessToken(), expiresAt.minus(config.renewBefore()));
    }

    /**
     * Outside development a missing signing key or provider must stop the service at start, not
     * turn every lineup change into a 503 later. A signed token is made once here to prove the key
     * works. The provider is asked in the background, so that the first catalog call does not wait
     * for it, and the service starts while the provider is away.
     */
    void checkAtStart(@Observes StartupEvent start) {
        if (config.source() == Source.SIGNED) {
            Optional<String> key = present(SIGN_KEY);
            if (key.isEmpty()) {
                throw new IllegalStateException("livestream-service signs its service token for catalog-service"
                        + " (chotdon.service-token.source=signed) but no private key is configured: set"
                        + " CHOTDON_SERVICE_SIGN_KEY_LOCATION (" + SIGN_KEY + ") to a PEM private key whose public"
                        + " key the services trust, or use chotdon.service-token.source=client-credentials");
            }
            try {
                token().await().indefinitely();
            } catch (RuntimeException e) {
                throw new IllegalStateException("livestream-service cannot sign its service token for catalog-service"
                        + " with the private key at " + key.get() + " (CHOTDON_SERVICE_SIGN_KEY_LOCATION): it must be a"
                        + " readable PEM private key", e);
            }
            return;
        }
        if (present("quarkus.oidc-client.auth-server-url").isEmpty() && present("quarkus.oidc-client.token-path").isEmpty()
                || present("quarkus.oidc-client.client-id").isEmpty()) {
            throw new IllegalStateException("chotdon.service-token.source=client-credentials needs the OIDC provider:"
                    + " set CHOTDON_OIDC_AUTH_SERVER_URL (quarkus.oidc-client.auth-server-url, or an absolute"
                    + " quarkus.oidc-client.token-path), CHOTDON_OIDC_CLIENT_ID and CHOTDON_OIDC_CLIENT_SECRET");
        }
        token().subscribe().with(token -> LOG.info("Got a service token for catalog-service from the OIDC provider"),
                failure -> LOG.warnf("No service token from the OIDC provider yet (%s); catalog calls will ask again",
                        failure.toString()));
    }

    private Optional<String> present(String property) {
        return settings.getOptionalValue(property, String.class).filter(value -> !value.isBlank());
    }
}
