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
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;

/** One instance of a service as production runs it: its packaged jar in a process of its own. */
final class ServiceProcess {

    private final String name;
    private final int port;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private volatile Process process;

    /**
     * @param service  the module, e.g. order-service
     * @param instance 1, 2, …: names the instance in messages and its log file
     */
    ServiceProcess(String service, int instance, int port, Path root, Path logDir, Map<String, String> environment) {
        this.name = service + "#" + instance;
        this.port = port;
        this.jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        this.log = logDir.resolve(service + "-" + instance + ".log");
        this.environment = Map.copyOf(environment);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The instance as messages name it, e.g. order-service#2. */
    String name() {
        return name;
    }

    boolean isRunning() {
        Process running = process;
        return running != null && running.isAlive();
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
        if (isRunning()) {
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

    /** Six JVMs starting at once on a small, busy machine can each take well over a minute. */
    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        AtomicReference<String> lastAnswer = new AtomicReference<>("none");
        try {
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited during start; see " + log);
                }
                try {
                    HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                    lastAnswer.set(answer.statusCode() + " " + answer.body());
                    return answer.statusCode() == 200;
                } catch (IOException notListeningYet) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " was not ready in time; its last readiness answer: "
                    + lastAnswer.get() + "; see " + log, e);
        }
    }

    @Override
    public String toString() {
        return name + " at " + url();
    }
}
