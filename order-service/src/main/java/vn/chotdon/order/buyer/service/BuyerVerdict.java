package vn.chotdon.order.buyer.service;

import vn.chotdon.order.PaymentMethod;

/**
 * What a session's policy does with one buyer's order. Both treatments may apply at once (a buyer
 * flagged for review and unreliable for pay-first): a transfer order is then held for review.
 *
 * @param payFirst             only a bank-transfer order is taken
 * @param reviewAsFlagged      held for review because the phone is flagged
 * @param reviewAsUnreliable   held for review because the buyer is unreliable
 * @param commentPaymentMethod how an order from the buyer's comment is paid
 */
public record BuyerVerdict(boolean payFirst, boolean reviewAsFlagged, boolean reviewAsUnreliable,
        PaymentMethod commentPaymentMethod) {

    public boolean review() {
        return reviewAsFlagged || reviewAsUnreliable;
    }
}
