package vn.chotdon.order;

/** How the buyer pays: cash to the courier on delivery, or a bank transfer with the order code as memo. */
public enum PaymentMethod {
    COD,
    BANK_TRANSFER
}
