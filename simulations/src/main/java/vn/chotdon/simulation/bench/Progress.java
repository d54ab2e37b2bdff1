package vn.chotdon.simulation.bench;

import java.util.ArrayList;
import java.util.List;

/** What a downstream view (the board, the stock ledger) showed of a session's ordered units, and when (nanoTime). */
final class Progress {

    record Seen(long at, long units) {
    }

    private final List<Seen> seen = new ArrayList<>();

    synchronized void saw(long at, long units) {
        seen.add(new Seen(at, units));
    }

    synchronized long latest() {
        return seen.isEmpty() ? -1 : seen.get(seen.size() - 1).units();
    }

    synchronized List<Seen> all() {
        return List.copyOf(seen);
    }

    /** The first moment it showed at least this many units, or -1. */
    synchronized long firstReached(long units, long notBefore) {
        for (Seen s : seen) {
            if (s.at() >= notBefore && s.units() >= units) {
                return s.at();
            }
        }
        return -1;
    }
}
