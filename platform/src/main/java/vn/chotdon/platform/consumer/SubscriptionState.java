package vn.chotdon.platform.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one subscription is doing, as its consumer thread last said: written by that thread,
 * read by readiness and the admin endpoints.
 */
public final class SubscriptionState {

    public enum Status {
        /** Joining its consumer group. */
        STARTING,
        /** Applying events as they come. */
        RUNNING,
        /** Its handler failed on an event; the partitions are paused while it is tried again. */
        RETRYING,
        /** The database cannot be reached; the partitions are paused until it can. */
        WAITING_FOR_DATABASE,
        /** Its consumer ended unexpectedly; a new one starts after a wait. */
        RESTARTING,
        /** Stopped with the application. */
        STOPPED
    }

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong batchesGivenUp = new AtomicLong();
    private volatile Status status = Status.STARTING;
    private volatile Instant troubleSince;
    private volatile String lastError;
    private volatile long lag = -1;

    void markRunning() {
        status = Status.RUNNING;
        troubleSince = null;
    }

    void markFailing(Status trouble, Throwable error) {
        if (troubleSince == null) {
            troubleSince = Instant.now();
        }
        status = trouble;
        lastError = describe(error);
    }

    void countApplied() {
        applied.incrementAndGet();
    }

    void countApplied(int events) {
        applied.addAndGet(events);
    }

    void countBatchGivenUp() {
        batchesGivenUp.incrementAndGet();
    }

    void countParked(String why) {
        parked.incrementAndGet();
        lastError = why;
    }

    void markRestarting(Throwable why) {
        restarts.incrementAndGet();
        markFailing(Status.RESTARTING, why);
    }

    void markStopped() {
        status = Status.STOPPED;
    }

    void measuredLag(long records) {
        lag = records;
    }

    public Status status() {
        return status;
    }

    /** How long it has been retrying, waiting or restarting without applying an event; zero when running. */
    public Duration inTroubleFor() {
        Instant since = troubleSince;
        return since == null ? Duration.ZERO : Duration.between(since, Instant.now());
    }

    /** Events applied since the service started (redeliveries of applied events not counted). */
    public long applied() {
        return applied.get();
    }

    /** Events parked since the service started. */
    public long parked() {
        return parked.get();
    }

    public long restarts() {
        return restarts.get();
    }

    /** Batches that failed as a whole and whose events were then applied one by one. */
    public long batchesGivenUp() {
        return batchesGivenUp.get();
    }

    /** Records on the topic not yet applied or parked; -1 until first measured. */
    public long lag() {
        return lag;
    }

    public String lastError() {
        return lastError;
    }

    static String describe(Throwable error) {
        if (error == null) {
            return null;
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = error.getClass().getName() + ": " + error.getMessage();
        return root == error ? outer : outer + " (caused by " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }
}
