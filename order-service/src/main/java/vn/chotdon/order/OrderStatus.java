package vn.chotdon.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an order is in its life. PLACED holds units against the session's quota; CANCELLED and
 * EXPIRED give them back; every other status keeps them as sold, RETURNED too: goods refused at
 * the door or sent back do not go back into a session's quota (the live sale is over by then).
 */
public enum OrderStatus {
    PLACED,
    CONFIRMED,
    PAID,
    SHIPPED,
    DELIVERED,
    RETURNED,
    CANCELLED,
    EXPIRED;

    /** The statuses an order may move to this one from. */
    public Set<OrderStatus> reachableFrom() {
        return switch (this) {
            case PLACED -> EnumSet.noneOf(OrderStatus.class);
            case CONFIRMED -> EnumSet.of(PLACED);
            // A bank transfer can arrive before staff confirm: paying confirms.
            case PAID -> EnumSet.of(PLACED, CONFIRMED);
            // Cash on delivery ships unpaid once confirmed; see OrderLifecycle.
            case SHIPPED -> EnumSet.of(CONFIRMED, PAID);
            case DELIVERED -> EnumSet.of(SHIPPED);
            // Refused at the door ("bom hàng") once shipped, or sent back once delivered.
            case RETURNED -> EnumSet.of(SHIPPED, DELIVERED);
            case CANCELLED -> EnumSet.of(PLACED, CONFIRMED, PAID);
            case EXPIRED -> EnumSet.of(PLACED);
        };
    }

    /** True when the units of an order in this status are back in the quota. */
    public boolean releasesUnits() {
        return this == CANCELLED || this == EXPIRED;
    }
}
