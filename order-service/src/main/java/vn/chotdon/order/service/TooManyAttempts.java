package vn.chotdon.order.service;

import java.time.Duration;
import vn.chotdon.platform.problem.ProblemException;

/** 429: the client or the phone used up its budget of order attempts; says when to try again. */
public class TooManyAttempts extends ProblemException {

    private final Duration retryAfter;

    TooManyAttempts(String detail, Duration retryAfter) {
        super(429, "too-many-attempts", "Too many order attempts", detail);
        this.retryAfter = retryAfter;
        with("retryAfterSeconds", retryAfterSeconds());
    }

    /** Whole seconds, at least 1, as the Retry-After header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
