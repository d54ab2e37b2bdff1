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
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.readmodel.LiveLineups;
import vn.chotdon.order.waitlist.service.WaitlistPromotion;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Moves orders through their lifecycle. Each change is one conditional UPDATE of the order's
 * status: of two changes racing (a buyer's cancellation and the hold's expiry, say) exactly one
 * wins, so units go back to the quota exactly once. The caller's cooperative, when it is bound to
 * one, is a condition of the lookup and of that UPDATE: another cooperative's order is not found.
 * Units given back go to the items' waitlists first, in the same transaction.
 */
@ApplicationScoped
public class OrderLifecycle {

    /** Who asks for a change: staff may do everything the lifecycle allows; a buyer may only cancel a PLACED order. */
    public enum Actor {
        STAFF,
        BUYER
    }

    private final EntityManager em;
    private final OrderEvents events;
    private final SoldOutMemory soldOut;
    private final LiveLineups lineups;
    private final NewOrders newOrders;
    private final WaitlistPromotion waitlist;

    OrderLifecycle(EntityManager em, OrderEvents events, SoldOutMemory soldOut, LiveLineups lineups, NewOrders newOrders,
            WaitlistPromotion waitlist) {
        this.em = em;
        this.events = events;
        this.soldOut = soldOut;
        this.lineups = lineups;
        this.newOrders = newOrders;
        this.waitlist = waitlist;
    }

    /**
     * @param cooperativeScope the only cooperative whose orders the caller may change, or null when
     *                         the caller is not bound to one (a buyer, who found the order by its
     *                         code and access token)
     */
    public Order change(long orderId, Long cooperativeScope, OrderStatus target, Actor actor, String reason) {
        Order changed = RetryOnDeadlock.inNewTransaction(
                () -> changeInTransaction(orderId, cooperativeScope, target, actor, reason));
        if (target.releasesUnits()) {
            changed.lines.forEach(line -> {
                soldOut.forget(line.itemId);
                lineups.unitsReturned(line.itemId);
            });
        }
        return changed;
    }

    /**
     * Pays the order in the caller's transaction, by the same rules and with the same event as
     * {@code POST /orders/{id}/pay}: for a bank transfer matched to it. Paying never gives units
     * back, so nothing is left to do after the commit.
     *
     * @throws ProblemException illegal-status-change when the order may not be paid
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order payInTransaction(long orderId, long cooperativeId) {
        return changeInTransaction(orderId, cooperativeId, OrderStatus.PAID, Actor.STAFF, null);
    }

    private Order changeInTransaction(long orderId, Long cooperativeScope, OrderStatus target, Actor actor,
            String reason) {
        String inScope = cooperativeScope == null ? "" : " and o.cooperativeId = :scope";
        var lookup = em.createQuery("select o from Order o left join fetch o.lines where o.id = :id" + inScope,
                Order.class).setParameter("id", orderId);
        if (cooperativeScope != null) {
            lookup.setParameter("scope", cooperativeScope);
        }
        List<Order> found = lookup.getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Order", orderId);
        }
        Order order = found.get(0);
        OrderStatus from = order.status;
        if (from == target) {
            return withLines(orderId);
        }
        refuseIllegal(order, target, actor);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean paidNow = target == OrderStatus.PAID
                || (target == OrderStatus.DELIVERED && order.paymentMethod == PaymentMethod.COD);
        // The status we read is the condition: if another change committed first, nothing happens here.
        var update = em.createQuery("update Order set status = :to, version = version + 1, updatedAt = :now"
                + timestampColumn(target) + (paidNow ? ", paidAt = :now" : "")
                + (target == OrderStatus.PAID ? ", confirmedAt = coalesce(confirmedAt, :now)" : "")
                + (target == OrderStatus.CANCELLED ? ", cancelReason = :reason, cancelledBy = :actor" : "")
                + (target == OrderStatus.RETURNED ? ", returnReason = :reason" : "")
                + " where id = :id and status = :from" + (cooperativeScope == null ? "" : " and cooperativeId = :scope"))
                .setParameter("to", target).setParameter("now", now).setParameter("id", orderId)
                .setParameter("from", from);
        if (target == OrderStatus.CANCELLED || target == OrderStatus.RETURNED) {
            update.setParameter("reason", reason);
        }
        if (target == OrderStatus.CANCELLED) {
            update.setParameter("actor", actor.name());
        }
        if (cooperativeScope != null) {
            update.setParameter("scope", cooperativeScope);
        }
        long units = order.lines.stream().mapToLong(line -> line.quantity).sum();
        String phone = order.buyerPhone;
        long sessionId = order.sessionId;
        int won = update.executeUpdate();
        em.clear();
        if (won == 0) {
            throw illegal(withLines(orderId), target);
        }
        // The first counter touched, as in placement, so that the two never wait for each other over it.
        if (from == OrderStatus.PLACED) {
            newOrders.giveBackUnpaid(sessionId, phone, units);
        }
        em.createQuery("update OrderLine set status = :to" + (paidNow ? ", paid = true" : "") + " where order.id = :id")
                .setParameter("to", target).setParameter("id", orderId).executeUpdate();
        Order changed = withLines(orderId);
        if (target.releasesUnits()) {
            release(changed);
        }
        events.record(changed, from);
        if (target.releasesUnits()) {
            // Still holding the items' rows: the units go to the buyers in line before anyone else sees them.
            waitlist.promote(changed.lines.stream().map(line -> line.itemId).toList());
        }
        return changed;
    }

    /** The order with its lines loaded, for use after the transaction ends. */
    Order withLines(long orderId) {
        return em.createQuery("select o from Order o left join fetch o.lines where o.id = :id", Order.class)
                .setParameter("id", orderId).getSingleResult();
    }

    private void release(Order order) {
        for (OrderLine line : order.lines.stream().sorted(Comparator.comparing(l -> l.itemId)).toList()) {
            newOrders.giveBackQuota(line.itemId, line.quantity);
            newOrders.giveBackForBuyer(line.itemId, order.buyerPhone, line.quantity);
        }
    }

    private static void refuseIllegal(Order order, OrderStatus target, Actor actor) {
        boolean allowed = target.reachableFrom().contains(order.status);
        if (target == OrderStatus.SHIPPED && order.status == OrderStatus.CONFIRMED) {
            allowed = order.paymentMethod == PaymentMethod.COD;
        }
        if (actor == Actor.BUYER) {
            allowed = allowed && target == OrderStatus.CANCELLED && order.status == OrderStatus.PLACED;
        }
        if (target == OrderStatus.EXPIRED) {
            // Only HoldExpiry expires orders, a batch at a time.
            allowed = false;
        }
        if (!allowed) {
            throw illegal(order, target);
        }
    }

    private static ProblemException illegal(Order order, OrderStatus target) {
        String detail = "Order " + order.code + " is " + order.status + " and cannot become " + target;
        if (target == OrderStatus.SHIPPED && order.status == OrderStatus.CONFIRMED) {
            detail += " before it is paid (only cash-on-delivery orders ship unpaid)";
        }
        return ProblemException.conflict("illegal-status-change", "Status cannot change", detail)
                .with("currentStatus", order.status.name());
    }

    private static String timestampColumn(OrderStatus target) {
        return switch (target) {
            case CONFIRMED -> ", confirmedAt = :now";
            case SHIPPED -> ", shippedAt = :now";
            case DELIVERED -> ", deliveredAt = :now";
            case CANCELLED -> ", cancelledAt = :now";
            case EXPIRED -> ", expiredAt = :now";
            case RETURNED -> ", returnedAt = :now";
            case PAID, PLACED -> "";
        };
    }
}
