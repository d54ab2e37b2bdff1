package vn.chotdon.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The settings of the live-comment intake, {@code chotdon.comments.*}. */
@ConfigMapping(prefix = "chotdon.comments")
public interface CommentSettings {

    /** How often comments left undecided are looked for (CommentSweep's schedule reads the same key). */
    @WithDefault("30s")
    Duration sweepInterval();

    /**
     * How long after it was stored a comment still RECEIVED is taken as left by a request that
     * stopped, and decided again. A batch of 500 comments is decided well within it.
     */
    @WithDefault("120s")
    Duration resumeAfter();
}
