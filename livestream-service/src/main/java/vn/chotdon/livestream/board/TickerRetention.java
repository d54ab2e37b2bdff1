package vn.chotdon.livestream.board;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes ticker rows older than the retention ({@code chotdon.board.ticker-retention}): the
 * ticker grows by one row per placed order line and only its newest rows are ever shown. Each
 * period one instance does it: the one whose conditional UPDATE of {@code ticker_trim} moves its
 * last run (the others find it moved and do nothing). It deletes oldest first, in batches of their
 * own short transactions, so it never holds many locks or a long transaction against the consumer,
 * and a second instance running at the same moment would only find fewer rows.
 */
@ApplicationScoped
public class TickerRetention {

    private static final Logger LOG = Logger.getLogger(TickerRetention.class);

    private final EntityManager em;
    private final BoardConfig config;

    TickerRetention(EntityManager em, BoardConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(every = "${chotdon.board.ticker-trim-every}", delayed = "${chotdon.board.ticker-trim-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        trim(Instant.now(), config.tickerTrimEvery());
    }

    /**
     * @param period how often the instances run it: one that ran within most of this is left alone
     * @return the rows deleted, or -1 if another instance's run of this period is (or was) the one
     */
    public long trim(Instant now, Duration period) {
        if (!claim(now, period)) {
            return -1;
        }
        Instant cutoff = now.minus(config.tickerRetention());
        long deleted = 0;
        for (int batch = 0; batch < config.tickerTrimBatchesPerRun(); batch++) {
            int rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "DELETE FROM ticker_entry WHERE placed_at < ?1 ORDER BY placed_at LIMIT ?2")
                    .setParameter(1, cutoff)
                    .setParameter(2, config.tickerTrimBatch())
                    .executeUpdate());
            deleted += rows;
            if (rows < config.tickerTrimBatch()) {
                break;
            }
        }
        if (deleted > 0) {
            LOG.infof("Deleted %d ticker row(s) placed before %s", deleted, cutoff);
        }
        return deleted;
    }

    /** Moves the last run to now unless another instance did so within most of a period. */
    private boolean claim(Instant now, Duration period) {
        Instant ranRecently = now.minus(period.multipliedBy(9).dividedBy(10));
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "UPDATE ticker_trim SET last_run_at = ?1 WHERE id = 1 AND last_run_at < ?2")
                .setParameter(1, now)
                .setParameter(2, ranRecently)
                .executeUpdate()) == 1;
    }
}
