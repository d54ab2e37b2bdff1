package vn.chotdon.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service as production runs it: its packaged jar in a process of its own. */
final class ServiceProcess {

    private final String name;
    private final int port;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;

    ServiceProcess(String name, int port, Path root, Path logDir, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        this.log = logDir.resolve(name + ".log");
        this.environment = Map.copyOf(environment);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process with these extra environment variables and waits until it is ready. */
    void start(Map<String, String> extra) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn package, or mvn verify from the root)");
        }
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(extra);
        ProcessBuilder builder = new ProcessBuilder(List.of("java", "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString()));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        awaitReady();
    }

    /** SIGKILL: no shutdown hook, no graceful close; whatever was in flight is cut. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: a graceful stop. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; see " + log);
            }
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notListeningYet) {
                return false;
            }
        });
    }
}
