package vn.chotdon.order.payment.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.payment.BankPayment;
import vn.chotdon.order.payment.BankPayment.ReviewReason;
import vn.chotdon.order.payment.BankPayment.ReviewState;

@Schema(name = "UnmatchedPayment", description = "A bank transfer that paid no order by itself, and what staff decided")
public record UnmatchedPaymentView(
        @Schema(required = true, example = "31") long id,
        @Schema(required = true, example = "sepay") String provider,
        @Schema(required = true, description = "The provider's transaction id", example = "92704") String transactionId,
        @Schema(required = true, description = "Whole VND", example = "140000") long amountVnd,
        @Schema(required = true, description = "The memo as the bank delivered it", example = "CHOTDON 3AGGHV97")
        String memo,
        @Schema(description = "The bank", nullable = true, example = "Vietcombank") String bank,
        @Schema(description = "The bank's reference", nullable = true, example = "MBVCB.3278907687") String referenceCode,
        @Schema(implementation = String.class, format = "date-time", nullable = true) Instant transferredAt,
        @Schema(required = true, implementation = String.class, format = "date-time") Instant receivedAt,
        @Schema(required = true, description = "Why it is here") ReviewReason reason,
        @Schema(required = true, description = "OPEN until staff decide") ReviewState state,
        @Schema(description = "The order the memo names, or staff attached it to", nullable = true, example = "1201")
        Long orderId,
        @Schema(description = "That order's session: the tally counts open entries as its unmatched money",
                nullable = true, example = "5") Long sessionId,
        @Schema(required = true, description = "True when this payment made its order PAID (attached by staff)")
        boolean paidOrder,
        @Schema(description = "Who decided (the token's subject)", nullable = true) String resolvedBy,
        @Schema(implementation = String.class, format = "date-time", nullable = true) Instant resolvedAt,
        @Schema(description = "Staff's note", nullable = true, example = "Đã hoàn tiền qua MB 28/11") String note) {

    public static UnmatchedPaymentView of(BankPayment p) {
        return new UnmatchedPaymentView(p.id, p.provider, p.providerTransactionId, p.amountVnd, p.memo, p.bank,
                p.referenceCode, p.transferredAt, p.receivedAt, p.reviewReason, p.reviewState, p.orderId, p.sessionId,
                p.paidOrder, p.resolvedBy, p.resolvedAt, p.resolutionNote);
    }
}
