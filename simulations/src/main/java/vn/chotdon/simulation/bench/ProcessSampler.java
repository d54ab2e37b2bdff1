package vn.chotdon.simulation.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Each second, the CPU (from /proc/PID/stat, in % of one core) and resident memory (VmRSS of
 * /proc/PID/status) of every process of the stack: the three services, Kafka, the database and
 * this load generator; and the whole machine's busy share (/proc/stat). For order-service, also
 * what each kind of its threads ran and how long they waited for a core (the scheduler's
 * statistics, /proc/PID/task/TID/schedstat): on a machine whose cores are full, that says which
 * part of the service the buyers wait for.
 */
final class ProcessSampler {

    /** Linux's USER_HZ: /proc times are in hundredths of a second on every kernel this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    /** The process name of the whole machine's samples. */
    static final String MACHINE = "machine (all cores)";
    /** The process name of this JVM, which plays the buyers and watches the views. */
    static final String LOAD_GENERATOR = "load generator";

    /**
     * One process over the sampling interval that ended at {@code at} (System.nanoTime()).
     *
     * @param cpuSeconds the CPU time it spent in the interval (for the machine: all cores' busy time)
     * @param cpuPercent the same as a share of one core (for the machine: of all cores)
     */
    record Sample(long at, String process, double cpuSeconds, double cpuPercent, double rssMb) {
    }

    /**
     * One kind of order-service's threads over the sampling interval that ended at {@code at}.
     *
     * @param ranSeconds    the CPU time its threads ran
     * @param waitedSeconds the time its threads were ready to run and waited for a core
     */
    record ThreadSample(long at, String kind, double ranSeconds, double waitedSeconds) {
    }

    /** The service whose threads are sampled by kind. */
    static final String THREADS_OF = "order-service";

    private final Map<String, Long> pids;
    private final Map<String, Long> lastTicks = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final List<ThreadSample> threadSamples = new ArrayList<>();
    /** Per thread id of the sampled service: nanoseconds ran and waited, as last read. */
    private final Map<String, long[]> lastThreadNanos = new LinkedHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "process-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private long lastAt;
    private long[] lastMachine;

    ProcessSampler(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
    }

    /**
     * The stack's processes, found by their command lines: the services run from this repository's
     * jars and the broker from this state directory and port (other checkouts on the machine run
     * their own, and the tests' broker of this checkout runs beside it on a port of its own).
     */
    static Map<String, Long> findStack(String root, String stateDir, int kafkaPort) {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String svc : List.of("catalog", "livestream", "order")) {
            Path app = Path.of(root, svc + "-service", "target", "quarkus-app");
            find(proc -> runs(proc, app)).ifPresent(p -> found.put(svc + "-service", p));
        }
        find(proc -> commandLine(proc).contains(" kafka.Kafka " + stateDir + "/kafka-" + kafkaPort + "/"))
                .ifPresent(p -> found.put("kafka", p));
        find(proc -> List.of("mariadbd", "mysqld").contains(read(proc.resolve("comm")).strip()))
                .ifPresent(p -> found.put("database", p));
        found.put(LOAD_GENERATOR, ProcessHandle.current().pid());
        return found;
    }

    /**
     * Whether the process runs the service packaged in this directory: ./chotdon starts it from
     * there with a relative jar (its class-data archive needs that), so the working directory says
     * which checkout's service it is.
     */
    private static boolean runs(Path proc, Path app) {
        String command = commandLine(proc);
        if (command.contains(app.resolve("quarkus-run.jar").toString())) {
            return true;
        }
        try {
            return command.contains("quarkus-run.jar") && Files.readSymbolicLink(proc.resolve("cwd")).equals(app);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String commandLine(Path proc) {
        return read(proc.resolve("cmdline")).replace('\0', ' ');
    }

    private static Optional<Long> find(Predicate<Path> process) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(process)
                    .map(p -> Long.parseLong(p.getFileName().toString())).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    synchronized Map<String, Long> pids() {
        return Map.copyOf(pids);
    }

    /** A process restarted (the broker after an outage): follow its new pid. */
    synchronized void follow(String name, long pid) {
        pids.put(name, pid);
        lastTicks.remove(name);
        if (name.equals(THREADS_OF)) {
            lastThreadNanos.clear();
        }
    }

    void start() {
        clock.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    void stop() {
        clock.shutdownNow();
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    synchronized List<ThreadSample> threadSamples() {
        return List.copyOf(threadSamples);
    }

    /** The kind of a thread by its name (Linux keeps its first 15 characters). */
    static String threadKind(String name) {
        if (name.startsWith("vert.x-eventloo")) {
            return "event loops";
        }
        if (name.startsWith("vert.x-acceptor")) {
            return "acceptor";
        }
        if (name.startsWith("executor-thread")) {
            return "worker threads";
        }
        if (name.startsWith("idempotency-key")) {
            return "key reads";
        }
        if (name.equals("VM Thread") || name.startsWith("GC Thread")) {
            return "collector";
        }
        if (name.contains("CompilerThre")) {
            return "JIT";
        }
        return "other";
    }

    private synchronized void sample() {
        long at = System.nanoTime();
        double seconds = lastAt == 0 ? 0 : (at - lastAt) / 1e9;
        pids.forEach((name, pid) -> {
            String stat = read(Path.of("/proc", pid.toString(), "stat"));
            if (stat.isEmpty()) {
                return;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            Long before = lastTicks.put(name, ticks);
            if (before != null && seconds > 0) {
                double cpu = (ticks - before) / TICKS_PER_SECOND;
                samples.add(new Sample(at, name, cpu, 100.0 * cpu / seconds, rssMb(pid)));
            }
        });
        Long threadsOf = pids.get(THREADS_OF);
        if (threadsOf != null) {
            sampleThreads(at, threadsOf);
        }
        long[] machine = machineTicks();
        if (lastMachine != null && machine.length == 2) {
            double busy = machine[0] - lastMachine[0];
            double all = machine[1] - lastMachine[1];
            samples.add(new Sample(at, MACHINE, busy / TICKS_PER_SECOND, all > 0 ? 100.0 * busy / all : 0, 0));
        }
        lastMachine = machine;
        lastAt = at;
    }

    /** What each kind of the process's threads ran and waited since the last sample. */
    private void sampleThreads(long at, long pid) {
        boolean first = lastThreadNanos.isEmpty();
        Map<String, double[]> byKind = new LinkedHashMap<>();
        Map<String, long[]> now = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                String[] times = read(task.resolve("schedstat")).trim().split(" ");
                if (times.length < 2 || times[0].isEmpty()) {
                    return;
                }
                long[] nanos = {Long.parseLong(times[0]), Long.parseLong(times[1])};
                String tid = task.getFileName().toString();
                now.put(tid, nanos);
                // A thread first seen after the first sample started within this interval.
                long[] before = lastThreadNanos.getOrDefault(tid, new long[2]);
                double[] kind = byKind.computeIfAbsent(threadKind(read(task.resolve("comm")).strip()), k -> new double[2]);
                kind[0] += (nanos[0] - before[0]) / 1e9;
                kind[1] += (nanos[1] - before[1]) / 1e9;
            });
        } catch (IOException e) {
            return;
        }
        lastThreadNanos.clear();
        lastThreadNanos.putAll(now);
        if (!first) {
            byKind.forEach((kind, use) -> threadSamples.add(new ThreadSample(at, kind, use[0], use[1])));
        }
    }

    private static double rssMb(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return 0;
    }

    /** Busy and total jiffies of all cores. */
    private static long[] machineTicks() {
        String cpu = read(Path.of("/proc/stat")).lines().findFirst().orElse("");
        String[] f = cpu.trim().split("\\s+");
        if (f.length < 8) {
            return new long[0];
        }
        long total = 0;
        for (int i = 1; i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
