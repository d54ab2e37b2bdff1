package vn.chotdon.livestream.board;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live board streams (Server-Sent Events) of this instance's clients. Each followed session
 * has one {@link BoardFeed} with its latest snapshot, kept fresh by the {@link BoardWatcher}; a
 * connect gets that snapshot from memory, so connects cost the database nothing once a session is
 * followed (the first connect reads it once, however many arrive together). The stream is public:
 * it never carries revenue.
 * <p>
 * Open streams are capped per instance: beyond the cap a connect is refused with 503 and
 * Retry-After before any stream opens (a load balancer or the client then tries again, perhaps
 * on another instance). A session that is over needs no slot: its stream is its last snapshot,
 * then the end.
 */
@ApplicationScoped
public class BoardHub {

    private final BoardSnapshots snapshots;
    private final BoardConfig config;
    private final Map<Long, BoardFeed> feeds = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<BoardFeed>> loading = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    BoardHub(BoardSnapshots snapshots, BoardConfig config, MeterRegistry registry) {
        this.snapshots = snapshots;
        this.config = config;
        Gauge.builder("chotdon.board.streams", open, AtomicInteger::get)
                .description("Live board streams open on this instance").register(registry);
    }

    /**
     * The current snapshot first, then one after every change, until the client goes away or the
     * session is over.
     *
     * @throws BoardStreamsFull when this instance serves as many streams as it may
     * @throws vn.chotdon.platform.problem.ProblemException 404 if there is no such session
     */
    public Multi<OutboundSseEvent> follow(long sessionId) {
        BoardFeed feed = feed(sessionId);
        if (feed.ended()) {
            return Multi.createFrom().<OutboundSseEvent> emitter(feed::join);
        }
        if (open.incrementAndGet() > config.maxStreams()) {
            open.decrementAndGet();
            throw new BoardStreamsFull(config.maxStreams(), config.fullRetryAfter());
        }
        return Multi.createFrom().<OutboundSseEvent> emitter(stream -> {
            stream.onTermination(() -> {
                feed.leave(stream, Instant.now());
                open.decrementAndGet();
            });
            feed.join(stream);
        }, BackPressureStrategy.LATEST);
    }

    /** Streams open on this instance now. */
    public int openStreams() {
        return open.get();
    }

    boolean isFollowed(long sessionId) {
        return feeds.containsKey(sessionId);
    }

    Collection<BoardFeed> allFeeds() {
        return List.copyOf(feeds.values());
    }

    void drop(BoardFeed feed) {
        feeds.remove(feed.sessionId(), feed);
    }

    /** The session's feed, read from the database only if no stream of this instance follows it yet. */
    private BoardFeed feed(long sessionId) {
        BoardFeed cached = feeds.get(sessionId);
        if (cached != null) {
            cached.wanted(Instant.now());
            return cached;
        }
        CompletableFuture<BoardFeed> mine = new CompletableFuture<>();
        CompletableFuture<BoardFeed> theirs = loading.putIfAbsent(sessionId, mine);
        if (theirs != null) {
            return awaitLoad(theirs);
        }
        try {
            BoardFeed loaded = new BoardFeed(sessionId, snapshots.read(sessionId), Instant.now());
            BoardFeed kept = feeds.putIfAbsent(sessionId, loaded);
            BoardFeed feed = kept == null ? loaded : kept;
            mine.complete(feed);
            return feed;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(sessionId, mine);
        }
    }

    /** Waits for another connect's read of the same session; its 404 is this connect's too. */
    private static BoardFeed awaitLoad(CompletableFuture<BoardFeed> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** At shutdown every stream is completed; the clients reconnect, to another instance. */
    void closeAll() {
        feeds.values().forEach(BoardFeed::close);
        feeds.clear();
    }
}
