package vn.chotdon.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderLine;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Brings back an EXPIRED order whose bank transfer arrived after its hold ran out, as PAID, if it
 * can take its units again by the hot path's rules: the session still LIVE (read under the shared
 * lock placement reads it with, so a session end waits for this), each item still on the lineup,
 * each buyer's per-item limit kept, and the quota taken with the same conditional UPDATE, never
 * past it. Its ORDER_PAID event says previousStatus EXPIRED: consumers move its units from
 * released back to sold.
 *
 * <p>An order that cannot be revived throws {@link NotRevived}, and the caller's transaction rolls
 * back whatever was taken: nothing is half done.
 */
@ApplicationScoped
public class OrderRevival {

    /** The order cannot take its units again; nothing changed once the transaction rolls back. */
    public static final class NotRevived extends RuntimeException {
        NotRevived(String why) {
            super(why, null, false, false);
        }
    }

    private final EntityManager em;
    private final OrderEvents events;
    private final OrderLifecycle lifecycle;
    private final NewOrders newOrders;

    OrderRevival(EntityManager em, OrderEvents events, OrderLifecycle lifecycle, NewOrders newOrders) {
        this.em = em;
        this.events = events;
        this.lifecycle = lifecycle;
        this.newOrders = newOrders;
    }

    /**
     * The caller holds the order's row lock (so its hold expiry or a cancellation cannot run in
     * between) and has checked its cooperative.
     *
     * @throws NotRevived the session is not LIVE, an item is gone, a limit or the quota has not the units
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order reviveAsPaid(long orderId) {
        Order order = lifecycle.withLines(orderId);
        if (order.status != OrderStatus.EXPIRED) {
            throw new NotRevived("order " + order.code + " is " + order.status);
        }
        List<?> session = em.createNativeQuery("SELECT status FROM sale_session WHERE session_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, order.sessionId).getResultList();
        if (session.isEmpty() || !SaleSession.LIVE.equals(session.get(0))) {
            throw new NotRevived("session " + order.sessionId + " is no longer LIVE");
        }
        List<OrderLine> lines = order.lines.stream().sorted(Comparator.comparing(l -> l.itemId)).toList();
        String phone = order.buyerPhone;
        for (OrderLine line : lines) {
            keepBuyerLimit(line, phone);
        }
        // Last, in item order, as placement takes them: the rows where every buyer of the session meets.
        for (OrderLine line : lines) {
            if (!newOrders.takeQuota(line.itemId, line.quantity, null)) {
                throw new NotRevived(line.code + " has not " + line.quantity + " unit(s) left");
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int won = em.createQuery("update Order set status = :paid, version = version + 1, updatedAt = :now,"
                + " paidAt = :now, confirmedAt = coalesce(confirmedAt, :now) where id = :id and status = :expired")
                .setParameter("paid", OrderStatus.PAID).setParameter("now", now).setParameter("id", orderId)
                .setParameter("expired", OrderStatus.EXPIRED).executeUpdate();
        if (won == 0) {
            throw new NotRevived("order " + order.code + " changed meanwhile");
        }
        em.createQuery("update OrderLine set status = :paid, paid = true where order.id = :id")
                .setParameter("paid", OrderStatus.PAID).setParameter("id", orderId).executeUpdate();
        em.clear();
        Order revived = lifecycle.withLines(orderId);
        events.record(revived, OrderStatus.EXPIRED);
        return revived;
    }

    /** The units count against the phone's limit for the item again, within it, as at placement. */
    private void keepBuyerLimit(OrderLine line, String phone) {
        List<?> limit = em.createNativeQuery("SELECT per_buyer_limit FROM lineup_item WHERE item_id = ?1")
                .setParameter(1, line.itemId).getResultList();
        if (limit.isEmpty() || limit.get(0) == null) {
            return;
        }
        try {
            newOrders.countForBuyer(line.itemId, line.code, line.productName, ((Number) limit.get(0)).longValue(),
                    phone, line.quantity);
        } catch (ProblemException overTheLimit) {
            throw new NotRevived(overTheLimit.getMessage());
        }
    }
}
