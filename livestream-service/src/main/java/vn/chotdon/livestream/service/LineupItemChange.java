package vn.chotdon.livestream.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.livestream.LineupCode;
import vn.chotdon.platform.validation.StoredText;

/**
 * The changeable fields of a lineup item. While LIVE the code is fixed and the quota can only
 * grow; a new live price applies to orders placed after the change.
 */
@Schema(name = "LineupItemChange")
public record LineupItemChange(
        @NotNull @Pattern(regexp = LineupCode.PATTERN, message = LineupLimits.CODE_MESSAGE) @StoredText(max = 16)
        @Schema(description = "Any case, stored upper case; cannot change while LIVE", example = "BG01") String code,
        @NotNull @Min(0) @Max(LineupLimits.MAX_PRICE_VND)
        @Schema(description = "Whole VND; applies to orders placed after the change", example = "11000")
        Long livePriceVnd,
        @NotNull @Min(1) @Max(LineupLimits.MAX_UNITS) @Schema(description = "Units offered; can only grow while LIVE",
                example = "800") Long quota,
        @Min(1) @Max(LineupLimits.MAX_PER_BUYER)
        @Schema(nullable = true, description = "Absent or null for no limit", example = "10")
        Integer perBuyerLimit,
        @Min(0) @Max(LineupLimits.MAX_DISPLAY_ORDER)
        @Schema(nullable = true, description = "Absent or null keeps the current position", example = "2")
        Integer displayOrder) {
}
