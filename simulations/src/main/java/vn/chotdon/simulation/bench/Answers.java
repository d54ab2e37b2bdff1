package vn.chotdon.simulation.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** The numbers of one or more played runs of taps: answers by outcome, latency percentiles, a per-second timeline. */
final class Answers {

    /** One second of a scenario: taps due in it and their latency; answers that came in it, by outcome. */
    record Second(int second, long sent, double p50, double p99, double acceptedP99, Map<String, Long> answered) {
    }

    private final List<Attempts> runs;
    private final long origin;

    /** origin: the nanoTime the scenario's seconds count from. */
    Answers(List<Attempts> runs, long origin) {
        this.runs = runs;
        this.origin = origin;
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome.label, runs.stream().mapToLong(a -> a.count(outcome)).sum());
        }
        return counts;
    }

    long count(Outcome outcome) {
        return runs.stream().mapToLong(a -> a.count(outcome)).sum();
    }

    long taps() {
        return runs.stream().mapToLong(Attempts::size).sum();
    }

    Map<String, Long> refusals() {
        Map<String, Long> all = new TreeMap<>();
        runs.forEach(a -> a.refusals().forEach((what, n) -> all.merge(what, n, Long::sum)));
        return all;
    }

    /** Percentiles per outcome that happened, and over every answer. */
    Map<String, Percentiles> latency() {
        Map<Outcome, Histogram> byOutcome = new LinkedHashMap<>();
        Histogram all = Percentiles.histogram();
        forEach((a, i) -> {
            Percentiles.record(byOutcome.computeIfAbsent(a.outcomes[i], o -> Percentiles.histogram()), a.latency(i));
            Percentiles.record(all, a.latency(i));
        });
        Map<String, Percentiles> latency = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            if (byOutcome.containsKey(outcome)) {
                latency.put(outcome.label, Percentiles.of(byOutcome.get(outcome)));
            }
        }
        latency.put("all", Percentiles.of(all));
        return latency;
    }

    /** From the first tap's moment to the last answer. */
    double answeredWithinSeconds() {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Attempts a : runs) {
            for (int i = 0; i < a.size(); i++) {
                first = Math.min(first, a.intended[i]);
                last = Math.max(last, a.answered[i]);
            }
        }
        return first == Long.MAX_VALUE ? 0 : (last - first) / 1e9;
    }

    List<Second> timeline() {
        Map<Integer, Histogram> latency = new TreeMap<>();
        Map<Integer, Histogram> accepted = new TreeMap<>();
        Map<Integer, long[]> sent = new TreeMap<>();
        Map<Integer, Map<String, Long>> answered = new TreeMap<>();
        forEach((a, i) -> {
            int due = (int) ((a.intended[i] - origin) / 1_000_000_000L);
            int came = (int) ((a.answered[i] - origin) / 1_000_000_000L);
            sent.computeIfAbsent(due, s -> new long[1])[0]++;
            Percentiles.record(latency.computeIfAbsent(due, s -> Percentiles.histogram()), a.latency(i));
            if (a.outcomes[i] == Outcome.ACCEPTED) {
                Percentiles.record(accepted.computeIfAbsent(due, s -> Percentiles.histogram()), a.latency(i));
            }
            answered.computeIfAbsent(came, s -> new TreeMap<>()).merge(a.outcomes[i].label, 1L, Long::sum);
        });
        int last = Math.max(sent.isEmpty() ? 0 : ((TreeMap<Integer, long[]>) sent).lastKey(),
                answered.isEmpty() ? 0 : ((TreeMap<Integer, Map<String, Long>>) answered).lastKey());
        List<Second> seconds = new ArrayList<>();
        for (int s = 0; s <= last; s++) {
            Percentiles p = latency.containsKey(s) ? Percentiles.of(latency.get(s)) : null;
            Percentiles acc = accepted.containsKey(s) ? Percentiles.of(accepted.get(s)) : null;
            seconds.add(new Second(s, sent.containsKey(s) ? sent.get(s)[0] : 0, p == null ? 0 : p.p50(),
                    p == null ? 0 : p.p99(), acc == null ? 0 : acc.p99(), answered.getOrDefault(s, Map.of())));
        }
        return seconds;
    }

    /** The bodies of the 201 answers. */
    List<String> receipts() {
        List<String> receipts = new ArrayList<>();
        forEach((a, i) -> {
            if (a.outcomes[i] == Outcome.ACCEPTED) {
                receipts.add(a.receipts[i]);
            }
        });
        return receipts;
    }

    long acceptedUnits() {
        long[] units = {0};
        forEach((a, i) -> units[0] += a.outcomes[i] == Outcome.ACCEPTED ? a.units[i] : 0);
        return units[0];
    }

    private interface Visit {
        void each(Attempts attempts, int index);
    }

    private void forEach(Visit visit) {
        for (Attempts a : runs) {
            for (int i = 0; i < a.size(); i++) {
                visit.each(a, i);
            }
        }
    }
}
