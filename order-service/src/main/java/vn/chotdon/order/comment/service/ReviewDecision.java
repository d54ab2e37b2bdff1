package vn.chotdon.order.comment.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.service.PlaceOrder;
import vn.chotdon.platform.validation.StoredText;
import vn.chotdon.platform.validation.VietnamesePhoneNumber;

/** What staff decide about a comment in the review queue. */
@Schema(name = "LiveCommentDecision")
public record ReviewDecision(
        @NotNull @Schema(description = "ACCEPT: order the lines and phone as parsed; EDIT_THEN_ACCEPT: order `lines`"
                + " and `phone` as given here; REJECT: no order (`note` says why)", example = "EDIT_THEN_ACCEPT")
        Kind decision,
        @Size(max = 20) @Schema(description = "EDIT_THEN_ACCEPT only: 1 to 20 lines")
        List<@NotNull @Valid CommentLine> lines,
        @Size(max = 40) @StoredText(max = 40) @VietnamesePhoneNumber
        @Schema(description = "EDIT_THEN_ACCEPT only: the buyer's phone, any usual form", pattern = PlaceOrder.PHONE_PATTERN,
                example = "0912 345 678") String phone,
        @Valid @Schema(description = "ACCEPT and EDIT_THEN_ACCEPT: where to deliver. Without it, the address of the"
                + " phone's latest order in the cooperative; with none, 422 address-required") PlaceOrder.Address address,
        @Size(max = 500) @StoredText(max = 500, multiline = true)
        @Schema(description = "Kept with the decision", example = "Khách hỏi giá, không đặt") String note) {

    /** The decisions. */
    public enum Kind {
        ACCEPT,
        EDIT_THEN_ACCEPT,
        REJECT
    }
}
