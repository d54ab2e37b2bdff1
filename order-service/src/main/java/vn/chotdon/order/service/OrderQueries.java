package vn.chotdon.order.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.readmodel.LineupItem;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.order.view.TallyView;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.text.VietnamPhone;

/**
 * Reads of orders for a cooperative's people and for buyers, and the tally. Methods for the
 * cooperative's people take the caller's cooperative scope (null when the caller is not bound to
 * one) and put it into the query, so another cooperative's data is never loaded and answers 404
 * exactly like data that does not exist.
 */
@ApplicationScoped
public class OrderQueries {

    private final EntityManager em;

    OrderQueries(EntityManager em) {
        this.em = em;
    }

    public record OrderPage(List<Order> items, long total) {
    }

    @Transactional
    public Order byId(long id, Long cooperativeScope) {
        var query = em.createQuery("select o from Order o left join fetch o.lines where o.id = :id"
                + (cooperativeScope == null ? "" : " and o.cooperativeId = :scope"), Order.class)
                .setParameter("id", id);
        if (cooperativeScope != null) {
            query.setParameter("scope", cooperativeScope);
        }
        List<Order> found = query.getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Order", id);
        }
        return found.get(0);
    }

    /** The order with this code, only for the holder of its access token; anyone else learns nothing. */
    @Transactional
    public Order forBuyer(String code, String token) {
        List<Order> found = em.createQuery("select o from Order o left join fetch o.lines where o.code = :code", Order.class)
                .setParameter("code", code).getResultList();
        if (found.isEmpty() || !OrderCodes.matches(token, found.get(0).accessTokenHash)) {
            throw ProblemException.notFound("Order", code);
        }
        return found.get(0);
    }

    @Transactional
    public OrderPage list(Long cooperativeScope, Long sessionId, OrderStatus status, String phone, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (cooperativeScope != null) {
            where.add("cooperativeId = :scope");
            params.and("scope", cooperativeScope);
        }
        if (sessionId != null) {
            where.add("sessionId = :sessionId");
            params.and("sessionId", sessionId);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (phone != null && !phone.isBlank()) {
            String normalised = VietnamPhone.normalise(phone).orElseThrow(() -> ProblemException.invalid("phone",
                    "is not a Vietnamese phone number (e.g. 0912 345 678 or +84912345678)"));
            where.add("buyerPhone = :phone");
            params.and("phone", normalised);
        }
        String filter = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var query = Order.<Order>find(filter, Sort.by("id"), params).page(Page.of(page, size));
        List<Order> orders = query.list();
        orders.forEach(o -> Hibernate.initialize(o.lines));
        return new OrderPage(orders, query.count());
    }

    /**
     * Every order of a session that is still to be delivered or was delivered (not one that came
     * back), for the shipping export; 404 for a session of another cooperative.
     */
    @Transactional
    public List<Order> toShip(long sessionId, Long cooperativeScope) {
        session(sessionId, cooperativeScope);
        var query = em.createQuery("select distinct o from Order o left join fetch o.lines where o.sessionId = :s"
                + " and o.status not in (:gone)" + (cooperativeScope == null ? "" : " and o.cooperativeId = :scope")
                + " order by o.id", Order.class)
                .setParameter("s", sessionId)
                .setParameter("gone", List.of(OrderStatus.CANCELLED, OrderStatus.EXPIRED, OrderStatus.RETURNED));
        if (cooperativeScope != null) {
            query.setParameter("scope", cooperativeScope);
        }
        return query.getResultList();
    }

    /** Any session: what it offers is public. */
    @Transactional
    public SaleSession session(long sessionId) {
        return session(sessionId, null);
    }

    private SaleSession session(long sessionId, Long cooperativeScope) {
        SaleSession session = cooperativeScope == null ? SaleSession.findById(sessionId)
                : SaleSession.<SaleSession>find("sessionId = ?1 and cooperativeId = ?2", sessionId, cooperativeScope)
                        .firstResult();
        if (session == null) {
            throw ProblemException.notFound("Session", sessionId);
        }
        return session;
    }

    @Transactional
    public List<LineupItem> lineup(long sessionId) {
        return LineupItem.list("sessionId", Sort.by("displayOrder").and("itemId"), sessionId);
    }

    /** Units and money of one lineup item, summed by what the orders holding them have become. */
    private static final class ItemUnits {
        long held;
        long confirmed;
        long paid;
        long cancelled;
        long returned;
        long revenueVnd;
        long heldVnd;
        long paidVnd;
        long countedRevenueVnd;

        void add(OrderStatus status, boolean paidLine, long quantity, long money) {
            if (status == OrderStatus.PLACED) {
                held += quantity;
                heldVnd += money;
            } else if (status.releasesUnits()) {
                cancelled += quantity;
            } else {
                // Returned units stay sold (they do not go back into the quota); their money is not counted.
                confirmed += quantity;
                revenueVnd += money;
                if (status == OrderStatus.RETURNED) {
                    returned += quantity;
                }
                if (paidLine) {
                    paid += quantity;
                    paidVnd += money;
                    if (status != OrderStatus.RETURNED) {
                        countedRevenueVnd += money;
                    }
                }
            }
        }
    }

    /**
     * Exact, from this service's own rows: one index-only GROUP BY over the session's order lines.
     * The session is looked up within the caller's cooperative; its lines are that cooperative's.
     */
    @Transactional
    public TallyView tally(long sessionId, Long cooperativeScope) {
        SaleSession session = session(sessionId, cooperativeScope);
        Map<Long, ItemUnits> units = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT item_id, status, paid, SUM(quantity), SUM(line_total_vnd)"
                + " FROM order_line WHERE session_id = ?1 GROUP BY item_id, status, paid")
                .setParameter(1, sessionId).getResultList();
        for (Object[] row : rows) {
            units.computeIfAbsent(((Number) row[0]).longValue(), id -> new ItemUnits())
                    .add(OrderStatus.valueOf((String) row[1]), toBoolean(row[2]), ((Number) row[3]).longValue(),
                            ((Number) row[4]).longValue());
        }
        List<TallyView.ItemTally> items = new ArrayList<>();
        ItemUnits all = new ItemUnits();
        for (LineupItem item : lineup(sessionId)) {
            ItemUnits u = units.getOrDefault(item.itemId, new ItemUnits());
            if (item.removed && u.held + u.confirmed + u.cancelled == 0) {
                continue;
            }
            long remaining = Math.max(0, item.quota - u.held - u.confirmed);
            items.add(new TallyView.ItemTally(item.itemId, item.code, item.productId, item.productName, item.quota,
                    u.held, u.confirmed, u.paid, u.cancelled, u.returned, remaining, u.revenueVnd, u.heldVnd,
                    u.countedRevenueVnd, item.removed));
            all.held += u.held;
            all.confirmed += u.confirmed;
            all.paid += u.paid;
            all.cancelled += u.cancelled;
            all.returned += u.returned;
            all.countedRevenueVnd += u.countedRevenueVnd;
            all.revenueVnd += u.revenueVnd;
            all.heldVnd += u.heldVnd;
            all.paidVnd += u.paidVnd;
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status.name(), 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery(
                "SELECT status, COUNT(*) FROM orders WHERE session_id = ?1 GROUP BY status")
                .setParameter(1, sessionId).getResultList();
        long orders = 0;
        for (Object[] row : counts) {
            byStatus.put((String) row[0], ((Number) row[1]).longValue());
            orders += ((Number) row[1]).longValue();
        }
        return new TallyView(sessionId, session.status, items, byStatus,
                new TallyView.Totals(orders, all.held, all.confirmed, all.paid, all.cancelled, all.returned,
                        all.revenueVnd, all.heldVnd, all.paidVnd, all.countedRevenueVnd),
                Instant.now(), payments(sessionId));
    }

    /** See {@link TallyView.Payments}: an order paid by transfer counts there and not as cash on delivery. */
    private TallyView.Payments payments(long sessionId) {
        String paidByTransfer = "EXISTS (SELECT 1 FROM bank_payment p WHERE p.order_id = o.id AND p.paid_order = TRUE)";
        Object[] orders = (Object[]) em.createNativeQuery("SELECT"
                + " COALESCE(SUM(CASE WHEN " + paidByTransfer + " THEN o.total_vnd END), 0),"
                + " COALESCE(SUM(CASE WHEN o.payment_method = 'COD' AND o.status <> 'PLACED' AND NOT " + paidByTransfer
                + " THEN o.total_vnd END), 0)"
                + " FROM orders o WHERE o.session_id = ?1 AND o.status NOT IN ('CANCELLED', 'EXPIRED', 'RETURNED')")
                .setParameter(1, sessionId).getSingleResult();
        Object[] unmatched = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(amount_vnd), 0), COUNT(*)"
                + " FROM bank_payment WHERE session_id = ?1 AND review_state = 'OPEN'")
                .setParameter(1, sessionId).getSingleResult();
        return new TallyView.Payments(((Number) orders[0]).longValue(), ((Number) orders[1]).longValue(),
                ((Number) unmatched[0]).longValue(), ((Number) unmatched[1]).longValue());
    }

    private static boolean toBoolean(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
