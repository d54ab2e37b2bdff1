package vn.chotdon.order.buyer.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.buyer.BuyerTreatment;

/** A session's whole buyer policy. */
@Schema(name = "SessionBuyerPolicyRequest")
public record BuyerPolicyRequest(
        @NotNull @Schema(required = true, description = "For buyers whose phone staff flagged. "
                + BuyerPolicyView.TREATMENT, example = "REVIEW") BuyerTreatment flagged,
        @NotNull @Schema(required = true, description = "For buyers whose returned and expired-unpaid orders reached"
                + " the threshold. " + BuyerPolicyView.TREATMENT, example = "PAY_FIRST") BuyerTreatment unreliable,
        @NotNull @Schema(required = true, description = "How an order from a live comment is paid", example = "COD")
        PaymentMethod commentPaymentMethod) {
}
