package vn.chotdon.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the real infrastructure the tests talk to is there before Quarkus starts: the
 * MySQL databases and users, and the tests' own single-node Kafka broker (127.0.0.1:19092,
 * apart from a development run's 9092) started from Maven jars when none is running, both
 * through the repository's {@code ./chotdon} script. Set {@code CHOTDON_EXTERNAL_INFRA=true} to
 * test against servers you run yourself (and CHOTDON_TEST_KAFKA to name the brokers).
 */
public class LocalInfrastructure implements QuarkusTestResourceLifecycleManager {

    /**
     * Also hands the service the development key pair: the public key verifies bearer tokens, the
     * private one signs livestream-service's service token.
     */
    @Override
    public Map<String, String> start() {
        if (!usesExternalInfrastructure()) {
            chotdon("infra", "up");
        }
        return Map.of("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString(),
                "smallrye.jwt.sign.key.location", TestTokens.privateKeyFile().toString());
    }

    @Override
    public void stop() {
        // The broker is shared by every module's tests in one build; `./chotdon infra down` stops it.
    }

    /** True when CHOTDON_EXTERNAL_INFRA=true: the tests use servers someone else runs, and start or stop nothing. */
    public static boolean usesExternalInfrastructure() {
        return "true".equalsIgnoreCase(System.getenv("CHOTDON_EXTERNAL_INFRA"));
    }

    /** Stops the local broker, for tests of what happens while Kafka is away. */
    public static void stopKafka() {
        chotdon("kafka", "stop");
    }

    public static void startKafka() {
        chotdon("kafka", "start");
    }

    /** Runs {@code ./chotdon} with these arguments and fails with its output if it fails. */
    public static void chotdon(String... args) {
        chotdon(Map.of(), args);
    }

    /** The same with extra environment variables, e.g. CHOTDON_KAFKA_PORT for a broker of another port. */
    public static void chotdon(Map<String, String> environment, String... args) {
        Path script = repositoryRoot().resolve("chotdon");
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        try {
            Path log = Files.createTempFile("chotdon-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("CHOTDON_PROFILE", "test");
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./chotdon " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            System.out.print(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./chotdon " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("chotdon")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("the repository root (with ./chotdon) is not above " + Path.of("").toAbsolutePath());
    }
}
