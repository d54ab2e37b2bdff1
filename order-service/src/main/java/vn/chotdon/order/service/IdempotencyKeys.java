package vn.chotdon.order.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Idempotency-Key handling for order placement. A key is claimed in its own short transaction
 * before the work starts; the answer is stored in the same transaction as the order, so a key
 * marked done always has its order and an order placed with a key always has its answer. Rows
 * hold only the key's hash and the answer sealed under the raw key (see {@link IdempotencyKey}).
 */
@ApplicationScoped
public class IdempotencyKeys {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";

    /** The stored answer to replay, opened with the raw key. */
    public record StoredAnswer(int status, String body) {
    }

    private final EntityManager em;
    private final Duration lease;
    private final Duration retention;

    IdempotencyKeys(EntityManager em,
            @ConfigProperty(name = "chotdon.orders.idempotency-lease", defaultValue = "30s") Duration lease,
            @ConfigProperty(name = "chotdon.orders.idempotency-retention", defaultValue = "P2D") Duration retention) {
        this.em = em;
        this.lease = lease;
        this.retention = retention;
    }

    /**
     * Claims the key for a request with this body hash.
     *
     * @return the stored answer when the same request already completed; empty when the caller
     *         now owns the key and must do the work
     * @throws ProblemException 422 when the key was used with another body, 409 while the first
     *                          request with it is still running
     */
    public Optional<StoredAnswer> claim(IdempotencyKey key, String requestHash) {
        Instant now = now();
        int inserted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "INSERT IGNORE INTO idempotency_key (idem_key, request_hash, state, created_at, updated_at)"
                        + " VALUES (?1, ?2, 'IN_PROGRESS', ?3, ?3)")
                .setParameter(1, key.id()).setParameter(2, requestHash).setParameter(3, now)
                .executeUpdate());
        if (inserted == 1) {
            return Optional.empty();
        }
        Object[] row = QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT request_hash, state, response_status, sealed_response"
                    + " FROM idempotency_key WHERE idem_key = ?1").setParameter(1, key.id()).getResultList();
            return rows.isEmpty() ? null : (Object[]) rows.get(0);
        });
        if (row == null) {
            // Deleted between our insert and read (an abandoned attempt): claim it again.
            return claim(key, requestHash);
        }
        if (!requestHash.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key already used",
                    "This Idempotency-Key was used for a different request; use a new key for a new order");
        }
        if (DONE.equals(row[1])) {
            int status = ((Number) row[2]).intValue();
            return Optional.of(new StoredAnswer(status, key.open(status, (byte[]) row[3])));
        }
        if (takeOver(key, requestHash, now)) {
            return Optional.empty();
        }
        throw new ProblemException(409, "request-in-progress", "Request still in progress",
                "The first request with this Idempotency-Key is still being processed; retry in a moment")
                .with("retryAfterSeconds", 1);
    }

    /** Stores the answer, sealed; call it inside the transaction that did the work. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(IdempotencyKey key, int status, String body) {
        em.createNativeQuery("UPDATE idempotency_key SET state = 'DONE', response_status = ?1, sealed_response = ?2,"
                + " updated_at = ?3 WHERE idem_key = ?4")
                .setParameter(1, status).setParameter(2, key.seal(status, body)).setParameter(3, now())
                .setParameter(4, key.id())
                .executeUpdate();
    }

    /** Stores a refusal that is the final answer to this request (sold out, over a limit). */
    public void completeAlone(IdempotencyKey key, int status, String body) {
        QuarkusTransaction.requiringNew().run(() -> complete(key, status, body));
    }

    /** Gives the key up after a failure that may pass, so that a retry runs the request again. */
    public void abandon(IdempotencyKey key) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("DELETE FROM idempotency_key WHERE idem_key = ?1 AND state = 'IN_PROGRESS'")
                .setParameter(1, key.id()).executeUpdate());
    }

    /** A request that died (process killed) leaves its key in progress; after the lease a retry takes it over. */
    private boolean takeOver(IdempotencyKey key, String requestHash, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "UPDATE idempotency_key SET updated_at = ?1 WHERE idem_key = ?2 AND request_hash = ?3"
                        + " AND state = 'IN_PROGRESS' AND updated_at < ?4")
                .setParameter(1, now).setParameter(2, key.id()).setParameter(3, requestHash)
                .setParameter(4, now.minus(lease))
                .executeUpdate()) == 1;
    }

    @Scheduled(identity = "idempotency-key-cleanup", every = "1h", delayed = "5m")
    void deleteOldKeys() {
        Instant before = now().minus(retention);
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1 AND state = 'DONE'")
                .setParameter(1, before).executeUpdate());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
