package vn.chotdon.order.buyer.service;

import java.time.Instant;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.buyer.BuyerTreatment;

/**
 * What a session does with orders of flagged and of unreliable buyers, and how its comment orders
 * are paid; {@code setBy} and {@code setAt} are null for a session whose policy was never set.
 */
public record SessionBuyerPolicy(long sessionId, BuyerTreatment flagged, BuyerTreatment unreliable,
        PaymentMethod commentPaymentMethod, String setBy, Instant setAt) {

    /** A session whose policy was never set accepts everyone and takes comment orders as cash on delivery. */
    static SessionBuyerPolicy unset(long sessionId) {
        return new SessionBuyerPolicy(sessionId, BuyerTreatment.ACCEPT, BuyerTreatment.ACCEPT, PaymentMethod.COD, null,
                null);
    }

    /** Nothing to look at: the buyer's record need not be read. */
    boolean acceptsEveryone() {
        return flagged == BuyerTreatment.ACCEPT && unreliable == BuyerTreatment.ACCEPT;
    }

    /** What this policy does with a buyer who is (or is not) flagged and (or not) unreliable: each that applies. */
    public BuyerVerdict verdict(boolean isFlagged, boolean isUnreliable) {
        boolean payFirst = (isFlagged && flagged == BuyerTreatment.PAY_FIRST)
                || (isUnreliable && unreliable == BuyerTreatment.PAY_FIRST);
        return new BuyerVerdict(payFirst, isFlagged && flagged == BuyerTreatment.REVIEW,
                isUnreliable && unreliable == BuyerTreatment.REVIEW,
                payFirst ? PaymentMethod.BANK_TRANSFER : commentPaymentMethod);
    }
}
