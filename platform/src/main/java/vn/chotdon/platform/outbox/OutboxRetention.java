package vn.chotdon.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes relayed outbox rows once their retention period is over, a batch per short
 * transaction so that no delete holds many row locks or a long undo log. Each batch first takes
 * the {@code retention} lease row with {@code SKIP LOCKED}: with several instances one deletes
 * and the others leave it to it. Parked rows are never deleted here.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    private static final String TAKE_LEASE =
            "SELECT name FROM outbox_relay_lease WHERE name = 'retention' FOR UPDATE SKIP LOCKED";

    private final EntityManager em;
    private final OutboxConfig config;

    OutboxRetention(EntityManager em, OutboxConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(identity = "outbox-retention", every = "1h", delayed = "1m")
    void deleteRelayedRows() {
        deleteRelayedBefore(Instant.now().minus(config.retention()));
    }

    /** @return how many rows this instance deleted */
    public long deleteRelayedBefore(Instant before) {
        long deleted = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                if (em.createNativeQuery(TAKE_LEASE).getResultList().isEmpty()) {
                    return 0;
                }
                return em.createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1"
                        + " ORDER BY published_at, id LIMIT ?2")
                        .setParameter(1, before)
                        .setParameter(2, config.retentionBatchSize())
                        .executeUpdate();
            });
            deleted += batch;
        } while (batch == config.retentionBatchSize());
        if (deleted > 0) {
            LOG.infof("Deleted %d relayed outbox row(s) older than %s", deleted, before);
        }
        return deleted;
    }
}
