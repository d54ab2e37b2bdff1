package vn.chotdon.order.payment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.chotdon.order.payment.BankPayment;
import vn.chotdon.order.payment.BankPayment.ReviewState;
import vn.chotdon.order.service.OrderLifecycle;
import vn.chotdon.order.service.OrderRevival;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * The review list: transfers that paid no order by themselves, until staff decide. Each decision
 * is taken once (the entry's row is locked, and only an OPEN entry is decided), and kept with who
 * took it and when.
 */
@ApplicationScoped
public class PaymentReview {

    /** What staff decided. */
    public enum Decision {
        /** The money is for this order: the order is paid if it may be (PLACED or CONFIRMED, or EXPIRED and revivable). */
        ATTACH,
        /** The money was sent back to the buyer. */
        REFUNDED,
        /** Nothing to do with it (not a buyer's payment). */
        IGNORE
    }

    /** A page of entries and how many there are in all. */
    public record Found(List<BankPayment> items, long total) {
    }

    private final EntityManager em;
    private final OrderLifecycle lifecycle;
    private final OrderRevival revival;

    PaymentReview(EntityManager em, OrderLifecycle lifecycle, OrderRevival revival) {
        this.em = em;
        this.lifecycle = lifecycle;
        this.revival = revival;
    }

    /** Entries of the cooperative (all when the scope is null: the platform admin), newest first. */
    public Found list(Long cooperativeScope, ReviewState state, int page, int size) {
        String where = " where p.outcome = 'REVIEW'" + (cooperativeScope == null ? "" : " and p.cooperativeId = :scope")
                + (state == null ? "" : " and p.reviewState = :state");
        var items = em.createQuery("select p from BankPayment p" + where + " order by p.id desc", BankPayment.class);
        var count = em.createQuery("select count(p) from BankPayment p" + where, Long.class);
        if (cooperativeScope != null) {
            items.setParameter("scope", cooperativeScope);
            count.setParameter("scope", cooperativeScope);
        }
        if (state != null) {
            items.setParameter("state", state);
            count.setParameter("state", state);
        }
        return new Found(items.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult());
    }

    /**
     * @param orderCode the order to attach to (ATTACH only)
     * @throws ProblemException 404 no such entry in the caller's cooperative; 409 already decided, or
     *                          the order cannot take its units again; 422 no such order
     */
    public BankPayment resolve(long paymentId, Long cooperativeScope, Decision decision, String orderCode, String note,
            String who) {
        return RetryOnDeadlock.inNewTransaction(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String inScope = cooperativeScope == null ? "" : " AND cooperative_id = ?2";
            var lookup = em.createNativeQuery("SELECT cooperative_id, review_state FROM bank_payment"
                    + " WHERE id = ?1 AND outcome = 'REVIEW'" + inScope + " FOR UPDATE").setParameter(1, paymentId);
            if (cooperativeScope != null) {
                lookup.setParameter(2, cooperativeScope);
            }
            List<?> rows = lookup.getResultList();
            if (rows.isEmpty()) {
                throw ProblemException.notFound("Unmatched payment", paymentId);
            }
            Object[] row = (Object[]) rows.get(0);
            long cooperativeId = ((Number) row[0]).longValue();
            if (!ReviewState.OPEN.name().equals(row[1])) {
                throw ProblemException.conflict("payment-already-resolved", "Already resolved",
                        "Unmatched payment " + paymentId + " was already resolved as " + row[1]
                                + "; a decision is taken once").with("currentState", row[1]);
            }
            Long orderId = null;
            Long sessionId = null;
            boolean paid = false;
            ReviewState state = switch (decision) {
                case REFUNDED -> ReviewState.REFUNDED;
                case IGNORE -> ReviewState.IGNORED;
                case ATTACH -> ReviewState.ATTACHED;
            };
            if (decision == Decision.ATTACH) {
                Object[] order = lockOrder(cooperativeId, orderCode);
                orderId = ((Number) order[0]).longValue();
                sessionId = ((Number) order[1]).longValue();
                String status = (String) order[2];
                if (status.equals("PLACED") || status.equals("CONFIRMED")) {
                    lifecycle.payInTransaction(orderId, cooperativeId);
                    paid = true;
                } else if (status.equals("EXPIRED")) {
                    try {
                        revival.reviveAsPaid(orderId);
                    } catch (OrderRevival.NotRevived e) {
                        throw ProblemException.conflict("order-not-revivable", "The order cannot be paid",
                                "Order " + orderCode + " expired and " + e.getMessage()
                                        + "; nothing changed. Refund the buyer instead (decision REFUNDED).");
                    }
                    paid = true;
                }
            }
            em.createNativeQuery("UPDATE bank_payment SET review_state = ?1, resolved_by = ?2, resolved_at = ?3,"
                    + " resolution_note = ?4, order_id = COALESCE(?5, order_id), session_id = COALESCE(?6, session_id),"
                    + " paid_order = ?7 WHERE id = ?8")
                    .setParameter(1, state.name()).setParameter(2, who).setParameter(3, now).setParameter(4, note)
                    .setParameter(5, orderId).setParameter(6, sessionId).setParameter(7, paid).setParameter(8, paymentId)
                    .executeUpdate();
            em.clear();
            return em.find(BankPayment.class, paymentId);
        });
    }

    private Object[] lockOrder(long cooperativeId, String orderCode) {
        if (orderCode == null || orderCode.isBlank()) {
            throw ProblemException.invalidReference("orderCode", "is required to attach a payment to an order");
        }
        List<?> found = em.createNativeQuery("SELECT id, session_id, status FROM orders"
                + " WHERE cooperative_id = ?1 AND code = ?2 FOR UPDATE")
                .setParameter(1, cooperativeId).setParameter(2, orderCode.strip().toUpperCase(java.util.Locale.ROOT))
                .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.invalidReference("orderCode", "no order " + orderCode + " in this cooperative");
        }
        return (Object[]) found.get(0);
    }
}
