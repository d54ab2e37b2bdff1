package vn.chotdon.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.chotdon.testing.LocalInfrastructure;
import vn.chotdon.testing.TestTokens;

/**
 * Outside development and tests a service must not fall back to a development password or run
 * without a key to verify tokens: the packaged application refuses to start and names what is
 * missing.
 */
class MissingSecretsTest {

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
            "catalog-service, CHOTDON_DB_PASSWORD",
            "order-service, CHOTDON_DB_MIGRATOR_PASSWORD",
            "catalog-service, CHOTDON_JWT_PUBLIC_KEY_LOCATION",
            "livestream-service, CHOTDON_JWT_PUBLIC_KEY_LOCATION",
            "livestream-service, CHOTDON_SERVICE_SIGN_KEY_LOCATION" })
    void aServiceWithoutItsSecretRefusesToStart(String service, String missing) throws Exception {
        Path root = LocalInfrastructure.repositoryRoot();
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_HTTP_PORT", "0",
                "CHOTDON_DB_PASSWORD", "chotdon-dev",
                "CHOTDON_DB_MIGRATOR_PASSWORD", "chotdon-dev-migrator",
                "CHOTDON_JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyFile().toString(),
                "CHOTDON_SERVICE_SIGN_KEY_LOCATION", TestTokens.privateKeyFile().toString(),
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
                "QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED", "false"));
        env.remove(missing);
        Path output = Files.createTempFile("missing-secret-", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of("java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
                root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar").toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("CHOTDON_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(service + " should stop by itself").isTrue();
            String log = read(output);
            assertThat(process.exitValue()).as(log).isNotZero();
            assertThat(log).as("the reason names the missing setting").contains(missing);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
