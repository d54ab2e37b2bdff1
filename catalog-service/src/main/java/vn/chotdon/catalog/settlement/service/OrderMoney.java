package vn.chotdon.catalog.settlement.service;

import java.util.Optional;

/**
 * What an order's new status does to its money in settlement. Money counts once the order is
 * paid (PAID) or delivered (DELIVERED, cash on delivery collected); a later CANCELLED (refunded
 * after payment) or RETURNED takes it back. An EXPIRED order that a late transfer revives comes
 * back as PAID and counts then. Every other status (PLACED, CONFIRMED, SHIPPED, EXPIRED, one this
 * version does not know) moves no money.
 */
enum OrderMoney {
    COUNTS,
    REVERSES;

    static Optional<OrderMoney> of(String status) {
        if (status == null) {
            return Optional.empty();
        }
        return switch (status) {
            case "PAID", "DELIVERED" -> Optional.of(COUNTS);
            case "CANCELLED", "RETURNED" -> Optional.of(REVERSES);
            default -> Optional.empty();
        };
    }
}
