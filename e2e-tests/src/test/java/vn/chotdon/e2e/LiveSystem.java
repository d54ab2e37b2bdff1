package vn.chotdon.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import vn.chotdon.testing.LocalInfrastructure;
import vn.chotdon.testing.TestTokens;

/**
 * The whole system for the end-to-end tests: a Kafka broker of their own with empty topics
 * (127.0.0.1:19192; ids start again with the recreated databases, so no earlier event may match
 * them), the services' test databases recreated, and catalog-, livestream- and order-service as
 * packaged applications on ports 18081–18083 (apart from a ./chotdon up on 8081–8083).
 */
final class LiveSystem {

    private static final String KAFKA_PORT = "19192";
    private static final Map<String, String> OWN_BROKER = Map.of("CHOTDON_KAFKA_PORT", KAFKA_PORT);
    /** The one web front end whose pages may call the services from a browser. */
    static final String FRONT_END_ORIGIN = "https://app.chotdon.test";
    static final String KAFKA = LocalInfrastructure.usesExternalInfrastructure()
            ? System.getenv().getOrDefault("CHOTDON_TEST_KAFKA", "127.0.0.1:19092")
            : "127.0.0.1:" + KAFKA_PORT;

    final ServiceProcess catalog;
    final ServiceProcess livestream;
    final ServiceProcess order;

    private final Path logs;

    private LiveSystem(Path root) {
        logs = root.resolve("e2e-tests/target/e2e-logs");
        catalog = new ServiceProcess("catalog-service", 18081, root, logs, environment("catalog", Map.of()));
        livestream = new ServiceProcess("livestream-service", 18082, root, logs, environment("livestream",
                Map.of("CHOTDON_CATALOG_URL", "http://127.0.0.1:18081")));
        order = new ServiceProcess("order-service", 18083, root, logs, environment("order", Map.of(
                // A request killed mid-flight leaves its Idempotency-Key claimed; retries take it over after this.
                "CHOTDON_ORDERS_IDEMPOTENCY_LEASE", "3s",
                "CHOTDON_ORDERS_EXPIRY_INTERVAL", "1s",
                // Every simulated buyer (and every retry) comes from 127.0.0.1.
                "CHOTDON_ORDER_ATTEMPTS_PER_ADDRESS_PER_MINUTE", "1000000",
                "CHOTDON_ORDER_ATTEMPTS_PER_PHONE_PER_MINUTE", "1000000")));
    }

    static LiveSystem start() {
        if (!LocalInfrastructure.usesExternalInfrastructure()) {
            LocalInfrastructure.chotdon("db", "prepare");
            LocalInfrastructure.chotdon(OWN_BROKER, "kafka", "stop");
            LocalInfrastructure.chotdon(OWN_BROKER, "kafka", "start", "--fresh");
        }
        LiveSystem system = new LiveSystem(LocalInfrastructure.repositoryRoot());
        system.forgetOldLogs();
        Map<String, String> firstStart = Map.of("QUARKUS_LIQUIBASE_CLEAN_AT_START", "true");
        system.catalog.start(firstStart);
        system.livestream.start(firstStart);
        system.order.start(firstStart);
        return system;
    }

    private void forgetOldLogs() {
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Files.delete(log);
            }
        } catch (NoSuchFileException nothingYet) {
            // The first run: no logs to forget.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + logs, e);
        }
    }

    /** Where the services' processes write their output (this run's only). */
    Path logDirectory() {
        return logs;
    }

    void stopKafka() {
        LocalInfrastructure.chotdon(OWN_BROKER, "kafka", "stop");
    }

    void startKafka() {
        LocalInfrastructure.chotdon(OWN_BROKER, "kafka", "start");
    }

    void stop() {
        order.stop();
        livestream.stop();
        catalog.stop();
        if (!LocalInfrastructure.usesExternalInfrastructure()) {
            stopKafka();
        }
    }

    private static Map<String, String> environment(String service, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", switch (service) {
            case "catalog" -> "18081";
            case "livestream" -> "18082";
            default -> "18083";
        });
        env.put("CHOTDON_MYSQL_DATABASE", "chotdon_" + service + "_test");
        // As in production, the packaged services start only with their secrets given.
        env.put("CHOTDON_DB_PASSWORD", "chotdon-dev");
        env.put("CHOTDON_DB_MIGRATOR_PASSWORD", "chotdon-dev-migrator");
        env.put("CHOTDON_JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyFile().toString());
        env.put("CHOTDON_SERVICE_SIGN_KEY_LOCATION", TestTokens.privateKeyFile().toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA);
        env.put("CHOTDON_CORS_ORIGINS", FRONT_END_ORIGIN);
        env.put("CHOTDON_CONSUMER_GROUP_PREFIX", service + "-service-e2e");
        env.put("CHOTDON_OUTBOX_POLL_INTERVAL", "0.1s");
        // MariaDB, the MySQL-compatible server of development and CI machines, fails Hibernate's version check.
        env.put("QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED", "false");
        env.putAll(extra);
        return env;
    }
}
