package vn.chotdon.comments;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one live comment asks for.
 *
 * <p>A CLEAR intent's lines are certain. The phone is separate from the status: a comment such as
 * "BG01 x2" is CLEAR for its items but {@link #phoneMissing()}, and waits in the session's queue until
 * staff (or a later comment) supply the phone; only {@link #readyToOrder()} intents go straight to an order.
 * A NEEDS_REVIEW intent keeps whatever was understood (lines, phone) so that staff can edit then accept.
 */
public record CommentIntent(IntentStatus status, List<IntentLine> lines, Optional<String> phoneE164,
        List<Reason> reasons) {

    public CommentIntent {
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        phoneE164 = phoneE164 == null ? Optional.empty() : phoneE164;
        reasons = List.copyOf(reasons);
        if (status == IntentStatus.CLEAR && (lines.isEmpty() || !reasons.isEmpty())) {
            throw new IllegalArgumentException("a clear intent has lines and no reasons");
        }
        if (status == IntentStatus.NEEDS_REVIEW && reasons.isEmpty()) {
            throw new IllegalArgumentException("an intent that needs review says why");
        }
    }

    static CommentIntent ignored() {
        return new CommentIntent(IntentStatus.IGNORED, List.of(), Optional.empty(), List.of());
    }

    /** True when the comment gave no phone: the intent cannot become an order by itself. */
    public boolean phoneMissing() {
        return phoneE164.isEmpty();
    }

    /** A clear intent with a phone: it can go through the order hot path as it is. */
    public boolean readyToOrder() {
        return status == IntentStatus.CLEAR && phoneE164.isPresent();
    }

    public boolean has(ReasonCode code) {
        return reasons.stream().anyMatch(r -> r.code() == code);
    }
}
