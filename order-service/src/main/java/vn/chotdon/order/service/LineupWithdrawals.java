package vn.chotdon.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.chotdon.order.readmodel.LiveLineups;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * The gate livestream-service passes before it removes a lineup item and releases its stock:
 * order-service, which knows the units taken, withdraws the item only while no order holds any of
 * it. The withdrawal and placement's quota UPDATE are both conditional UPDATEs of the item's row,
 * so of the two racing exactly one wins: a withdrawn item takes no more orders, and an item with
 * orders is not withdrawn. A withdrawal is recorded, so that no lineup event arriving later (late
 * or replayed) makes the item sellable again.
 *
 * <p>A withdrawal of an item order-service has not heard of yet, even in a session it has not heard
 * of, is recorded and succeeds: no order can exist for an item not in the read model, and the
 * record keeps the item unsellable when its event arrives.
 */
@ApplicationScoped
public class LineupWithdrawals {

    private final EntityManager em;
    private final LiveLineups lineups;

    LineupWithdrawals(EntityManager em, LiveLineups lineups) {
        this.em = em;
        this.lineups = lineups;
    }

    /**
     * Makes the item unsellable for good unless orders hold units of it.
     *
     * @param version livestream-service's version of the item, kept with the withdrawal
     * @throws ProblemException 409 item-has-orders (nothing changed) when orders hold units of it;
     *                          404 when the item belongs to another session
     */
    public void withdraw(long sessionId, long itemId, long version) {
        RetryOnDeadlock.inNewTransaction(() -> {
            withdrawInTransaction(sessionId, itemId, version);
            return null;
        });
    }

    private void withdrawInTransaction(long sessionId, long itemId, long version) {
        List<?> owner = em.createNativeQuery("SELECT session_id FROM lineup_item WHERE item_id = ?1"
                + " UNION SELECT session_id FROM withdrawn_lineup_item WHERE item_id = ?1")
                .setParameter(1, itemId).getResultList();
        if (owner.stream().anyMatch(session -> ((Number) session).longValue() != sessionId)) {
            throw ProblemException.notFound("Lineup item", itemId);
        }
        // The item's row first, as placement locks it last: the two never wait for each other in a cycle.
        boolean known = removeIfNothingTaken(itemId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        em.createNativeQuery("INSERT IGNORE INTO withdrawn_lineup_item (item_id, session_id, version, withdrawn_at)"
                + " VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, itemId).setParameter(2, sessionId).setParameter(3, version).setParameter(4, now)
                .executeUpdate();
        em.createNativeQuery("UPDATE withdrawn_lineup_item SET version = GREATEST(version, ?1) WHERE item_id = ?2")
                .setParameter(1, version).setParameter(2, itemId).executeUpdate();
        if (!known) {
            // The item may have arrived since the first UPDATE; the projection sees the record only after commit.
            removeIfNothingTaken(itemId);
        }
        lineups.changed(sessionId);
    }

    /**
     * @return whether the item is in the read model (and now removed)
     * @throws ProblemException 409 when orders hold units of it
     */
    private boolean removeIfNothingTaken(long itemId) {
        int removed = em.createNativeQuery("UPDATE lineup_item SET removed = TRUE, updated_at = ?1"
                + " WHERE item_id = ?2 AND taken = 0")
                .setParameter(1, Instant.now().truncatedTo(ChronoUnit.MICROS)).setParameter(2, itemId)
                .executeUpdate();
        if (removed == 1) {
            return true;
        }
        List<?> taken = em.createNativeQuery("SELECT taken FROM lineup_item WHERE item_id = ?1")
                .setParameter(1, itemId).getResultList();
        if (taken.isEmpty()) {
            return false;
        }
        long ordered = ((Number) taken.get(0)).longValue();
        throw ProblemException.conflict("item-has-orders", "The item has orders",
                "Orders hold " + ordered + " units of lineup item " + itemId
                        + "; it stays on the lineup until they are cancelled or expire")
                .with("ordered", ordered);
    }

    /**
     * Whether the item was withdrawn, read under a shared lock in the caller's transaction, which
     * must already hold the item's row: a withdrawal committing meanwhile is waited for, and one
     * that comes later finds the row this transaction wrote.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isWithdrawn(long itemId) {
        return !em.createNativeQuery("SELECT item_id FROM withdrawn_lineup_item WHERE item_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, itemId).getResultList().isEmpty();
    }
}
