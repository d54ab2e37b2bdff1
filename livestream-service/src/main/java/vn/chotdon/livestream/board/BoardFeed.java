package vn.chotdon.livestream.board;

import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One session's board as this instance shows it: the latest snapshot, read once for all, and the
 * streams of this instance's clients following it. A stream joins and a snapshot is published under
 * one lock, so every stream gets the snapshots in order and none is missed between its first
 * snapshot and the next. Emitting never blocks: a slow stream keeps only the latest event. The
 * streams are iterated over a copy, since completing one runs its termination, which leaves.
 */
final class BoardFeed {

    /** A snapshot, the version of the board it was read at (or after), and its event. */
    record Snapshot(long version, boolean last, OutboundSseEvent event) {
    }

    private final long sessionId;
    private final Set<MultiEmitter<? super OutboundSseEvent>> streams = new HashSet<>();
    private Snapshot latest;
    /** When the last stream left, or when a connect last asked for this feed. */
    private Instant idleSince;
    /** Dropped from the cache: nothing joins any more, a stream that tries reconnects. */
    private boolean retired;

    BoardFeed(long sessionId, Snapshot first, Instant now) {
        this.sessionId = sessionId;
        this.latest = first;
        this.idleSince = now;
    }

    long sessionId() {
        return sessionId;
    }

    synchronized long version() {
        return latest.version();
    }

    /** Whether the session ended or was cancelled: its streams get the last snapshot and are completed. */
    synchronized boolean ended() {
        return latest.last();
    }

    /** A connect is about to join: the feed is not dropped from the cache meanwhile. */
    synchronized void wanted(Instant now) {
        if (streams.isEmpty()) {
            idleSince = now;
        }
    }

    /**
     * Sends the stream the latest snapshot and keeps it for the next ones; the stream of a session
     * that is over (or of a feed just dropped, whose client then reconnects) is completed at once.
     */
    synchronized void join(MultiEmitter<? super OutboundSseEvent> stream) {
        if (latest.last() || retired) {
            stream.emit(latest.event());
            stream.complete();
            return;
        }
        // Added first: a client gone meanwhile is cancelled by this emit, and its termination leaves.
        streams.add(stream);
        stream.emit(latest.event());
    }

    synchronized void leave(MultiEmitter<? super OutboundSseEvent> stream, Instant now) {
        if (streams.remove(stream) && streams.isEmpty()) {
            idleSince = now;
        }
    }

    /** Sends a newer snapshot to every stream; the last one of an ended session completes them. */
    synchronized void publish(Snapshot snapshot) {
        if (snapshot.version() < latest.version()) {
            return;
        }
        latest = snapshot;
        List<MultiEmitter<? super OutboundSseEvent>> following = List.copyOf(streams);
        following.forEach(stream -> stream.emit(snapshot.event()));
        if (snapshot.last()) {
            streams.clear();
            following.forEach(MultiEmitter::complete);
        }
    }

    /**
     * A comment line to every stream with nothing in flight. A stream whose previous event is still
     * being written is left alone: with a latest-only buffer the heartbeat would replace a snapshot.
     */
    synchronized void heartbeat(OutboundSseEvent beat) {
        for (MultiEmitter<? super OutboundSseEvent> stream : List.copyOf(streams)) {
            if (stream.requested() > 0) {
                stream.emit(beat);
            }
        }
    }

    synchronized int streams() {
        return streams.size();
    }

    /** Drops the feed if nobody followed it for that long; @return whether it was dropped */
    synchronized boolean retireIfIdle(Instant now, Duration keepIdle) {
        if (streams.isEmpty() && idleSince.plus(keepIdle).isBefore(now)) {
            retired = true;
        }
        return retired;
    }

    /** At shutdown: every stream ends, and its clients reconnect to another instance. */
    synchronized void close() {
        retired = true;
        List<MultiEmitter<? super OutboundSseEvent>> following = List.copyOf(streams);
        streams.clear();
        following.forEach(MultiEmitter::complete);
    }
}
