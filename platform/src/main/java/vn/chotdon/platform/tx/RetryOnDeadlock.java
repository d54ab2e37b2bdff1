package vn.chotdon.platform.tx;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs work in a fresh transaction and runs it again when the database chose it as a deadlock
 * victim or it waited too long for a row lock. InnoDB can pick either of two transactions that
 * lock the same rows in a different order; retrying the loser is the documented remedy.
 */
public final class RetryOnDeadlock {

    private static final Logger LOG = Logger.getLogger(RetryOnDeadlock.class);
    private static final int ATTEMPTS = 5;
    /** MySQL/MariaDB: ER_LOCK_DEADLOCK and ER_LOCK_WAIT_TIMEOUT. */
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private RetryOnDeadlock() {
    }

    public static <T> T inNewTransaction(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isLockConflict(e)) {
                    throw e;
                }
                LOG.debugf("Transaction lost a lock conflict (attempt %d); running it again", attempt);
            }
        }
    }

    static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == DEADLOCK
                            || sql.getErrorCode() == LOCK_WAIT_TIMEOUT)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
