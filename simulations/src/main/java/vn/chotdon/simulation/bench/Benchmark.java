package vn.chotdon.simulation.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Issue 11's benchmark of the whole stack on this machine (started by {@code ./chotdon bench}):
 * the JDBC ceiling, a warm-up, then the scenarios (flash, flash-wide, steps, outage), with the
 * services' CPU and memory sampled each second; writes a terminal summary, bench.json and report.html.
 *
 * <p>Options: {@code --scenario flash,flash-wide,steps,outage} (default all four), {@code --quick} (a short
 * smoke run), {@code --catalog/--livestream/--order URL}, {@code --root DIR} (the repository),
 * {@code --state-dir DIR}, {@code --chotdon PATH} (the script, to stop and start Kafka), {@code --kafka-port N}
 * (the stack's broker, to sample it and not the tests' broker beside it; default 9092),
 * {@code --startup catalog=S,livestream=S,order=S} (start-up seconds measured by the script),
 * {@code --warm-up SECONDS} (the warm-up at 60 taps/s before the scenarios; default 60, 3 with --quick), {@code --out DIR}.
 */
public final class Benchmark {

    private static final Set<String> SCENARIOS = Set.of("flash", "flash-wide", "steps", "outage");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        boolean quick = options.containsKey("quick");
        List<String> scenarios = List.of(options.getOrDefault("scenario", "flash,flash-wide,steps,outage").split(","));
        for (String scenario : scenarios) {
            if (!SCENARIOS.contains(scenario)) {
                throw new IllegalArgumentException("--scenario takes flash, flash-wide, steps and/or outage (comma-separated), not " + scenario);
            }
        }
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Path stateDir = Path.of(options.getOrDefault("state-dir", root.resolve(".chotdon").toString())).toAbsolutePath();
        int kafkaPort = Integer.parseInt(options.getOrDefault("kafka-port", "9092"));
        Path out = Path.of(options.getOrDefault("out", stateDir.resolve("bench")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()))
                .toString()));
        Services services = new Services(options.getOrDefault("catalog", "http://127.0.0.1:8081"),
                options.getOrDefault("livestream", "http://127.0.0.1:8082"), options.getOrDefault("order", "http://127.0.0.1:8083"));
        Database database = Database.fromEnvironment();

        Machine machine = Machine.now();
        long benchStart = System.nanoTime();
        ProcessSampler sampler = new ProcessSampler(ProcessSampler.findStack(root.toString(), stateDir.toString(), kafkaPort));
        sampler.start();
        String loadAtStart = machine.loadAverage();
        say("%s; load average at the start: %s", machine.describe(), loadAtStart);
        say("Sampling %s", sampler.pids());

        int[] pools = quick ? new int[] {8, 32} : new int[] {8, 16, 32, 64};
        say("JDBC ceiling: one accepted order's work per transaction, %s connections...", java.util.Arrays.toString(pools));
        List<JdbcCeiling.PoolResult> ceiling = new JdbcCeiling(database).measure(pools, quick ? 1.5 : 3);
        ceiling.forEach(r -> say("  %2d connections: %,.0f orders/s (transaction p50 %.1f ms, p99 %.1f ms)", r.connections(),
                r.ordersPerSecond(), r.transaction().p50(), r.transaction().p99()));

        Map<String, ScenarioResult> results = new LinkedHashMap<>();
        Map<String, Double> rssAfterFlash = new TreeMap<>();
        try (OpenLoad load = new OpenLoad(services.order, 8_000)) {
            Scenarios play = new Scenarios(services, database, load, new WallClock(), benchStart);
            // As services a live sale has been running on for a minute (the host shows the products, a few
            // orders come in) before the host calls "chốt đơn": 60 taps/s, a rate the stack takes without a
            // queue. After 600 taps in 5 s instead, the JIT was still compiling in the scenarios (a tenth of
            // each service's CPU) and the 100 taps/s step's p99 was 266-500 ms, against 49-120 ms.
            int seconds = Integer.parseInt(options.getOrDefault("warm-up", quick ? "3" : "60"));
            say("Warm-up of %d s at 60 taps/s (not reported)...", seconds);
            play.warmUp(60 * seconds, seconds);

            for (String scenario : scenarios) {
                say("Scenario %s...", scenario);
                ScenarioResult result = switch (scenario) {
                    case "flash" -> play.flash(quick ? 2_000 : 10_000, quick ? 3 : 10, quick ? 120 : 600);
                    case "flash-wide" -> play.wideFlash(quick ? 2_000 : 10_000, quick ? 3 : 10, quick ? 120 : 600);
                    case "steps" -> play.steps(
                            quick ? new int[] {50, 100, 200} : new int[] {100, 200, 400, 700, 1000, 1400}, quick ? 3 : 10);
                    default -> outage(play,
                            new KafkaSwitch(Path.of(options.getOrDefault("chotdon", root.resolve("chotdon").toString()))),
                            sampler, stateDir, root, kafkaPort, quick);
                };
                if (result != null) {
                    result = result.withCpu(CpuUse.of(sampler.samples(), sampler.threadSamples(),
                            benchStart + (long) (result.startedAtSecond() * 1e9),
                            benchStart + (long) (result.endedAtSecond() * 1e9), result.answers().get(Outcome.ACCEPTED.label)));
                    results.put(scenario, result);
                    Summary.scenario(System.out, result);
                }
                if ("flash".equals(scenario)) {
                    rssAfterFlash.putAll(latestRss(sampler, "-service"));
                }
            }
        }
        Thread.sleep(1100);
        sampler.stop();
        Map<String, Double> startup = startup(options.get("startup"));
        double stackPeak = stackPeakMb(sampler.samples());
        List<Target> targets = Target.judge(results, ceiling, startup, rssAfterFlash, stackPeak);
        Machine end = Machine.now();
        BenchRun run = new BenchRun(Instant.now().toString(), quick, machine, loadAtStart, end.loadAverage(),
                services.catalog, services.livestream, services.order, startup, ceiling, results, rssAfterFlash, stackPeak,
                targets, samples(sampler, benchStart), sampler.pids());
        Files.createDirectories(out);
        Summary.end(System.out, run);
        Services.JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("bench.json").toFile(), run);
        Files.writeString(out.resolve("report.html"), HtmlReport.of(run));
        say("Written: %s, %s", out.resolve("bench.json"), out.resolve("report.html"));
        System.exit(0);
    }

    private static ScenarioResult outage(Scenarios play, KafkaSwitch kafka, ProcessSampler sampler, Path stateDir, Path root,
            int kafkaPort, boolean quick) throws Exception {
        if (!kafka.controlsBroker()) {
            say("  skipped: the broker was not started by ./chotdon, so it cannot stop and start it");
            return null;
        }
        ScenarioResult result = play.outage(quick ? 2_000 : 10_000, quick ? 3 : 10, quick ? 120 : 600, kafka,
                quick ? 1 : 3, quick ? 5 : 10);
        Long broker = ProcessSampler.findStack(root.toString(), stateDir.toString(), kafkaPort).get("kafka");
        if (broker != null) {
            sampler.follow("kafka", broker);
        }
        return result;
    }

    private static Map<String, Double> latestRss(ProcessSampler sampler, String nameEnd) {
        Map<String, Double> rss = new TreeMap<>();
        sampler.samples().stream().filter(s -> s.process().endsWith(nameEnd)).forEach(s -> rss.put(s.process(), s.rssMb()));
        return rss;
    }

    /** The highest sum, over one sampling second, of the resident memory of the services, Kafka and the database. */
    private static double stackPeakMb(List<ProcessSampler.Sample> samples) {
        Map<Long, Double> byRound = new TreeMap<>();
        samples.stream()
                .filter(s -> !s.process().equals(ProcessSampler.MACHINE) && !s.process().equals(ProcessSampler.LOAD_GENERATOR))
                .forEach(s -> byRound.merge(s.at(), s.rssMb(), Double::sum));
        return byRound.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static Map<String, List<double[]>> samples(ProcessSampler sampler, long benchStart) {
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (ProcessSampler.Sample s : sampler.samples()) {
            series.computeIfAbsent(s.process(), p -> new ArrayList<>())
                    .add(new double[] {Math.round((s.at() - benchStart) / 1e8) / 10.0, Math.round(s.cpuPercent()),
                            Math.round(s.rssMb())});
        }
        return series;
    }

    private static Map<String, Double> startup(String measured) {
        Map<String, Double> startup = new LinkedHashMap<>();
        if (measured != null && !measured.isBlank()) {
            for (String pair : measured.split(",")) {
                String[] kv = pair.split("=");
                startup.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        return startup;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (name.equals("quick")) {
                options.put(name, "true");
            } else if (i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option " + args[i] + " needs a value");
            }
        }
        return options;
    }

    static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }
}
