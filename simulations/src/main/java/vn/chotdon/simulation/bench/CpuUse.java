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
 */
record CpuUse(Map<String, Double> secondsByProcess, double stackSeconds, Double msPerAcceptedOrder) {

    /**
     * Sums the samples whose interval ended within {@code (from, to]} (System.nanoTime()); the
     * sampler's intervals are about a second, so the window is as exact as that.
     */
    static CpuUse of(List<ProcessSampler.Sample> samples, long from, long to, long accepted) {
        Map<String, Double> byProcess = new LinkedHashMap<>();
        samples.stream().filter(s -> s.at() > from && s.at() <= to && !s.process().equals(ProcessSampler.MACHINE))
                .forEach(s -> byProcess.merge(s.process(), s.cpuSeconds(), Double::sum));
        Map<String, Double> largestFirst = new LinkedHashMap<>();
        byProcess.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> largestFirst.put(e.getKey(), Math.round(e.getValue() * 10) / 10.0));
        double stack = byProcess.entrySet().stream().filter(e -> !e.getKey().equals(ProcessSampler.LOAD_GENERATOR))
                .mapToDouble(Map.Entry::getValue).sum();
        return new CpuUse(largestFirst, Math.round(stack * 10) / 10.0,
                accepted > 0 ? Math.round(stack * 1000 / accepted * 10) / 10.0 : null);
    }

    /** As the summary and the report show it: each process, then the stack's total and its cost per accepted order. */
    String describe() {
        return String.format(Locale.ROOT, "%s; the stack %.1f%s", secondsByProcess, stackSeconds,
                msPerAcceptedOrder == null ? "" : String.format(Locale.ROOT, ", %.1f ms per accepted order",
                        msPerAcceptedOrder));
    }
}
