package vn.chotdon.simulation.bench;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Commit → view lag, by counting units: the k-th unit committed (orders taken by their placedAt)
 * is on the view once the view shows at least k units. Events of one session may be applied a
 * little out of commit order, so one order's lag is approximate; the distribution is not.
 */
final class EventLag {

    /** An accepted order: when it was committed (nanoTime) and its units. */
    record Committed(long at, int units) {
    }

    record Result(String view, long orders, long neverSeen, Percentiles lag) {
    }

    private EventLag() {
    }

    /** committed must be sorted by time. */
    static Result of(String view, List<Committed> committed, Progress progress) {
        List<Progress.Seen> seen = progress.all();
        Histogram lags = Percentiles.histogram();
        long units = 0;
        long neverSeen = 0;
        int next = 0;
        long shown = 0;
        for (Committed order : committed) {
            units += order.units();
            while (shown < units && next < seen.size()) {
                shown = Math.max(shown, seen.get(next).units());
                next++;
            }
            if (shown >= units) {
                Percentiles.record(lags, seen.get(next - 1).at() - order.at());
            } else {
                neverSeen++;
            }
        }
        return new Result(view, committed.size(), neverSeen, Percentiles.of(lags));
    }
}
