package vn.chotdon.order.service;

import java.util.Set;
import vn.chotdon.platform.problem.Problem;

/**
 * Which of placement's answers an Idempotency-Key keeps for good, to replay to every retry. Only
 * an answer that the same request would get again, whatever happens next, is final:
 * <ul>
 * <li>201 created, and a refusal that depends on the body alone (400 validation);</li>
 * <li>409 session-not-live once the session ended or was cancelled: neither ever goes LIVE again;</li>
 * <li>422 idempotency-key-reused: the key already placed an order.</li>
 * </ul>
 * Every other refusal may change, so the key is given up and a retry runs the request again:
 * session-not-live while SCHEDULED (it may open), an unknown session or item (the read model may
 * not have it yet), sold-out (cancelled and expired orders give units back, the quota may grow),
 * buyer-limit and held-units-cap (the buyer's other orders may be cancelled or paid), and every
 * failure that is not a refusal (503, a lost lock wait).
 */
final class FinalAnswers {

    private static final Set<String> FINAL_TYPES = Set.of(type("validation"), type("idempotency-key-reused"));
    private static final Set<String> FINAL_SESSION_STATUSES = Set.of("ENDED", "CANCELLED");

    private FinalAnswers() {
    }

    static boolean isFinal(Problem refusal) {
        if (FINAL_TYPES.contains(refusal.type)) {
            return true;
        }
        return type("session-not-live").equals(refusal.type)
                && FINAL_SESSION_STATUSES.contains(String.valueOf(refusal.extensions().get("currentStatus")));
    }

    private static String type(String slug) {
        return Problem.TYPE_BASE + slug;
    }
}
