package vn.chotdon.events.order;

import java.time.Instant;
import java.util.List;

/**
 * An order after a change of status. Carries no personal data (no phone, name or address):
 * consumers need units and money, not who the buyer is.
 *
 * @param code           short human order code, read out on the stream and used as the transfer memo
 * @param status         PLACED, CONFIRMED, PAID, SHIPPED, DELIVERED, CANCELLED or EXPIRED
 * @param previousStatus the status before this change, null when placed
 * @param paymentMethod  COD or BANK_TRANSFER
 * @param totalVnd       whole VND
 */
public record OrderData(
        long orderId,
        String code,
        long sessionId,
        long cooperativeId,
        String status,
        String previousStatus,
        String paymentMethod,
        long totalVnd,
        List<OrderLineData> lines,
        Instant placedAt,
        long version) {

    /** One line: units of one lineup item at the live price when the order was placed. */
    public record OrderLineData(
            long itemId,
            String code,
            long productId,
            long quantity,
            long unitPriceVnd,
            long lineTotalVnd) {
    }
}
