package vn.chotdon.order.comment.service;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The outcome of every comment of a batch, in the batch's order. */
@Schema(name = "LiveCommentBatchAnswer")
public record BatchAnswer(
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true) List<CommentOutcome> outcomes) {
}
