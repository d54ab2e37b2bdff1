package vn.chotdon.order.comment.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.service.PlaceOrder;

/** One item a comment asks for: a lineup code and how many units. */
@Schema(name = "LiveCommentLine")
public record CommentLine(
        @NotNull @Size(max = 16) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a lineup code such as BG01")
        @Schema(description = "A lineup code, any case", pattern = "^[A-Za-z0-9_-]+$", maxLength = 16, example = "BG01")
        String code,
        @NotNull @Min(1) @Max(PlaceOrder.MAX_UNITS_PER_LINE) @Schema(example = "2") Integer quantity) {
}
