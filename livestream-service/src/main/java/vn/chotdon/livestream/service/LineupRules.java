package vn.chotdon.livestream.service;

import vn.chotdon.livestream.LineupItem;
import vn.chotdon.livestream.SaleSession;
import vn.chotdon.livestream.SessionStatus;
import vn.chotdon.platform.problem.ProblemException;

/**
 * What a lineup must keep true, and the refusals that say so: codes and products are unique in a
 * session, and while it is LIVE buyers order by code and have been promised the quota.
 */
final class LineupRules {

    static final String CODE_KEY = "uk_lineup_item_code";
    static final String PRODUCT_KEY = "uk_lineup_item_product";

    private LineupRules() {
    }

    /** A LIVE session's item keeps its code and its quota can only grow. */
    static void checkLiveChange(SaleSession session, LineupItem item, String code, long quota) {
        if (session.status != SessionStatus.LIVE) {
            return;
        }
        if (quota < item.quota) {
            throw ProblemException.conflict("quota-cannot-shrink", "Quota can only grow while live",
                    "Session " + session.id + " is LIVE; the quota of " + item.code + " can grow from " + item.quota
                            + " but not shrink to " + quota)
                    .with("currentStatus", session.status.name())
                    .with("currentQuota", item.quota);
        }
        if (!code.equals(item.code)) {
            throw ProblemException.conflict("code-fixed-while-live", "Code cannot change while live",
                    "Session " + session.id + " is LIVE and buyers order " + item.code + " by its code; it cannot become "
                            + code)
                    .with("currentStatus", session.status.name());
        }
    }

    static ProblemException duplicateCode(long sessionId, String code) {
        return ProblemException.conflict("duplicate-code", "Code already used",
                "Code " + code + " is already used in session " + sessionId + " (codes match in any case)")
                .with("code", code);
    }

    static ProblemException productAlreadyInLineup(long sessionId, long productId) {
        return ProblemException.conflict("product-already-in-lineup", "Product already in the lineup",
                "Product " + productId + " is already in the lineup of session " + sessionId
                        + "; change that item's quota instead")
                .with("productId", productId);
    }

    /** The refusal a unique key's violation means (two changes raced), or the exception itself. */
    static RuntimeException refusal(RuntimeException e, long sessionId, String code, long productId) {
        if (UniqueKeys.violated(e, CODE_KEY)) {
            return duplicateCode(sessionId, code);
        }
        if (UniqueKeys.violated(e, PRODUCT_KEY)) {
            return productAlreadyInLineup(sessionId, productId);
        }
        return e;
    }
}
