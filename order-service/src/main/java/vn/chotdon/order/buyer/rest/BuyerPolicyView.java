package vn.chotdon.order.buyer.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.buyer.BuyerTreatment;

/** What a session does with orders of flagged and unreliable buyers, and how its comment orders are paid. */
@Schema(name = "SessionBuyerPolicy")
public record BuyerPolicyView(
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true, description = TREATMENT, example = "REVIEW") BuyerTreatment flagged,
        @Schema(required = true, description = TREATMENT, example = "PAY_FIRST") BuyerTreatment unreliable,
        @Schema(required = true, description = "How an order from a live comment is paid (a buyer who must pay first"
                + " gets BANK_TRANSFER whatever this says)", example = "COD") PaymentMethod commentPaymentMethod,
        @Schema(required = true, nullable = true, description = "Who set it (the token's subject); null when never set",
                example = "staff-7") String setBy,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time",
                description = "When it was set; null when never set", example = "2025-11-28T11:55:00Z") Instant setAt) {

    static final String TREATMENT = "ACCEPT: placed as anyone's. REVIEW: placed but held for staff (never confirmed by"
            + " itself; a comment's order waits in the review queue). PAY_FIRST: only by bank transfer (a cash-on-delivery"
            + " order is refused with 409 pay-first; a comment's order is a transfer)";
}
