package vn.chotdon.order.payment.service;

import java.time.Instant;

/**
 * One bank transaction as a notification service reported it, in the service's own words turned
 * into ours by its {@link NotificationShape}.
 *
 * @param provider      the notification service ("sepay")
 * @param transactionId the provider's id of the transaction: the same transaction redelivered has the same id
 * @param incoming      money in; money out is recorded and never matched
 * @param amountVnd     whole VND, never negative
 * @param memo          the transfer's purpose as the bank delivered it
 * @param transferredAt when the bank booked it, if the provider says
 */
public record BankTransfer(String provider, String transactionId, boolean incoming, long amountVnd, String memo,
        String accountNumber, String bank, String referenceCode, Instant transferredAt) {
}
