package vn.chotdon.events.order;

import java.time.Instant;
import java.util.List;

/**
 * An order after a change of status. Carries no personal data (no phone, full name or address):
 * consumers need units and money, not who the buyer is; the only hint of the buyer is
 * {@code buyerShownAs}, masked so that it may be shown on the stream.
 *
 * @param code           short human order code, read out on the stream and used as the transfer memo
 * @param status         PLACED, CONFIRMED, PAID, SHIPPED, DELIVERED, RETURNED, CANCELLED or EXPIRED
 * @param previousStatus the status before this change, null when placed
 * @param paymentMethod  COD or BANK_TRANSFER
 * @param totalVnd       whole VND
 * @param buyerShownAs   the buyer as a live overlay may show them, masked by order-service: a leading
 *                       honorific if the buyer gave one, then the first letter of the given (last)
 *                       name and {@code ***}, e.g. "Chị H***" or "H***"; null in events published
 *                       before it existed (schema version 1 still: an additive field)
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
        long version,
        String buyerShownAs) {

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
