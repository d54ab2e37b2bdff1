package vn.chotdon.livestream.board;

import java.time.Duration;
import vn.chotdon.platform.problem.ProblemException;

/** 503: this instance serves as many board streams as it may; says when to try again. */
public class BoardStreamsFull extends ProblemException {

    private final Duration retryAfter;

    BoardStreamsFull(int open, Duration retryAfter) {
        super(503, "board-streams-full", "Too many board streams",
                "This server already serves " + open + " live board streams; connect again in a moment");
        this.retryAfter = retryAfter;
        with("retryAfterSeconds", retryAfterSeconds());
    }

    /** Whole seconds, at least 1, as the Retry-After header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
