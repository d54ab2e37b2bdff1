package vn.chotdon.livestream.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.livestream.LineupCode;
import vn.chotdon.platform.validation.StoredText;

/** An item to add to a session's lineup; its quota is reserved in catalog-service. */
@Schema(name = "LineupItemDraft")
public record LineupItemDraft(
        @NotNull @Pattern(regexp = LineupCode.PATTERN, message = LineupLimits.CODE_MESSAGE) @StoredText(max = 16)
        @Schema(description = "Short code buyers type; any case, stored upper case; unique in the session in any case",
                example = "BG01") String code,
        @NotNull @Min(1) @Schema(description = "An ACTIVE catalog-service product of the session's cooperative",
                example = "42") Long productId,
        @NotNull @Min(0) @Max(LineupLimits.MAX_PRICE_VND) @Schema(description = "Whole VND", example = "12000")
        Long livePriceVnd,
        @NotNull @Min(1) @Max(LineupLimits.MAX_UNITS) @Schema(description = "Units offered in this session", example = "600")
        Long quota,
        @Min(1) @Max(LineupLimits.MAX_PER_BUYER) @Schema(nullable = true,
                description = "Most units one buyer may order; absent or null for no limit", example = "20")
        Integer perBuyerLimit,
        @Min(0) @Max(LineupLimits.MAX_DISPLAY_ORDER) @Schema(nullable = true,
                description = "Position on screen; absent or null: after the last item", example = "1")
        Integer displayOrder) {
}
