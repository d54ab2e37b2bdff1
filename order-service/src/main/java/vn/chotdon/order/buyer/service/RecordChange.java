package vn.chotdon.order.buyer.service;

/**
 * How one order event changes its buyer's record: a count to add to each counter (−1 takes one
 * back). {@code paid} is 1 when the event makes the order paid; the ledger counts it only for an
 * order not counted as paid before (a cash-on-delivery order paid ahead by transfer is paid once).
 */
public record RecordChange(int placed, int delivered, int paid, int cancelledByBuyer, int expiredUnpaid, int returned) {

    static final RecordChange NONE = new RecordChange(0, 0, 0, 0, 0, 0);

    /**
     * @param status         the order's status after the event (OrderData.status)
     * @param previousStatus its status before, null when placed
     * @param paymentMethod  COD or BANK_TRANSFER
     * @param cancelledBy    who cancelled it (BUYER or STAFF; null when unknown), read from the order
     */
    public static RecordChange of(String status, String previousStatus, String paymentMethod, String cancelledBy) {
        return switch (status) {
            case "PLACED" -> new RecordChange(1, 0, 0, 0, 0, 0);
            // Paid after its hold ran out (a transfer that came late): it no longer counts as expired unpaid.
            case "PAID" -> new RecordChange(0, 0, 1, 0, "EXPIRED".equals(previousStatus) ? -1 : 0, 0);
            // Cash on delivery is paid at the door.
            case "DELIVERED" -> new RecordChange(0, 1, "COD".equals(paymentMethod) ? 1 : 0, 0, 0, 0);
            case "CANCELLED" -> "BUYER".equals(cancelledBy) ? new RecordChange(0, 0, 0, 1, 0, 0) : NONE;
            case "EXPIRED" -> new RecordChange(0, 0, 0, 0, 1, 0);
            case "RETURNED" -> new RecordChange(0, 0, 0, 0, 0, 1);
            default -> NONE;
        };
    }

    /** The same change without counting the order paid: it was counted paid before. */
    RecordChange paidBefore() {
        return new RecordChange(placed, delivered, 0, cancelledByBuyer, expiredUnpaid, returned);
    }

    boolean changesNothing() {
        return equals(NONE);
    }
}
