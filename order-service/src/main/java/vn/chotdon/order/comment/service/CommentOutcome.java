package vn.chotdon.order.comment.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.comment.CommentPlatform;

/** What became of one comment of a batch. */
@Schema(name = "LiveCommentOutcome")
public record CommentOutcome(
        @Schema(required = true, example = "TIKTOK") CommentPlatform platform,
        @Schema(required = true, example = "7301234567890123456") String platformCommentId,
        @Schema(required = true, description = "The stored comment's id (the first one's, for a duplicate)", example = "41")
        long commentId,
        @Schema(required = true, description = "ORDERED: an order was placed (orderCode); DUPLICATE: stored before,"
                + " nothing done; WAITING_FOR_REVIEW: in the review queue (reasons); IGNORED: chatter; REFUSED: the order"
                + " hot path refused it (sold out, a limit, session not live; reasons), it waits in the review queue;"
                + " WAITLISTED: refused as sold out (reasons), the buyer joined the item's waitlist and is offered the"
                + " units that come back in turn")
        Kind outcome,
        @Schema(required = true, nullable = true, description = "ORDERED only; null otherwise", example = "K7M2Q9XA") String orderCode,
        @Schema(required = true) List<ReviewReason> reasons) {

    /** The outcomes of a comment. */
    public enum Kind {
        ORDERED,
        DUPLICATE,
        WAITING_FOR_REVIEW,
        IGNORED,
        REFUSED,
        WAITLISTED
    }
}
