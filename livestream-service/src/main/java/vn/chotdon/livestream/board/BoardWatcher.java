package vn.chotdon.livestream.board;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.chotdon.livestream.service.BoardChanged;

/**
 * Keeps this instance's board feeds fresh, on one thread per instance. Every few hundred
 * milliseconds (and at once after a change committed on this instance) it reads the board
 * versions of every session in memory in one query; for each session whose version moved it reads
 * the snapshot once and publishes it to all of this instance's streams of the session. The
 * consumer that applies an order event runs on one instance only, so this is how the streams of
 * every other instance learn of it. It also sends the heartbeats and drops the snapshots of
 * sessions nobody follows any more. While the database is out of reach the streams keep their
 * last snapshot and their heartbeats, and catch up when it returns.
 */
@ApplicationScoped
public class BoardWatcher {

    private static final Logger LOG = Logger.getLogger(BoardWatcher.class);

    private final BoardHub hub;
    private final BoardSnapshots snapshots;
    private final BoardConfig config;
    private final Semaphore wake = new Semaphore(0);
    private final BoardEvent heartbeat = BoardEvent.heartbeat();
    private volatile boolean running;
    private Thread thread;
    private Instant nextHeartbeat;
    private boolean failing;

    BoardWatcher(BoardHub hub, BoardSnapshots snapshots, BoardConfig config) {
        this.hub = hub;
        this.snapshots = snapshots;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::watch, "board-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** A change of a board committed on this instance: its streams need not wait for the next round. */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) BoardChanged change) {
        if (hub.isFollowed(change.sessionId())) {
            wake.release();
        }
    }

    private void watch() {
        nextHeartbeat = Instant.now().plus(config.heartbeatEvery());
        while (running) {
            try {
                wake.tryAcquire(config.watchEvery().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                round(Instant.now());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("The board watcher failed a round; it goes on with the next", e);
            }
        }
    }

    /** One round: fresh snapshots for the boards that changed, heartbeats when due, idle feeds dropped. */
    void round(Instant now) {
        refresh();
        if (!now.isBefore(nextHeartbeat)) {
            hub.allFeeds().forEach(feed -> feed.heartbeat(heartbeat));
            nextHeartbeat = now.plus(config.heartbeatEvery());
        }
        for (BoardFeed feed : hub.allFeeds()) {
            if (feed.retireIfIdle(now, config.keepIdle())) {
                hub.drop(feed);
            }
        }
    }

    private void refresh() {
        Collection<BoardFeed> feeds = hub.allFeeds();
        if (feeds.isEmpty()) {
            return;
        }
        try {
            Map<Long, Long> versions = snapshots.versions(feeds.stream().map(BoardFeed::sessionId).toList());
            for (BoardFeed feed : feeds) {
                if (versions.getOrDefault(feed.sessionId(), 0L) != feed.version()) {
                    feed.publish(snapshots.read(feed.sessionId()));
                }
            }
            if (failing) {
                LOG.info("The board watcher reads the database again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("The board watcher cannot read the database (%s); the streams keep their last snapshot"
                        + " until it can", e.toString());
                failing = true;
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        hub.closeAll();
    }
}
