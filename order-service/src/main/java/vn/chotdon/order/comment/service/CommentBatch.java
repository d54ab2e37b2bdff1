package vn.chotdon.order.comment.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Live comments of one session, as they came off the stream. */
@Schema(name = "LiveCommentBatch")
public record CommentBatch(
        @NotEmpty @Size(max = MAX_COMMENTS) @Schema(description = "1 to 500 comments, handled in this order")
        List<@NotNull @Valid IncomingComment> comments) {

    public static final int MAX_COMMENTS = 500;
}
