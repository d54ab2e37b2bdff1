package vn.chotdon.order.waitlist.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.service.PlaceOrder;
import vn.chotdon.platform.validation.StoredText;
import vn.chotdon.platform.validation.VietnamesePhoneNumber;

/**
 * A buyer asking to wait for a sold-out item: one item, how many units, and everything an order
 * needs, checked as {@code POST /orders} checks it, so that the order made when the buyer's turn
 * comes cannot be refused for its fields.
 */
@Schema(name = "JoinWaitlist", description = "Give exactly one of the short code and the lineup item id")
public record JoinWaitlist(
        @Size(max = 16) @StoredText(max = 16) @Pattern(regexp = PlaceOrder.CODE, message = "must be a lineup code such as BG01")
        @Schema(description = "The short code shown on the stream, any case", pattern = "^" + PlaceOrder.CODE + "$",
                example = "BG01") String code,
        @Schema(description = "The lineup item's id", example = "12") Long itemId,
        @NotNull @Min(1) @Max(PlaceOrder.MAX_UNITS_PER_LINE)
        @Schema(description = "Units wanted; when fewer come back, the buyer is offered those", example = "2")
        Integer quantity,
        @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "Nguyễn Văn An") String buyerName,
        @NotBlank @Size(max = PlaceOrder.PHONE_MAX) @StoredText(max = PlaceOrder.PHONE_MAX) @VietnamesePhoneNumber
        @Schema(description = "As in POST /orders: any usual form of a Vietnamese number; stored as +84…. One phone"
                + " waits at most once for an item.", pattern = PlaceOrder.PHONE_PATTERN, example = "0912 345 678")
        String phone,
        @NotNull @Valid PlaceOrder.Address address,
        @NotNull @Schema(description = "How the order will be paid once the buyer's turn comes", example = "COD")
        PaymentMethod paymentMethod) {
}
