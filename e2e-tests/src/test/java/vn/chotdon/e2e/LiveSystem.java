package vn.chotdon.e2e;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import vn.chotdon.testing.LocalInfrastructure;

/**
 * The whole system for the end-to-end tests: a Kafka broker of their own with empty topics
 * (127.0.0.1:19192; ids start again with the recreated databases, so no earlier event may match
 * them), the services' test databases recreated, and catalog-, livestream- and order-service as
 * packaged applications on ports 18081–18083 (apart from a ./chotdon up on 8081–8083).
 */
final class LiveSystem {

    private static final String KAFKA_PORT = "19192";
    private static final Map<String, String> OWN_BROKER = Map.of("CHOTDON_KAFKA_PORT", KAFKA_PORT);
    static final String KAFKA = LocalInfrastructure.usesExternalInfrastructure()
            ? System.getenv().getOrDefault("CHOTDON_TEST_KAFKA", "127.0.0.1:19092")
            : "127.0.0.1:" + KAFKA_PORT;

    final ServiceProcess catalog;
    final ServiceProcess livestream;
    final ServiceProcess order;

    private LiveSystem(Path root) {
        Path logs = root.resolve("e2e-tests/target/e2e-logs");
        catalog = new ServiceProcess("catalog-service", 18081, root, logs, environment("catalog", Map.of()));
        livestream = new ServiceProcess("livestream-service", 18082, root, logs, environment("livestream",
                Map.of("CHOTDON_CATALOG_URL", "http://127.0.0.1:18081")));
        order = new ServiceProcess("order-service", 18083, root, logs, environment("order", Map.of(
                // A request killed mid-flight leaves its Idempotency-Key claimed; retries take it over after this.
                "CHOTDON_ORDERS_IDEMPOTENCY_LEASE", "3s",
                "CHOTDON_ORDERS_EXPIRY_INTERVAL", "1s")));
    }

    static LiveSystem start() {
        if (!LocalInfrastructure.usesExternalInfrastructure()) {
            LocalInfrastructure.chotdon("db", "prepare");
            LocalInfrastructure.chotdon(OWN_BROKER, "kafka", "stop");
            LocalInfrastructure.chotdon(OWN_BROKER, "kafka", "start", "--fresh");
        }
        LiveSystem system = new LiveSystem(LocalInfrastructure.repositoryRoot());
        Map<String, String> firstStart = Map.of("QUARKUS_LIQUIBASE_CLEAN_AT_START", "true");
        system.catalog.start(firstStart);
        system.livestream.start(firstStart);
        system.order.start(firstStart);
        return system;
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
        env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA);
        env.put("CHOTDON_CONSUMER_GROUP_PREFIX", service + "-service-e2e");
        env.put("CHOTDON_OUTBOX_POLL_INTERVAL", "0.1s");
        // MariaDB, the MySQL-compatible server of development and CI machines, fails Hibernate's version check.
        env.put("QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED", "false");
        env.putAll(extra);
        return env;
    }
}
