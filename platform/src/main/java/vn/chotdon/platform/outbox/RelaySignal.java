package vn.chotdon.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the relay when a transaction that wrote outbox rows commits, so that its events go out
 * at once instead of at the next poll. Many commits before the relay wakes count as one wake-up.
 */
@ApplicationScoped
public class RelaySignal {

    private final TransactionSynchronizationRegistry transactions;
    private final Semaphore wakeUps = new Semaphore(0);

    RelaySignal(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Wakes the relay once the current transaction commits; nothing happens if it rolls back. */
    public void wakeAfterCommit() {
        if (transactions.getResource(RelaySignal.class) != null) {
            return;
        }
        transactions.putResource(RelaySignal.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** @return true when woken, false when the wait ran out */
    boolean await(Duration timeout) throws InterruptedException {
        boolean woken = wakeUps.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        wakeUps.drainPermits();
        return woken;
    }
}
