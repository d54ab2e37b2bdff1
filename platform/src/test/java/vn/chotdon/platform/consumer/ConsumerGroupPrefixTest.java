package vn.chotdon.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Consumer groups are named after the application, as the platform's settings say: the
 * expression is expanded, never taken literally ({@code ${quarkus.application.name}.read-model}).
 */
class ConsumerGroupPrefixTest {

    @Test
    void theGroupPrefixIsTheApplicationNameUnlessSet() throws IOException {
        assertThat(settings(Map.of("quarkus.application.name", "order-service")).groupPrefix()).isEqualTo("order-service");
        assertThat(settings(Map.of("quarkus.application.name", "order-service",
                "chotdon.consumer-group-prefix", "order-service-test")).groupPrefix()).isEqualTo("order-service-test");
    }

    @Test
    void defaultsAreSaneOutsideTests() throws IOException {
        ConsumerSettings settings = settings(Map.of("quarkus.application.name", "catalog-service"));
        assertThat(settings.retry().maxAttempts()).isEqualTo(5);
        assertThat(settings.retry().firstBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.retention().processedEvents()).isEqualTo(Duration.ofDays(14));
        assertThat(settings.health().stalledAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    private static ConsumerSettings settings(Map<String, String> service) throws IOException {
        URL platform = ConsumerGroupPrefixTest.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(platform, 100))
                .withSources(new PropertiesConfigSource(service, "service", 250))
                // As Quarkus configures it: expressions expanded, durations such as "2m" understood.
                .withConverter(Duration.class, 100, new DurationConverter())
                .withMapping(ConsumerSettings.class)
                .build();
        return config.getConfigMapping(ConsumerSettings.class);
    }
}
