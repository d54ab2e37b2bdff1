package vn.chotdon.order.payment.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body one bank-notification service (SePay, Casso, ...) posts for a transaction. Adding a
 * provider is a new shape and its path; matching works on {@link BankTransfer} only.
 */
public interface NotificationShape {

    /** The provider's name in the webhook path and in stored payments, lower case. */
    String provider();

    /**
     * @throws InvalidNotification when the body lacks what a transfer needs (id, amount, direction)
     */
    BankTransfer read(JsonNode body);

    /** A body that is not a notification of this shape; answered 400, nothing stored. */
    final class InvalidNotification extends RuntimeException {
        public InvalidNotification(String message) {
            super(message);
        }
    }
}
