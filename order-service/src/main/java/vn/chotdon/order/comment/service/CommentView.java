package vn.chotdon.order.comment.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.buyer.BuyerSummary;
import vn.chotdon.order.comment.CommentPlatform;
import vn.chotdon.order.comment.CommentState;

/** A stored live comment, what was understood of it and what became of it. */
@Schema(name = "LiveComment")
public record CommentView(
        @Schema(required = true, example = "41") long id,
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true, example = "TIKTOK") CommentPlatform platform,
        @Schema(required = true, example = "7301234567890123456") String platformCommentId,
        @Schema(required = true, example = "Chị Lan Đan Phượng") String commenterName,
        @Schema(required = true, example = "lan.dp.88") String commenterId,
        @Schema(required = true, example = "chốt BG01 x2") String text,
        @Schema(required = true) Instant commentedAt,
        @Schema(required = true) Instant receivedAt,
        @Schema(required = true, example = "WAITING") CommentState state,
        @Schema(required = true, description = "The lines understood") List<CommentLine> lines,
        @Schema(required = true, nullable = true, description = "The phone understood, E.164; masked for staff; null when none", example = "+84912***678") String phone,
        @Schema(required = true) List<ReviewReason> reasons,
        @Schema(required = true, nullable = true, description = "The order it became; null when none", example = "K7M2Q9XA") String orderCode,
        @Schema(required = true, nullable = true, description = "Who decided (the token's subject); null until decided", example = "staff-7") String decidedBy,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time",
                description = "When it was decided; null until then") Instant decidedAt,
        @Schema(required = true, nullable = true, description = "The decision's note; null when none") String decisionNote,
        // Left out rather than null: OpenAPI 3.0 has no null for an object given by reference.
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The record in the cooperative of the buyer whose phone was understood, and the flag on it;"
                + " absent when no phone was understood") BuyerSummary buyer) {
}
