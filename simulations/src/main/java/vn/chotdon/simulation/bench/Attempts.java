package vn.chotdon.simulation.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to each tap of one run: when it was meant to go (nanoTime), when its answer came,
 * how it ended, and for an accepted order the receipt's body (read after the run, not on the
 * client's threads). Each slot is written once, by the callback of its own request.
 */
final class Attempts {

    final long[] intended;
    final long[] answered;
    final Outcome[] outcomes;
    final int[] items;
    final int[] units;
    final String[] receipts;
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();

    Attempts(int size) {
        intended = new long[size];
        answered = new long[size];
        outcomes = new Outcome[size];
        items = new int[size];
        units = new int[size];
        receipts = new String[size];
    }

    int size() {
        return intended.length;
    }

    long latency(int i) {
        return answered[i] - intended[i];
    }

    /** Answers that are neither an order nor a sold-out, by status and problem type, to say what they were. */
    void noteRefusal(String what) {
        refusals.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    Map<String, Long> refusals() {
        Map<String, Long> counts = new TreeMap<>();
        refusals.forEach((what, n) -> counts.put(what, n.sum()));
        return counts;
    }

    long count(Outcome outcome) {
        long n = 0;
        for (Outcome o : outcomes) {
            n += o == outcome ? 1 : 0;
        }
        return n;
    }
}
