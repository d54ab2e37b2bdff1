package vn.chotdon.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "chotdon.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service writes, e.g. {@code /chotdon/catalog-service}. */
    String source();

    /**
     * How often the relay looks for outbox rows without being woken: a commit on this instance
     * wakes it at once, so the poll only finds rows other instances wrote while this one held the
     * relay lease, and retries rows the broker did not take.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How soon the relay tries again when another instance holds the relay lease. */
    @WithDefault("100ms")
    Duration leaseRetry();

    /** How many outbox rows the relay sends to Kafka per round (one transaction). */
    @WithDefault("200")
    int batchSize();

    /**
     * How long the relay waits for the broker to acknowledge a round's rows before it leaves the
     * unacknowledged ones for the next round. The round's transaction (and the relay lease) stays
     * open that long while the broker is away, so keep it moderate.
     */
    @WithDefault("10s")
    Duration sendTimeout();

    /** How long relayed rows are kept for inspection before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** How many relayed rows one retention transaction deletes. */
    @WithDefault("1000")
    int retentionBatchSize();
}
