package vn.chotdon.simulation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine the numbers come from: cores, CPU, memory, and how loaded it is (others may share it). */
record Machine(int cores, String cpu, long memoryMb, String kernel, String database) {

    static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                line("/proc/cpuinfo", "model name").orElse("unknown CPU"),
                line("/proc/meminfo", "MemTotal").map(m -> Long.parseLong(m.replaceAll("[^0-9]", "")) / 1024).orElse(0L),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getenv().getOrDefault("CHOTDON_BENCH_DATABASE", "MySQL-compatible server"));
    }

    /** The 1, 5 and 15 minute load averages, as `uptime` shows them. */
    String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %,d MB, %s, %s", cores, cpu, memoryMb, kernel, database);
    }

    private static java.util.Optional<String> line(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
