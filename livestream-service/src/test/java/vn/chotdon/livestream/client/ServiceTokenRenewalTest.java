package vn.chotdon.livestream.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** A token from the provider is reused until shortly before it expires, then a new one is fetched once. */
class ServiceTokenRenewalTest {

    /**
     * Grants token-1, token-2... each valid for the next lifetime in the list (the last one
     * repeats), at once or, once {@link #answerLater} is called, when the test completes {@link #answer}.
     */
    static class Provider implements OidcClient {
        final AtomicInteger grants = new AtomicInteger();
        final List<Duration> lifetimes;
        CompletableFuture<Void> answer = CompletableFuture.completedFuture(null);

        Provider(Duration... lifetimes) {
            this.lifetimes = List.of(lifetimes);
        }

        void answerLater() {
            answer = new CompletableFuture<>();
        }

        @Override
        public Uni<Tokens> getTokens(Map<String, String> additionalGrantParameters) {
            int grant = grants.incrementAndGet();
            Duration lifetime = lifetimes.get(Math.min(grant, lifetimes.size()) - 1);
            return Uni.createFrom().completionStage(answer).map(ignored -> new Tokens("token-" + grant,
                    Instant.now().plus(lifetime).getEpochSecond(), null, null, null, null, "livestream-service"));
        }

        @Override
        public Uni<Tokens> refreshTokens(String refreshToken, Map<String, String> additionalGrantParameters) {
            throw new UnsupportedOperationException("the client-credentials grant has no refresh token");
        }

        @Override
        public Uni<Boolean> revokeAccessToken(String accessToken, Map<String, String> additionalParameters) {
            throw new UnsupportedOperationException("never revoked");
        }

        @Override
        public void close() {
        }
    }

    static ServiceToken fromProvider(OidcClient provider, Duration renewBefore) {
        ServiceTokenConfig config = new ServiceTokenConfig() {
            @Override
            public Source source() {
                return Source.CLIENT_CREDENTIALS;
            }

            @Override
            public Duration lifetime() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration renewBefore() {
                return renewBefore;
            }
        };
        return new ServiceToken(config, provider, ConfigProvider.getConfig(), "chotdon-dev", List.of("chotdon"));
    }

    private static String current(ServiceToken token) {
        return token.token().await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aTokenIsReusedUntilItIsAboutToExpire() {
        Provider provider = new Provider(Duration.ofSeconds(62), Duration.ofHours(1));
        ServiceToken token = fromProvider(provider, Duration.ofMinutes(1));

        assertThat(current(token)).isEqualTo("token-1");
        assertThat(current(token)).isEqualTo("token-1");
        assertThat(provider.grants).hasValue(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> current(token).equals("token-2"));
        assertThat(current(token)).isEqualTo("token-2");
        assertThat(provider.grants).hasValue(2);
    }

    @Test
    void whoeverAsksWhileATokenIsOnItsWayGetsThatOne() {
        Provider provider = new Provider(Duration.ofHours(1));
        provider.answerLater();
        ServiceToken token = fromProvider(provider, Duration.ofMinutes(1));

        CompletableFuture<String> first = token.token().subscribeAsCompletionStage();
        CompletableFuture<String> retry = token.token().subscribeAsCompletionStage();
        first.cancel(false);
        provider.answer.complete(null);

        assertThat(retry).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("token-1");
        assertThat(current(token)).isEqualTo("token-1");
        assertThat(provider.grants).as("one grant for a timed-out call, its retry and the next call").hasValue(1);
    }

    @Test
    void aFailedGrantIsAskedForAgain() {
        AtomicInteger asked = new AtomicInteger();
        Provider flaky = new Provider(Duration.ofHours(1)) {
            @Override
            public Uni<Tokens> getTokens(Map<String, String> additionalGrantParameters) {
                return asked.incrementAndGet() == 1 ? Uni.createFrom().failure(new IllegalStateException("provider down"))
                        : super.getTokens(additionalGrantParameters);
            }
        };
        ServiceToken token = fromProvider(flaky, Duration.ofMinutes(1));

        assertThatThrownBy(() -> current(token)).hasMessageContaining("provider down");
        assertThat(current(token)).isEqualTo("token-1");
        assertThat(current(token)).isEqualTo("token-1");
        assertThat(asked).hasValue(2);
    }

    @Test
    void aLongLivedTokenIsFetchedOnce() {
        Provider provider = new Provider(Duration.ofHours(1));
        ServiceToken token = fromProvider(provider, Duration.ofMinutes(1));
        for (int call = 0; call < 100; call++) {
            assertThat(current(token)).isEqualTo("token-1");
        }
        assertThat(provider.grants).hasValue(1);
    }
}
