package vn.chotdon.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.chotdon.testing.LocalInfrastructure;
import vn.chotdon.testing.TestTokens;

/**
 * The whole system for the end-to-end tests, as production runs it: two instances of each of
 * catalog-, livestream- and order-service as packaged applications, each pair behind the same
 * database and broker; a Kafka broker of the tests' own with empty topics (127.0.0.1:19192, or
 * CHOTDON_E2E_KAFKA_PORT; ids start again with the recreated databases, so no earlier event may
 * match them); the services' test databases (chotdon_&lt;service&gt;_test, with CHOTDON_TEST_DB_SUFFIX
 * appended when set) recreated. The instances listen on free ports the system picks, apart from a
 * {@code ./chotdon up} on 8081–8083 and from another run of these tests.
 */
final class LiveSystem {

    static final int INSTANCES = 2;
    private static final String KAFKA_PORT = System.getenv().getOrDefault("CHOTDON_E2E_KAFKA_PORT", "19192");
    /** The controller port is named too: a CHOTDON_KAFKA_CONTROLLER_PORT of the caller's shell must not leak in. */
    private static final Map<String, String> OWN_BROKER = Map.of("CHOTDON_KAFKA_PORT", KAFKA_PORT,
            "CHOTDON_KAFKA_CONTROLLER_PORT", Integer.toString(Integer.parseInt(KAFKA_PORT) + 1));
    private static final String DATABASE_SUFFIX = System.getenv().getOrDefault("CHOTDON_TEST_DB_SUFFIX", "");
    /** The one web front end whose pages may call the services from a browser. */
    static final String FRONT_END_ORIGIN = "https://app.chotdon.test";
    static final String KAFKA = LocalInfrastructure.usesExternalInfrastructure()
            ? System.getenv().getOrDefault("CHOTDON_TEST_KAFKA", "127.0.0.1:19092")
            : "127.0.0.1:" + KAFKA_PORT;

    final Replicas catalog;
    final Replicas livestream;
    final Replicas order;

    private final Path logs;

    private LiveSystem(Path root) {
        logs = root.resolve("e2e-tests/target/e2e-logs");
        int[] ports = freePorts(3 * INSTANCES);
        int[] catalogPorts = Arrays.copyOfRange(ports, 0, INSTANCES);
        int[] livestreamPorts = Arrays.copyOfRange(ports, INSTANCES, 2 * INSTANCES);
        int[] orderPorts = Arrays.copyOfRange(ports, 2 * INSTANCES, 3 * INSTANCES);
        List<ServiceProcess> catalogs = new ArrayList<>();
        List<ServiceProcess> livestreams = new ArrayList<>();
        List<ServiceProcess> orders = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            int instance = i + 1;
            catalogs.add(new ServiceProcess("catalog-service", instance, catalogPorts[i], root, logs,
                    environment("catalog", instance, catalogPorts[i], Map.of())));
            // Each livestream instance calls its own neighbours, as a pod would reach the services' load balancers.
            livestreams.add(new ServiceProcess("livestream-service", instance, livestreamPorts[i], root, logs,
                    environment("livestream", instance, livestreamPorts[i], Map.of(
                            "CHOTDON_CATALOG_URL", "http://127.0.0.1:" + catalogPorts[i],
                            "CHOTDON_ORDER_SERVICE_URL", "http://127.0.0.1:" + orderPorts[i]))));
            orders.add(new ServiceProcess("order-service", instance, orderPorts[i], root, logs,
                    environment("order", instance, orderPorts[i], Map.of(
                            // A request killed mid-flight leaves its Idempotency-Key claimed; retries take it over after this.
                            "CHOTDON_ORDERS_IDEMPOTENCY_LEASE", "3s",
                            "CHOTDON_ORDERS_EXPIRY_INTERVAL", "1s",
                            // Every simulated buyer (and every retry) comes from 127.0.0.1.
                            "CHOTDON_ORDER_ATTEMPTS_PER_ADDRESS_PER_MINUTE", "1000000",
                            "CHOTDON_ORDER_ATTEMPTS_PER_PHONE_PER_MINUTE", "1000000"))));
        }
        catalog = new Replicas(catalogs);
        livestream = new Replicas(livestreams);
        order = new Replicas(orders);
    }

    /**
     * Instance 1 of each service recreates its schema; instance 2 starts once it is done, against the
     * migrated database. The three services start side by side.
     */
    static LiveSystem start() {
        if (!LocalInfrastructure.usesExternalInfrastructure()) {
            LocalInfrastructure.chotdon("db", "prepare");
            LocalInfrastructure.chotdon(OWN_BROKER, "kafka", "stop");
            LocalInfrastructure.chotdon(OWN_BROKER, "kafka", "start", "--fresh");
        }
        LiveSystem system = new LiveSystem(LocalInfrastructure.repositoryRoot());
        system.forgetOldLogs();
        Map<String, String> firstStart = Map.of("QUARKUS_LIQUIBASE_CLEAN_AT_START", "true");
        try {
            inParallel(List.of(system.catalog, system.livestream, system.order).stream().<Runnable> map(service -> () -> {
                service.instance(1).start(firstStart);
                for (int i = 2; i <= INSTANCES; i++) {
                    service.instance(i).start(Map.of());
                }
            }).toList());
        } catch (RuntimeException e) {
            // The test class never gets the system to stop: the instances that did start must not outlive it.
            system.stop();
            throw e;
        }
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
        inParallel(List.of(order::stop, livestream::stop, catalog::stop));
        if (!LocalInfrastructure.usesExternalInfrastructure()) {
            stopKafka();
        }
    }

    /**
     * Runs the actions on threads of their own and waits until every one has ended, so none is still
     * starting a process behind a failure; then the first failure is rethrown.
     */
    static void inParallel(List<Runnable> actions) {
        ExecutorService pool = Executors.newFixedThreadPool(actions.size());
        try {
            List<Future<?>> running = actions.stream().<Future<?>> map(pool::submit).toList();
            RuntimeException first = null;
            for (Future<?> action : running) {
                try {
                    action.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException failure ? failure
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdown();
        }
    }

    private static int[] freePorts(int count) {
        int[] ports = new int[count];
        List<ServerSocket> held = new ArrayList<>();
        try {
            // Held open together, so no two instances get the same port.
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            for (ServerSocket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
        return ports;
    }

    private static Map<String, String> environment(String service, int instance, int port, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // What a pod's name is in Kubernetes: the one thing that tells two instances of a service apart.
        env.put("HOSTNAME", service + "-service-" + instance);
        env.put("CHOTDON_MYSQL_DATABASE", "chotdon_" + service + "_test" + DATABASE_SUFFIX);
        // As in production, the packaged services start only with their secrets given.
        env.put("CHOTDON_DB_PASSWORD", "chotdon-dev");
        env.put("CHOTDON_DB_MIGRATOR_PASSWORD", "chotdon-dev-migrator");
        env.put("CHOTDON_JWT_PUBLIC_KEY_LOCATION", TestTokens.publicKeyFile().toString());
        env.put("CHOTDON_SERVICE_SIGN_KEY_LOCATION", TestTokens.privateKeyFile().toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", KAFKA);
        env.put("CHOTDON_CORS_ORIGINS", FRONT_END_ORIGIN);
        env.put("CHOTDON_CONSUMER_GROUP_PREFIX", consumerGroupPrefix(service));
        env.put("CHOTDON_OUTBOX_POLL_INTERVAL", "0.1s");
        // MariaDB, the MySQL-compatible server of development and CI machines, fails Hibernate's version check.
        env.put("QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED", "false");
        env.putAll(extra);
        return env;
    }

    /** Every instance of a service shares its consumer groups, as replicas do. */
    static String consumerGroupPrefix(String service) {
        return service + "-service-e2e";
    }
}
