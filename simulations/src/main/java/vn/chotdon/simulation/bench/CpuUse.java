package vn.chotdon.simulation.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CPU time the stack's processes spent over one scenario, from its first tap until its views
 * had settled, and what that makes per accepted order. On a shared machine whose speed drifts,
 * this is what tells two runs apart better than their wall-clock times: where the work went, and
 * how much of it one order costs. The load generator (the buyers' phones and the watchers) is
 * shown apart and not counted in the stack's total.
 *
 * @param secondsByProcess CPU-seconds of each process, the largest first
 * @param stackSeconds     the services', Kafka's and the database's together
 * @param msPerAcceptedOrder {@code stackSeconds} per accepted order, in milliseconds; null when none was accepted
 * @param orderServiceThreads what each kind of order-service's threads ran and waited for a core, the most run first
 */
record CpuUse(Map<String, Double> secondsByProcess, double stackSeconds, Double msPerAcceptedOrder,
        Map<String, ThreadTime> orderServiceThreads) {

    /** Seconds a kind of threads ran, and seconds its threads waited, ready, for a core. */
    record ThreadTime(double ran, double waited) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f/%.1f", ran, waited);
        }
    }

    /**
     * Sums the samples whose interval ended within {@code (from, to]} (System.nanoTime()); the
     * sampler's intervals are about a second, so the window is as exact as that.
     */
    static CpuUse of(List<ProcessSampler.Sample> samples, List<ProcessSampler.ThreadSample> threads, long from, long to,
            long accepted) {
        Map<String, Double> byProcess = new LinkedHashMap<>();
        samples.stream().filter(s -> s.at() > from && s.at() <= to && !s.process().equals(ProcessSampler.MACHINE))
                .forEach(s -> byProcess.merge(s.process(), s.cpuSeconds(), Double::sum));
        Map<String, Double> largestFirst = new LinkedHashMap<>();
        byProcess.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> largestFirst.put(e.getKey(), tenths(e.getValue())));
        double stack = byProcess.entrySet().stream().filter(e -> !e.getKey().equals(ProcessSampler.LOAD_GENERATOR))
                .mapToDouble(Map.Entry::getValue).sum();
        Map<String, double[]> byKind = new LinkedHashMap<>();
        threads.stream().filter(s -> s.at() > from && s.at() <= to).forEach(s -> {
            double[] use = byKind.computeIfAbsent(s.kind(), k -> new double[2]);
            use[0] += s.ranSeconds();
            use[1] += s.waitedSeconds();
        });
        Map<String, ThreadTime> kinds = new LinkedHashMap<>();
        byKind.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> kinds.put(e.getKey(), new ThreadTime(tenths(e.getValue()[0]), tenths(e.getValue()[1]))));
        return new CpuUse(largestFirst, tenths(stack), accepted > 0 ? tenths(stack * 1000 / accepted) : null, kinds);
    }

    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** As the summary and the report show it: each process, then the stack's total and its cost per accepted order. */
    String describe() {
        return String.format(Locale.ROOT, "%s; the stack %.1f%s%s", secondsByProcess, stackSeconds,
                msPerAcceptedOrder == null ? "" : String.format(Locale.ROOT, ", %.1f ms per accepted order",
                        msPerAcceptedOrder),
                orderServiceThreads.isEmpty() ? "" : "; order-service's threads, CPU-seconds ran / seconds waited for a"
                        + " core: " + orderServiceThreads);
    }
}
