package vn.chotdon.catalog.settlement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import vn.chotdon.events.order.OrderData;

/**
 * The money of orders, line by line, as it counts for what member households are owed. An order
 * is either counted or not ({@code settlement_order.counted}); each switch is one conditional
 * UPDATE, so that counting twice or reversing what never counted changes nothing. Counting writes
 * one {@code COUNTED} entry per line with the product's member household and the cooperative's
 * commission rate in force at that moment (catalog's own product and rate tables); reversing
 * writes the same entries negated ({@code REVERSED}), so a return takes back exactly what the sale
 * gave even if the product changed household or the rate changed since.
 */
@ApplicationScoped
public class SettlementLedger {

    private static final Logger LOG = Logger.getLogger(SettlementLedger.class);

    private final EntityManager em;

    SettlementLedger(EntityManager em) {
        this.em = em;
    }

    /** Applies an order event's status, at {@code at} (the event's time); the caller's transaction also records the event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OrderData order, Instant at) {
        OrderMoney money = OrderMoney.of(order.status()).orElse(null);
        if (money == OrderMoney.COUNTS) {
            count(order, at);
        } else if (money == OrderMoney.REVERSES) {
            reverse(order, at);
        }
    }

    private void count(OrderData order, Instant at) {
        em.createNativeQuery("INSERT IGNORE INTO settlement_order (order_id, session_id, counted, count_round, updated_at)"
                + " VALUES (?1, ?2, FALSE, 0, ?3)")
                .setParameter(1, order.orderId()).setParameter(2, order.sessionId()).setParameter(3, at)
                .executeUpdate();
        int switched = em.createNativeQuery("UPDATE settlement_order SET counted = TRUE, count_round = count_round + 1,"
                + " updated_at = ?2 WHERE order_id = ?1 AND counted = FALSE")
                .setParameter(1, order.orderId()).setParameter(2, at).executeUpdate();
        if (switched == 0) {
            return; // already counted: PAID then DELIVERED counts once
        }
        int round = ((Number) em.createNativeQuery("SELECT count_round FROM settlement_order WHERE order_id = ?1")
                .setParameter(1, order.orderId()).getSingleResult()).intValue();
        for (OrderData.OrderLineData line : order.lines()) {
            Owner owner = ownerOf(line.productId(), order);
            em.createNativeQuery("INSERT INTO settlement_entry (cooperative_id, session_id, order_id, order_code,"
                    + " count_round, kind, order_status, product_id, member_id, quantity, gross_vnd, basis_points,"
                    + " counted_at) VALUES (?1, ?2, ?3, ?4, ?5, 'COUNTED', ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                    .setParameter(1, owner.cooperativeId()).setParameter(2, order.sessionId())
                    .setParameter(3, order.orderId()).setParameter(4, order.code()).setParameter(5, round)
                    .setParameter(6, order.status()).setParameter(7, line.productId())
                    .setParameter(8, owner.memberId()).setParameter(9, line.quantity())
                    .setParameter(10, line.lineTotalVnd())
                    .setParameter(11, rateAt(owner.cooperativeId(), at)).setParameter(12, at)
                    .executeUpdate();
        }
    }

    private void reverse(OrderData order, Instant at) {
        int switched = em.createNativeQuery("UPDATE settlement_order SET counted = FALSE, updated_at = ?2"
                + " WHERE order_id = ?1 AND counted = TRUE")
                .setParameter(1, order.orderId()).setParameter(2, at).executeUpdate();
        if (switched == 0) {
            return; // never counted (a COD order refused at the door, a hold cancelled before payment)
        }
        int round = ((Number) em.createNativeQuery("SELECT count_round FROM settlement_order WHERE order_id = ?1")
                .setParameter(1, order.orderId()).getSingleResult()).intValue();
        em.createNativeQuery("INSERT INTO settlement_entry (cooperative_id, session_id, order_id, order_code,"
                + " count_round, kind, order_status, product_id, member_id, quantity, gross_vnd, basis_points, counted_at)"
                + " SELECT cooperative_id, session_id, order_id, order_code, count_round, 'REVERSED', ?3, product_id,"
                + " member_id, -quantity, -gross_vnd, basis_points, ?4 FROM settlement_entry"
                + " WHERE order_id = ?1 AND count_round = ?2 AND kind = 'COUNTED' ORDER BY id")
                .setParameter(1, order.orderId()).setParameter(2, round).setParameter(3, order.status())
                .setParameter(4, at).executeUpdate();
    }

    private record Owner(long cooperativeId, Long memberId) {
    }

    /** The product's cooperative and member household now; the order's cooperative for a product catalog does not know. */
    private Owner ownerOf(long productId, OrderData order) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT cooperative_id, member_id FROM product WHERE id = ?1")
                .setParameter(1, productId).getResultList();
        if (rows.isEmpty()) {
            // Still counted, so that the cooperative's sums match order-service's tally; it shows with no household.
            LOG.errorf("Order %s counts money for product %d, which catalog does not know", order.code(), productId);
            return new Owner(order.cooperativeId(), null);
        }
        Object[] row = rows.get(0);
        return new Owner(((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).longValue());
    }

    private int rateAt(long cooperativeId, Instant at) {
        @SuppressWarnings("unchecked")
        List<Number> rates = em.createNativeQuery("SELECT basis_points FROM commission_rate WHERE cooperative_id = ?1"
                + " AND effective_from <= ?2 ORDER BY effective_from DESC, id DESC LIMIT 1")
                .setParameter(1, cooperativeId).setParameter(2, at).getResultList();
        return rates.isEmpty() ? 0 : rates.get(0).intValue();
    }
}
