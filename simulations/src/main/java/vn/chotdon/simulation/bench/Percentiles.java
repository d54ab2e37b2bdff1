package vn.chotdon.simulation.bench;

import org.HdrHistogram.Histogram;

/** p50/p95/p99/p99.9/max of a set of durations, in milliseconds (an HdrHistogram of microseconds underneath). */
record Percentiles(long count, double p50, double p95, double p99, double p999, double max) {

    /** Up to ten minutes (an overloaded machine gets there), three significant digits. */
    static Histogram histogram() {
        return new Histogram(600_000_000L, 3);
    }

    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos / 1000, 0), histogram.getHighestTrackableValue()));
    }

    static Percentiles of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Percentiles(0, 0, 0, 0, 0, 0);
        }
        return new Percentiles(h.getTotalCount(), ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(95)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
