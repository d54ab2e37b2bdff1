package vn.chotdon.simulation.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stops and starts the broker ./chotdon runs (kafka stop / kafka start), for the outage scenario. */
final class KafkaSwitch {

    private final Path chotdon;

    KafkaSwitch(Path chotdon) {
        this.chotdon = chotdon;
    }

    /** Only a broker ./chotdon started can be stopped and started again by it. */
    boolean controlsBroker() throws IOException, InterruptedException {
        return run("status").contains("running (pid");
    }

    void stop() throws IOException, InterruptedException {
        run("stop");
    }

    /** Returns once the broker is ready again. */
    void start() throws IOException, InterruptedException {
        run("start");
    }

    private String run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(chotdon.toString(), "kafka", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroy();
            throw new IllegalStateException("./chotdon kafka " + command + " did not finish within 120 s");
        }
        if (process.exitValue() != 0 && !"status".equals(command)) {
            throw new IllegalStateException("./chotdon kafka " + command + " failed: " + output);
        }
        return output;
    }
}
