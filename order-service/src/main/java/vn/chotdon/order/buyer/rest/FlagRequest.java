package vn.chotdon.order.buyer.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.validation.StoredText;

/** Staff's flag on a phone. */
@Schema(name = "BuyerFlagRequest")
public record FlagRequest(
        @NotBlank @Size(max = 500) @StoredText(max = 500, multiline = true)
        @Schema(required = true, description = "Why: for the cooperative's people only", maxLength = 500,
                example = "Bom hàng 2 lần tháng 11") String note) {
}
