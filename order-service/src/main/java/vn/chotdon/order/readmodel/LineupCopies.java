package vn.chotdon.order.readmodel;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.chotdon.order.readmodel.LiveLineups.Lineup;

/**
 * This instance's copies of lineups and, per session, when a change applied here last committed:
 * a copy may be used while it is younger than the maximum age and was read after that change.
 * Once older than the maximum age, neither a copy nor a change's moment can decide anything, so
 * {@link #prune} drops them: a service that runs for months keeps only the sessions of the last
 * moments, not one entry for every session it ever sold in.
 */
final class LineupCopies {

    private final long maxAgeNanos;
    private final ConcurrentHashMap<Long, Lineup> copies = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Long> changedAt = new ConcurrentHashMap<>();

    LineupCopies(long maxAgeNanos) {
        this.maxAgeNanos = maxAgeNanos;
    }

    /** The session's copy, if it may still be used at {@code now} (System.nanoTime()). */
    Optional<Lineup> current(long sessionId, long now) {
        Lineup copy = copies.get(sessionId);
        if (copy == null || now - copy.readAtNanos() > maxAgeNanos) {
            return Optional.empty();
        }
        Long changed = changedAt.get(sessionId);
        return changed == null || copy.readAtNanos() - changed > 0 ? Optional.of(copy) : Optional.empty();
    }

    void keep(Lineup copy) {
        copies.put(copy.sessionId(), copy);
    }

    void drop(long sessionId) {
        copies.remove(sessionId);
    }

    /** A change of the session committed at {@code now}: no copy read before it is used again. */
    void changed(long sessionId, long now) {
        changedAt.put(sessionId, now);
        copies.remove(sessionId);
    }

    /** The sessions whose copies hold this item. */
    List<Long> sessionsWithItem(long itemId) {
        return copies.values().stream().filter(copy -> copy.byId().containsKey(itemId)).map(Lineup::sessionId).toList();
    }

    /** Drops the copies and the changes' moments older than the maximum age at {@code now}. */
    void prune(long now) {
        copies.values().removeIf(copy -> now - copy.readAtNanos() > maxAgeNanos);
        changedAt.values().removeIf(changed -> now - changed > maxAgeNanos);
    }

    /** How many sessions this instance holds a copy or a change's moment of. */
    int size() {
        return copies.size() + changedAt.size();
    }
}
