package vn.chotdon.order.buyer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A buyer's record in the cooperative and the flag on their phone, as the cooperative's people see
 * it beside an order or a comment. Never shown to a buyer or the public, never in an event.
 */
@Schema(name = "BuyerSummary", description = "The buyer's record in this cooperative (their orders by what became of"
        + " them) and the flag staff put on the phone. For the cooperative's owner and staff only.")
public record BuyerSummary(
        @Schema(required = true, description = "Orders placed", example = "7") long placed,
        @Schema(required = true, description = "Orders delivered", example = "4") long delivered,
        @Schema(required = true, description = "Orders paid: by transfer, or cash collected at delivery", example = "4")
        long paid,
        @Schema(required = true, description = "Orders the buyer cancelled", example = "1") long cancelledByBuyer,
        @Schema(required = true, description = "Orders whose hold ran out unpaid (one paid late and revived no longer"
                + " counts)", example = "0") long expiredUnpaid,
        @Schema(required = true, description = "Orders that came back: refused at the door (\"bom hàng\") or sent back",
                example = "2") long returned,
        @Schema(required = true, description = "Returned plus expired unpaid reached the service's"
                + " `chotdon.buyers.unreliable-after` (2 unless set)", example = "true") boolean unreliable,
        // Left out rather than null: OpenAPI 3.0 has no null for an object given by reference.
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The flag staff put on the phone; absent when it is not flagged") Flag flag) {

    /** Staff's flag on a phone: why, who and when. */
    @Schema(name = "BuyerFlag")
    public record Flag(
            @Schema(required = true, description = "Staff's note", example = "Bom hàng 2 lần tháng 11") String note,
            @Schema(required = true, description = "Who flagged it (the token's subject)", example = "staff-7") String by,
            @Schema(required = true, implementation = String.class, format = "date-time",
                    example = "2025-11-28T12:40:00Z") Instant at) {
    }
}
