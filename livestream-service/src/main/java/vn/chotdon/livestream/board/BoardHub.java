package vn.chotdon.livestream.board;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import vn.chotdon.livestream.service.BoardChanged;
import vn.chotdon.livestream.service.Sessions;

/**
 * Pushes live board snapshots to the clients following a session (Server-Sent Events). A
 * snapshot is read after every committed change of the session's board, on one publisher
 * thread, so followers see them in order; a slow follower gets the latest one. Every follower gets
 * the same snapshot, read once for all, and the stream is public: it never carries revenue.
 */
@ApplicationScoped
public class BoardHub {

    private static final Logger LOG = Logger.getLogger(BoardHub.class);

    private final Board board;
    private final Sessions sessions;
    private final Map<Long, Set<MultiEmitter<? super BoardView>>> followers = new ConcurrentHashMap<>();
    /** Sessions whose new snapshot is queued: a burst of changes is read once. */
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "board-publisher");
        thread.setDaemon(true);
        return thread;
    });

    BoardHub(Board board, Sessions sessions) {
        this.board = board;
        this.sessions = sessions;
    }

    /** The current snapshot first, then one after every change, until the client goes away. */
    public Multi<BoardView> follow(long sessionId) {
        sessions.get(sessionId);
        return Multi.createFrom().<BoardView> emitter(emitter -> {
            followers.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(emitter);
            emitter.onTermination(() -> unfollow(sessionId, emitter));
            emitter.emit(board.snapshot(sessionId));
        }, BackPressureStrategy.LATEST).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardChanged change) {
        long sessionId = change.sessionId();
        if (followers.containsKey(sessionId) && pending.add(sessionId)) {
            publisher.execute(() -> push(sessionId));
        }
    }

    private void push(long sessionId) {
        pending.remove(sessionId);
        Set<MultiEmitter<? super BoardView>> following = followers.get(sessionId);
        if (following == null || following.isEmpty()) {
            return;
        }
        try {
            BoardView view = board.snapshot(sessionId);
            following.forEach(emitter -> emitter.emit(view));
        } catch (RuntimeException e) {
            LOG.warnf("Could not push the board of session %d: %s", sessionId, e.toString());
        }
    }

    private void unfollow(long sessionId, MultiEmitter<? super BoardView> emitter) {
        followers.computeIfPresent(sessionId, (id, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
    }

    @PreDestroy
    void stop() {
        publisher.shutdownNow();
        followers.values().forEach(set -> set.forEach(MultiEmitter::complete));
        followers.clear();
    }
}
