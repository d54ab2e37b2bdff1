package vn.chotdon.order.payment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.payment.BankPayment.Outcome;

/** What the webhook answers: {@code success} is what SePay reads; the rest is for people looking at its logs. */
@Schema(name = "WebhookAnswer")
public record WebhookAnswer(
        @Schema(required = true, description = "Always true: the notification is stored (or was already)",
                example = "true") boolean success,
        @Schema(required = true, description = "The stored payment's id", example = "31") long paymentId,
        @Schema(required = true, description = "True when this transaction was already stored: nothing more was done",
                example = "false") boolean duplicate,
        @Schema(required = true, description = "MATCHED: it paid the order; REVIEW: it waits for staff in the list of"
                + " unmatched payments; OUTGOING: money out, recorded only", example = "MATCHED") Outcome outcome,
        @Schema(description = "Why it went to review (see UnmatchedPayment's reason)", nullable = true,
                implementation = String.class, enumeration = { "NO_ORDER_CODE", "UNKNOWN_ORDER", "AMBIGUOUS", "UNDERPAID",
                        "OVERPAID", "ORDER_CANCELLED", "ALREADY_PAID", "ORDER_NOT_PAYABLE", "EXPIRED_NOT_REVIVED" },
                example = "UNDERPAID") String reviewReason,
        @Schema(description = "The order it paid or names", nullable = true, example = "3AGGHV97") String orderCode) {
}
