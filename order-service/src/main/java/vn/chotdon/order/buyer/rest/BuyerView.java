package vn.chotdon.order.buyer.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.buyer.BuyerSummary;

/** A buyer's record in the cooperative, the flag on their phone and its latest changes. */
@Schema(name = "Buyer")
public record BuyerView(
        @Schema(required = true, description = "The phone, normalised: whole (+84…) for the owner, masked for staff",
                example = "+84912***678") String phone,
        @Schema(required = true, description = "Counts of the buyer's orders in this cooperative; zeros for a phone"
                + " with no order yet") BuyerSummary record,
        @Schema(required = true, description = "The latest 20 flags and un-flags of the phone, newest first")
        List<FlagChange> flagHistory) {

    @Schema(name = "BuyerFlagChange")
    public record FlagChange(
            @Schema(required = true, enumeration = { "FLAGGED", "UNFLAGGED" }, example = "FLAGGED") String action,
            @Schema(required = true, nullable = true, description = "The note of a flag; null for an un-flag",
                    example = "Bom hàng 2 lần tháng 11") String note,
            @Schema(required = true, description = "Who (the token's subject)", example = "staff-7") String by,
            @Schema(required = true, implementation = String.class, format = "date-time",
                    example = "2025-11-28T12:40:00Z") Instant at) {
    }
}
