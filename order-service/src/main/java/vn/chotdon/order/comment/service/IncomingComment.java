package vn.chotdon.order.comment.service;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.comment.CommentPlatform;
import vn.chotdon.platform.validation.StoredText;

/** One live comment as a forwarder (or staff pasting from the stream) sends it. */
@Schema(name = "IncomingLiveComment")
public record IncomingComment(
        @NotNull @Schema(example = "TIKTOK") CommentPlatform platform,
        @NotBlank @Size(max = 100) @Pattern(regexp = COMMENT_ID, message = "may hold letters, digits and _ . : - only")
        @Schema(description = "The platform's id of the comment; a comment sent again with the same id is a duplicate",
                pattern = "^" + COMMENT_ID + "$", maxLength = 100, example = "7301234567890123456")
        String platformCommentId,
        @NotBlank @Size(max = 200) @StoredText(max = 200)
        @Schema(description = "The commenter's display name; the order's buyer name", example = "Chị Lan Đan Phượng")
        String commenterName,
        @NotBlank @Size(max = 100) @StoredText(max = 100)
        @Schema(description = "The platform's id of the commenter", example = "lan.dp.88") String commenterId,
        @NotBlank @Size(max = 2000) @StoredText(max = 2000, multiline = true)
        @Schema(example = "chốt BG01 x2 0912345678") String text,
        @NotNull @JsonDeserialize(using = TimeAsText.class) @Schema(description = "When the comment was written, as the platform says; a time the"
                + " database cannot keep (before year 1000 or after 9999) answers 400", example = "2026-11-30T12:01:02Z")
        Instant commentedAt) {

    static final String COMMENT_ID = "[A-Za-z0-9_.:-]+";
}
