package vn.chotdon.order.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import vn.chotdon.order.config.OrderSettings;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.PlainSql;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Idempotency-Keys of order placement. A key lives in the order's own transaction: its row is the
 * transaction's first INSERT and its answer an UPDATE of its last round trip, so the key, the order
 * and the answer commit together or not at all, and nothing outlives one transaction (no claim, lease or
 * "in progress" state). The primary key decides between two requests with the same key: the
 * second one's INSERT waits on the first one's index entry until that transaction ends, then
 * either fails as a duplicate (the caller rolls back and replays the stored answer) or goes on (the
 * first rolled back). Only an accepted order (201) is stored; see {@link OrderPlacement}. Rows
 * hold only the key's hash and the answer sealed under the raw key (see {@link IdempotencyKey}).
 */
@ApplicationScoped
public class IdempotencyKeys {

    private static final int RETENTION_BATCH = 1000;
    /** What a stored answer's status always is: only accepted orders are stored. */
    static final int CREATED = 201;
    /** MySQL/MariaDB: ER_LOCK_DEADLOCK. */
    private static final int DEADLOCK = 1213;

    /** A stored answer, opened with the raw key, with the hash of the request that stored it. */
    public record StoredAnswer(String requestHash, String body) {

        /** The answer to send for a request with this hash: the stored bytes, or 422 for another body. */
        public String bodyFor(String hash) {
            if (!requestHash.equals(hash)) {
                throw reused();
            }
            return body;
        }
    }

    /** Another request's transaction committed the key first: its answer is the one to send. */
    public static final class KeyTaken extends RuntimeException {
        KeyTaken(IdempotencyKey key) {
            super(key + " was committed by another request", null, false, false);
        }
    }

    /** Lost a deadlock over the key with other requests for it; one of them goes on each time. */
    public static final class KeyContended extends RuntimeException {
        KeyContended(IdempotencyKey key) {
            super("requests for " + key + " deadlocked over it", null, false, false);
        }
    }

    private final EntityManager em;
    private final StoredAnswerReads reads;
    private final OrderSettings settings;
    private final PlainSql sql;

    IdempotencyKeys(EntityManager em, StoredAnswerReads reads, OrderSettings settings, PlainSql sql) {
        this.em = em;
        this.reads = reads;
        this.settings = settings;
        this.sql = sql;
    }

    /**
     * The answer stored for this key, read with a shared lock outside any transaction of the
     * caller: an indexed read that waits while a transaction that inserted the key is still
     * running, so a request refused before any work still gets the answer of a first request with
     * its key, even one that commits a moment later. Gathered with the reads of other requests
     * waiting at the same moment ({@link StoredAnswerReads}).
     */
    public Optional<StoredAnswer> stored(IdempotencyKey key) {
        try {
            return storedLater(key).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * {@link #stored} without waiting: completes on the thread of the gathered read, or with an
     * IllegalStateException if the database could not be read.
     */
    public CompletableFuture<Optional<StoredAnswer>> storedLater(IdempotencyKey key) {
        return reads.read(key.id())
                .thenApply(row -> row.map(r -> new StoredAnswer(r.requestHash(), key.open(CREATED, r.sealedResponse()))));
    }

    /**
     * Takes the key for the caller's transaction: waits while another transaction that inserted it
     * runs, and goes on if that one rolled back. Then, in the same round trip, runs the caller's
     * query.
     *
     * @return the first row of {@code then}, read by {@code reader}
     * @throws KeyTaken     when another request's transaction committed the key (the caller's
     *                       transaction must roll back; {@link #stored} then has the answer)
     * @throws KeyContended when requests that waited on a key whose transaction rolled back
     *                       deadlocked over it (InnoDB picks all but one of them): nothing was done
     *                       yet, the caller runs its transaction again
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Optional<T> takeThenRead(IdempotencyKey key, String requestHash, PlainSql.Statement then,
            PlainSql.RowReader<T> reader) {
        try {
            return sql.firstRowAfter(new PlainSql.Statement("INSERT INTO idempotency_key (idem_key, request_hash,"
                    + " created_at) VALUES (?, ?, ?)", key.id(), requestHash, now()), then, reader);
        } catch (PersistenceException e) {
            if (isDuplicate(e)) {
                throw new KeyTaken(key);
            }
            if (isDeadlock(e)) {
                throw new KeyContended(key);
            }
            throw e;
        }
    }

    /**
     * The statement that stores the answer, sealed, for the transaction that took the key: sent by
     * the caller with its last statements.
     */
    public PlainSql.Statement answering(IdempotencyKey key, String body) {
        return new PlainSql.Statement("UPDATE idempotency_key SET response_status = ?, sealed_response = ?"
                + " WHERE idem_key = ?", CREATED, key.seal(CREATED, body), key.id());
    }

    /**
     * Deletes keys past their retention, a batch at a time until none is left. Each batch claims its
     * rows with SKIP LOCKED, so instances running this at the same time share the work instead of
     * waiting for each other.
     */
    @Scheduled(identity = "idempotency-key-cleanup", every = "1h", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        deleteOldKeys();
    }

    /** @return how many keys this call deleted */
    public int deleteOldKeys() {
        Instant before = now().minus(settings.idempotencyRetention());
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

    private static boolean isDuplicate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDeadlock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static ProblemException reused() {
        return new ProblemException(422, "idempotency-key-reused", "Idempotency-Key already used",
                "This Idempotency-Key was used for a different request; use a new key for a new order");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
