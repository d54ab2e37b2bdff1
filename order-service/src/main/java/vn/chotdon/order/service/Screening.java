package vn.chotdon.order.service;

import vn.chotdon.order.readmodel.LiveLineups;

/**
 * A look at the buyer before an order is placed, once the session and its lineup are known: it
 * refuses the order by throwing a ProblemException (nothing is stored), or says whether the order
 * is placed held for staff review (then it is never confirmed by itself).
 */
@FunctionalInterface
public interface Screening {

    /** Every buyer accepted as they are. */
    Screening NONE = lineup -> false;

    /** @throws vn.chotdon.platform.problem.ProblemException the order is refused */
    boolean holdForReview(LiveLineups.Lineup lineup);
}
