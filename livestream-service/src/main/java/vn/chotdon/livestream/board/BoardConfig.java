package vn.chotdon.livestream.board;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The live board's streams and its ticker's retention ({@code chotdon.board.*}). */
@ConfigMapping(prefix = "chotdon.board")
public interface BoardConfig {

    /**
     * How often each instance reads the versions of the boards its clients follow; a change made on
     * this instance is looked at as soon as it commits, one made on another within this time.
     */
    @WithDefault("0.25s")
    Duration watchEvery();

    /** How often an idle stream gets a comment line, so that proxies keep it and a dead client is noticed. */
    @WithDefault("15s")
    Duration heartbeatEvery();

    /** Open streams one instance serves at most; beyond it a connect is answered 503 with Retry-After. */
    @WithDefault("2000")
    int maxStreams();

    /** The Retry-After of that 503. */
    @WithDefault("10s")
    Duration fullRetryAfter();

    /** How long a session's latest snapshot stays in memory after its last stream closed (reconnects find it). */
    @WithDefault("60s")
    Duration keepIdle();

    /** Ticker rows older than this are deleted; the overlay shows the latest ten, the host page the last minute. */
    @WithDefault("7d")
    Duration tickerRetention();

    /** How often the ticker's retention runs (once per period across all instances). */
    @WithDefault("10m")
    Duration tickerTrimEvery();

    /** Ticker rows deleted per statement, each in its own short transaction. */
    @WithDefault("1000")
    int tickerTrimBatch();

    /** Statements per run at most, so that one run cannot go on for long; the next run goes on. */
    @WithDefault("100")
    int tickerTrimBatchesPerRun();
}
