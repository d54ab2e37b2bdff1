package vn.chotdon.platform.consumer;

import vn.chotdon.platform.database.DatabaseOutage;
import java.time.Duration;

/**
 * What a consumer does after its handler failed on an event: try again after a growing wait,
 * park the event once the attempts or the time budget are spent, or, when the database cannot be
 * reached, wait for it however long that takes (an outage says nothing about the event).
 */
public final class RetryPolicy {

    public enum Next {
        /** Try the same event again after {@link Decision#pause()}. */
        RETRY,
        /** The database is unreachable: try again after {@link Decision#pause()}, without counting the attempt. */
        WAIT_FOR_DATABASE,
        /** Give up on the event: park it and go on. */
        PARK
    }

    public record Decision(Next next, Duration pause) {
    }

    private final int maxAttempts;
    private final Duration budget;
    private final Duration firstBackoff;
    private final Duration maxBackoff;

    public RetryPolicy(int maxAttempts, Duration budget, Duration firstBackoff, Duration maxBackoff) {
        if (maxAttempts < 1 || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("max attempts must be at least 1 and the backoffs 0 <= first <= max");
        }
        this.maxAttempts = maxAttempts;
        this.budget = budget;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    static RetryPolicy of(ConsumerSettings.Retry settings) {
        return new RetryPolicy(settings.maxAttempts(), settings.budget(), settings.firstBackoff(), settings.maxBackoff());
    }

    /**
     * @param failure      what the last attempt threw
     * @param failedSoFar  attempts that failed for the event's own sake, the last one included
     * @param databaseWaits earlier waits for the database while applying this event
     * @param retryingFor  time spent on the event's own failures (attempts and their waits)
     */
    public Decision afterFailure(Throwable failure, int failedSoFar, int databaseWaits, Duration retryingFor) {
        if (DatabaseOutage.isCauseOf(failure)) {
            return new Decision(Next.WAIT_FOR_DATABASE, backoff(databaseWaits + 1));
        }
        if (failedSoFar >= maxAttempts || retryingFor.compareTo(budget) >= 0) {
            return new Decision(Next.PARK, Duration.ZERO);
        }
        return new Decision(Next.RETRY, backoff(failedSoFar));
    }

    /** The wait before attempt {@code failures + 1}: first backoff doubled per failure, capped. */
    public Duration backoff(int failures) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
