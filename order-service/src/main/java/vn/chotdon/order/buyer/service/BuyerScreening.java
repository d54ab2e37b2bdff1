package vn.chotdon.order.buyer.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.service.Screening;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Looks at a buyer before their order is placed, by the session's buyer policy: from this
 * instance's copy of the policy, and only when the policy treats someone otherwise than ACCEPT,
 * one primary-key read of the buyer's record and flag. A session that accepts everyone (the
 * default) costs no read at all.
 */
@ApplicationScoped
public class BuyerScreening {

    private final SessionBuyerPolicies policies;
    private final BuyerRecords records;

    BuyerScreening(SessionBuyerPolicies policies, BuyerRecords records) {
        this.policies = policies;
        this.records = records;
    }

    /** What the session's policy does with this phone's orders in the session's cooperative. */
    public BuyerVerdict verdict(long sessionId, long cooperativeId, String phoneE164) {
        SessionBuyerPolicy policy = policies.of(sessionId);
        if (policy.acceptsEveryone()) {
            return policy.verdict(false, false);
        }
        BuyerStanding standing = records.standing(cooperativeId, phoneE164);
        return policy.verdict(standing.flagged(), standing.unreliable(records.unreliableAfter()));
    }

    /**
     * The screening of POST /orders: a cash-on-delivery order of a buyer who must pay first is
     * refused (409 pay-first, nothing stored); an order to review is placed held.
     */
    public Screening forOrder(String phoneE164, PaymentMethod paymentMethod) {
        return lineup -> holdForReview(lineup.sessionId(), lineup.cooperativeId(), phoneE164, paymentMethod);
    }

    /**
     * The same screening for an order made without a request (a waitlist entry's turn).
     *
     * @return whether the order is placed held for staff review
     * @throws ProblemException 409 pay-first: the buyer must pay by transfer and this order would not
     */
    public boolean holdForReview(long sessionId, long cooperativeId, String phoneE164, PaymentMethod paymentMethod) {
        BuyerVerdict verdict = verdict(sessionId, cooperativeId, phoneE164);
        if (verdict.payFirst() && paymentMethod != PaymentMethod.BANK_TRANSFER) {
            // Says nothing of why: the buyer learns only how this shop takes their order.
            throw ProblemException.conflict("pay-first", "Pay by bank transfer",
                    "This shop takes this order only paid in advance: place it again with paymentMethod"
                            + " BANK_TRANSFER and pay by transfer with the order code as the memo")
                    .with("paymentMethod", PaymentMethod.BANK_TRANSFER.name());
        }
        return verdict.review();
    }
}
