package vn.chotdon.platform.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;
import vn.chotdon.platform.consumer.ConsumerSettings;
import vn.chotdon.platform.parking.ParkedEvents;

/**
 * Deletes processed-event records and replayed parked events past their retention
 * ({@code chotdon.consumers.retention.*}). Every instance runs it: each statement deletes one
 * small batch in its own short transaction, so instances running at once only share the work.
 */
@ApplicationScoped
public class ConsumerRetention {

    private static final Logger LOG = Logger.getLogger(ConsumerRetention.class);

    private final ProcessedEvents processed;
    private final ParkedEvents parked;
    private final ConsumerSettings.Retention settings;

    ConsumerRetention(ProcessedEvents processed, ParkedEvents parked, ConsumerSettings settings) {
        this.processed = processed;
        this.parked = parked;
        this.settings = settings.retention();
    }

    @Scheduled(identity = "consumer-retention", every = "${chotdon.consumers.retention.interval:1h}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            forget();
        } catch (RuntimeException e) {
            LOG.warnf("Consumer retention did not finish, it runs again later: %s", e.getMessage());
        }
    }

    /** @return how many processed-event records and replayed parked events were deleted */
    public long forget() {
        Instant now = Instant.now();
        int batch = settings.batchSize();
        long deleted = 0;
        Instant processedBefore = now.minus(settings.processedEvents());
        for (int n = batch; n == batch; deleted += n) {
            n = processed.forgetOlderThan(processedBefore, batch);
        }
        Instant replayedBefore = now.minus(settings.replayedParkedEvents());
        for (int n = batch; n == batch; deleted += n) {
            n = parked.forgetReplayed(replayedBefore, batch);
        }
        if (deleted > 0) {
            LOG.infof("Consumer retention deleted %d row(s)", deleted);
        }
        return deleted;
    }
}
