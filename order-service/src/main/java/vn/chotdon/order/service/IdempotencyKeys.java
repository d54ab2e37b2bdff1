package vn.chotdon.order.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Idempotency-Key handling for order placement. A key is claimed in its own short transaction
 * before the work starts, under a random claim token that names the request holding it. Every
 * transaction that works for the key first {@linkplain #hold holds} the claim (a conditional
 * UPDATE that fails once another request took the key over, and that keeps the key's row locked
 * until the transaction ends), and stores the answer in that same transaction: the order and its
 * answer commit together or not at all, and only the request that still owns the key can store
 * one. Rows hold only the key's hash and the answer sealed under the raw key (see
 * {@link IdempotencyKey}).
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final int RETENTION_BATCH = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What claiming a key gives: the key to work for, or the answer of the request that already did. */
    public sealed interface Claimed permits Claim, StoredAnswer {
    }

    /** The key, held by this request until it completes or abandons it. */
    public record Claim(IdempotencyKey key, String token) implements Claimed {
    }

    /** The stored answer to replay, opened with the raw key. */
    public record StoredAnswer(int status, String body) implements Claimed {
    }

    /** The claim was taken over by another request (this one outlived its lease): it may store nothing. */
    public static final class ClaimLost extends RuntimeException {
        ClaimLost(IdempotencyKey key) {
            super("the claim of " + key + " was taken over by another request");
        }
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
     * @return the stored answer when the same request already completed; otherwise the claim, and
     *         the caller must do the work
     * @throws ProblemException 422 when the key was used with another body, 409 while the first
     *                          request with it is still running
     */
    public Claimed claim(IdempotencyKey key, String requestHash) {
        // Read before inserting: an INSERT that meets the key's row would wait for the row lock
        // of a request working for the key, where a plain read does not.
        Object[] row = read(key);
        if (row == null) {
            String token = newToken();
            Instant now = now();
            // Racing first claims of one key can deadlock over its row; the loser runs again.
            int inserted = RetryOnDeadlock.inNewTransaction(() -> em.createNativeQuery(
                    "INSERT IGNORE INTO idempotency_key (idem_key, request_hash, state, claim_token, created_at, updated_at)"
                            + " VALUES (?1, ?2, 'IN_PROGRESS', ?3, ?4, ?4)")
                    .setParameter(1, key.id()).setParameter(2, requestHash).setParameter(3, token).setParameter(4, now)
                    .executeUpdate());
            if (inserted == 1) {
                return new Claim(key, token);
            }
            row = read(key);
            if (row == null) {
                // Given up between our insert and read (a refusal that may change): claim it again.
                return claim(key, requestHash);
            }
        }
        if (!requestHash.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key already used",
                    "This Idempotency-Key was used for a different request; use a new key for a new order");
        }
        if ("DONE".equals(row[1])) {
            return storedAnswer(key, row);
        }
        String token = newToken();
        if (takeOver(key, requestHash, token, now())) {
            return new Claim(key, token);
        }
        throw inProgress();
    }

    /**
     * Holds the claim for the rest of the caller's transaction: fails when another request took
     * the key over, and otherwise locks the key's row, so that no request can take it over while
     * this transaction runs, however long it waits for locks.
     *
     * @throws ClaimLost when this request no longer owns the key
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(Claim claim) {
        int held = em.createNativeQuery("UPDATE idempotency_key SET updated_at = ?1"
                + " WHERE idem_key = ?2 AND claim_token = ?3 AND state = 'IN_PROGRESS'")
                .setParameter(1, now()).setParameter(2, claim.key().id()).setParameter(3, claim.token())
                .executeUpdate();
        if (held != 1) {
            throw new ClaimLost(claim.key());
        }
    }

    /**
     * Stores the answer, sealed, in the caller's transaction, which must have {@linkplain #hold held}
     * the claim.
     *
     * @throws ClaimLost when this request no longer owns the key
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Claim claim, int status, String body) {
        IdempotencyKey key = claim.key();
        int completed = em.createNativeQuery("UPDATE idempotency_key SET state = 'DONE', claim_token = NULL,"
                + " response_status = ?1, sealed_response = ?2, updated_at = ?3"
                + " WHERE idem_key = ?4 AND claim_token = ?5 AND state = 'IN_PROGRESS'")
                .setParameter(1, status).setParameter(2, key.seal(status, body)).setParameter(3, now())
                .setParameter(4, key.id()).setParameter(5, claim.token())
                .executeUpdate();
        if (completed != 1) {
            throw new ClaimLost(key);
        }
    }

    /** Stores a refusal that is the final answer to this request, unless the key was taken over meanwhile. */
    public void completeAlone(Claim claim, int status, String body) {
        try {
            QuarkusTransaction.requiringNew().run(() -> complete(claim, status, body));
        } catch (ClaimLost lost) {
            // The request that took the key over answers for it.
        }
    }

    /** Gives the key up, if this request still owns it, so that a retry runs the request again. */
    public void abandon(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("DELETE FROM idempotency_key WHERE idem_key = ?1 AND claim_token = ?2"
                        + " AND state = 'IN_PROGRESS'")
                .setParameter(1, claim.key().id()).setParameter(2, claim.token()).executeUpdate());
    }

    /** What a request whose claim was taken over answers: the answer stored meanwhile, or 409 in progress. */
    public StoredAnswer afterLostClaim(IdempotencyKey key) {
        Object[] row = read(key);
        if (row != null && "DONE".equals(row[1])) {
            return storedAnswer(key, row);
        }
        throw inProgress();
    }

    /** The key's row as last committed, without waiting for any lock. */
    private Object[] read(IdempotencyKey key) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("SELECT request_hash, state, response_status, sealed_response"
                    + " FROM idempotency_key WHERE idem_key = ?1").setParameter(1, key.id()).getResultList();
            return rows.isEmpty() ? null : (Object[]) rows.get(0);
        });
    }

    /**
     * A request that died (process killed) leaves its key in progress; after the lease a retry takes
     * it over. A key whose row is locked belongs to a transaction working for it right now (see
     * {@link #hold}), however old its lease looks: SKIP LOCKED passes it by instead of waiting.
     */
    private boolean takeOver(IdempotencyKey key, String requestHash, String token, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> expired = em.createNativeQuery("SELECT idem_key FROM idempotency_key WHERE idem_key = ?1"
                    + " AND request_hash = ?2 AND state = 'IN_PROGRESS' AND updated_at < ?3 FOR UPDATE SKIP LOCKED")
                    .setParameter(1, key.id()).setParameter(2, requestHash).setParameter(3, now.minus(lease))
                    .getResultList();
            if (expired.isEmpty()) {
                return false;
            }
            em.createNativeQuery("UPDATE idempotency_key SET claim_token = ?1, updated_at = ?2 WHERE idem_key = ?3")
                    .setParameter(1, token).setParameter(2, now).setParameter(3, key.id()).executeUpdate();
            return true;
        });
    }

    /**
     * Deletes keys past their retention, a batch at a time until none is left. Each batch claims its
     * rows with SKIP LOCKED, so instances running this at the same time share the work instead of
     * waiting for each other. A key still in progress after its retention was abandoned long ago.
     */
    @Scheduled(identity = "idempotency-key-cleanup", every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        deleteOldKeys();
    }

    /** @return how many keys this call deleted */
    public int deleteOldKeys() {
        Instant before = now().minus(retention);
        int deleted = 0;
        for (int batch = RETENTION_BATCH; batch == RETENTION_BATCH;) {
            batch = RetryOnDeadlock.inNewTransaction(() -> {
                List<?> old = em.createNativeQuery("SELECT idem_key FROM idempotency_key WHERE created_at < ?1"
                        + " LIMIT " + RETENTION_BATCH + " FOR UPDATE SKIP LOCKED")
                        .setParameter(1, before).getResultList();
                if (old.isEmpty()) {
                    return 0;
                }
                return em.createNativeQuery("DELETE FROM idempotency_key WHERE idem_key IN (?1)")
                        .setParameter(1, old).executeUpdate();
            });
            deleted += batch;
        }
        return deleted;
    }

    private static StoredAnswer storedAnswer(IdempotencyKey key, Object[] row) {
        int status = ((Number) row[2]).intValue();
        return new StoredAnswer(status, key.open(status, (byte[]) row[3]));
    }

    private static ProblemException inProgress() {
        return new ProblemException(409, "request-in-progress", "Request still in progress",
                "The first request with this Idempotency-Key is still being processed; retry in a moment")
                .with("retryAfterSeconds", 1);
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
