package vn.chotdon.catalog.settlement.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.settlement.CommissionSplit;

/** Bodies of the settlement endpoints. */
public final class SettlementRequests {

    private SettlementRequests() {
    }

    @Schema(name = "CommissionRequest", description = "The cooperative's commission on its households' sales from now on")
    public record Commission(
            @NotNull @Min(0) @Max(CommissionSplit.FULL_RATE)
            @Schema(description = "Basis points: 1000 = 10 %, 0 to 10000", example = "1000") Integer basisPoints) {
    }

    @Schema(name = "PayoutRequest", description = "The member household that was paid what the report shows it is owed")
    public record Payout(@NotNull @Min(1) @Schema(example = "3") Long memberId) {
    }
}
