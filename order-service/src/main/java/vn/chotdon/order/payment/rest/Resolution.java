package vn.chotdon.order.payment.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.payment.service.PaymentReview.Decision;
import vn.chotdon.platform.validation.StoredText;

@Schema(name = "PaymentResolution", description = "Staff's decision on an unmatched payment")
public record Resolution(
        @NotNull @Schema(required = true, description = "ATTACH: the money is for `orderCode` (the order is paid if it"
                + " is PLACED or CONFIRMED, or EXPIRED and can take its units again); REFUNDED: the money was sent"
                + " back; IGNORE: not a buyer's payment") Decision decision,
        @Pattern(regexp = "[2-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{8}", message = "must be an 8-character order code")
        @Schema(description = "The order, for ATTACH", example = "3AGGHV97") String orderCode,
        @Size(max = 500) @StoredText(max = 500, multiline = true)
        @Schema(description = "Why, for the record", maxLength = 500, example = "Khách chuyển thiếu 10.000đ, đã gọi xác nhận")
        String note) {
}
