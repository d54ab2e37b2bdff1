package vn.chotdon.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "chotdon.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service writes, e.g. {@code /chotdon/catalog-service}. */
    String source();

    /** How often the relay looks for new outbox rows. */
    @WithDefault("0.2s")
    Duration pollInterval();

    /** How many outbox rows the relay sends to Kafka per round trip. */
    @WithDefault("200")
    int batchSize();

    /**
     * How long the relay waits for the broker to acknowledge a batch before it gives up and
     * retries the same rows on its next run (consumers deduplicate by event id).
     */
    @WithDefault("30s")
    Duration sendTimeout();

    /** How long relayed rows are kept for inspection before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
