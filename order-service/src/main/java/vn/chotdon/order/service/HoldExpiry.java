package vn.chotdon.order.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderLine;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.readmodel.LiveLineups;
import vn.chotdon.order.waitlist.service.WaitlistPromotion;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Expires PLACED orders whose hold ran out, a batch at a time until none is due. Each batch claims
 * its orders with {@code FOR UPDATE SKIP LOCKED}: instances running at the same time take
 * different orders, none waits for another, and an order a buyer or staff member is changing
 * right now is left to that change. Locked, a claimed order cannot change under the batch, so its
 * status, the units it gives back and its ORDER_EXPIRED event happen exactly once. The counters
 * are given back summed and in key order, as placement and the lifecycle take them; then, still
 * holding the items' rows, the batch offers the units to the items' waitlists.
 */
@ApplicationScoped
public class HoldExpiry {

    static final int BATCH = 200;

    private record Batch(int claimed, Set<Long> items) {
    }

    private record PhoneKey(long owner, String phone) implements Comparable<PhoneKey> {
        private static final Comparator<PhoneKey> ORDER = Comparator.comparingLong(PhoneKey::owner)
                .thenComparing(PhoneKey::phone);

        @Override
        public int compareTo(PhoneKey other) {
            return ORDER.compare(this, other);
        }
    }

    private final EntityManager em;
    private final OrderEvents events;
    private final SoldOutMemory soldOut;
    private final LiveLineups lineups;
    private final WaitlistPromotion waitlist;

    HoldExpiry(EntityManager em, OrderEvents events, SoldOutMemory soldOut, LiveLineups lineups,
            WaitlistPromotion waitlist) {
        this.em = em;
        this.events = events;
        this.soldOut = soldOut;
        this.lineups = lineups;
        this.waitlist = waitlist;
    }

    @Scheduled(identity = "order-hold-expiry", every = "${chotdon.orders.expiry-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        expireDue();
    }

    /** @return how many orders this call expired */
    public int expireDue() {
        int expired = 0;
        for (int claimed = BATCH; claimed == BATCH;) {
            Batch batch = RetryOnDeadlock.inNewTransaction(this::expireBatch);
            batch.items().forEach(itemId -> {
                soldOut.forget(itemId);
                lineups.unitsReturned(itemId);
            });
            claimed = batch.claimed();
            expired += claimed;
        }
        return expired;
    }

    private Batch expireBatch() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<?> due = em.createNativeQuery("SELECT id FROM orders WHERE status = 'PLACED' AND hold_expires_at < ?1"
                + " ORDER BY hold_expires_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).getResultList();
        List<Long> ids = due.stream().map(id -> ((Number) id).longValue()).toList();
        if (ids.isEmpty()) {
            return new Batch(0, Set.of());
        }
        em.createQuery("update Order set status = :expired, version = version + 1, updatedAt = :now, expiredAt = :now"
                + " where id in :ids and status = :placed")
                .setParameter("expired", OrderStatus.EXPIRED).setParameter("now", now).setParameter("ids", ids)
                .setParameter("placed", OrderStatus.PLACED).executeUpdate();
        em.createQuery("update OrderLine set status = :expired where order.id in :ids")
                .setParameter("expired", OrderStatus.EXPIRED).setParameter("ids", ids).executeUpdate();
        List<Order> orders = em.createQuery("select distinct o from Order o left join fetch o.lines where o.id in :ids",
                Order.class).setParameter("ids", ids).getResultList();

        Map<PhoneKey, Long> heldInSession = new TreeMap<>();
        Map<PhoneKey, Long> boughtOfItem = new TreeMap<>();
        Map<Long, Long> takenOfItem = new TreeMap<>();
        for (Order order : orders) {
            for (OrderLine line : order.lines) {
                heldInSession.merge(new PhoneKey(order.sessionId, order.buyerPhone), line.quantity, Long::sum);
                boughtOfItem.merge(new PhoneKey(line.itemId, order.buyerPhone), line.quantity, Long::sum);
                takenOfItem.merge(line.itemId, line.quantity, Long::sum);
            }
        }
        heldInSession.forEach((key, units) -> em.createNativeQuery("UPDATE buyer_held_units"
                + " SET units = GREATEST(units - ?1, 0) WHERE session_id = ?2 AND buyer_phone = ?3")
                .setParameter(1, units).setParameter(2, key.owner()).setParameter(3, key.phone()).executeUpdate());
        boughtOfItem.forEach((key, units) -> em.createNativeQuery("UPDATE buyer_item_units"
                + " SET units = GREATEST(units - ?1, 0) WHERE item_id = ?2 AND buyer_phone = ?3")
                .setParameter(1, units).setParameter(2, key.owner()).setParameter(3, key.phone()).executeUpdate());
        // Last, in item order: the busy rows where every buyer of the session meets.
        takenOfItem.forEach((itemId, units) -> em.createNativeQuery(
                "UPDATE lineup_item SET taken = taken - ?1 WHERE item_id = ?2")
                .setParameter(1, units).setParameter(2, itemId).executeUpdate());
        for (Order order : orders) {
            events.record(order, OrderStatus.PLACED);
        }
        // Still holding the items' rows: the units go to the buyers in line before anyone else sees them.
        waitlist.promote(takenOfItem.keySet());
        return new Batch(ids.size(), new TreeSet<>(takenOfItem.keySet()));
    }
}
