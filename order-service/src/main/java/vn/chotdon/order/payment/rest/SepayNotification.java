package vn.chotdon.order.payment.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** SePay's webhook body, for the API document; the webhook reads the body with {@code SepayShape}. */
@Schema(name = "SepayNotification", description = "A bank transaction as SePay posts it (https://developer.sepay.vn,"
        + " SePay Webhooks). Other fields SePay may add are ignored.")
public record SepayNotification(
        @Schema(required = true, description = "SePay's transaction id: a redelivery carries the same one",
                example = "92704") long id,
        @Schema(description = "The bank", example = "Vietcombank") String gateway,
        @Schema(description = "When the bank booked it, Vietnam time (UTC+7)", example = "2025-11-28 20:15:37")
        String transactionDate,
        @Schema(description = "The receiving account", example = "0123499999") String accountNumber,
        @Schema(description = "Virtual sub-account, if any", nullable = true) String subAccount,
        @Schema(description = "SePay's own payment-code recognition; not used (the memo is read by Chốt Đơn's rules)",
                nullable = true) String code,
        @Schema(description = "The transfer's memo as the bank delivered it", example = "MBVCB.1234567.CHOTDON 3AGGHV97.CT tu 0912345678")
        String content,
        @Schema(required = true, enumeration = { "in", "out" }, description = "Money in or out of the account",
                example = "in") String transferType,
        @Schema(required = true, description = "Whole VND", example = "150000") long transferAmount,
        @Schema(description = "The account's balance after it", example = "19077000") Long accumulated,
        @Schema(description = "The bank's reference", example = "MBVCB.3278907687") String referenceCode,
        @Schema(description = "The bank's whole notification line; read as the memo when content is empty")
        String description) {
}
