package vn.chotdon.order.waitlist.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import vn.chotdon.order.Order;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.buyer.service.BuyerScreening;
import vn.chotdon.order.config.WaitlistSettings;
import vn.chotdon.order.readmodel.LiveLineups.Item;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.order.service.NewOrders;
import vn.chotdon.order.service.ReceivingAccounts;
import vn.chotdon.order.transfer.PayeeAccount;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Gives units that come back to the buyers in line, first come first served, in the very
 * transaction that makes them available: a cancellation, a batch of expired holds, or the read
 * model raising a quota. No buyer tapping "order" can take a released unit before the first in
 * line: the units are taken again before the release commits.
 *
 * <p>Exactly once with any number of instances, with nothing kept in memory: promotions of an item
 * are serialised by its {@code lineup_item} row, whose exclusive lock the releasing transaction
 * holds from its UPDATE (and this class takes with {@code FOR UPDATE} when the caller did not).
 * Inside, each WAITING entry is locked, offered, and marked PROMOTED or SKIPPED by a conditional
 * UPDATE in the same transaction as its order, its event and the quota it takes: the entry, the
 * order and the units commit together or not at all, and the next promotion of the item, waiting
 * on the row, finds the entry decided.
 */
@ApplicationScoped
public class WaitlistPromotion {

    private final EntityManager em;
    private final NewOrders newOrders;
    private final ReceivingAccounts accounts;
    private final BuyerScreening screening;
    private final Duration hold;

    WaitlistPromotion(EntityManager em, NewOrders newOrders, ReceivingAccounts accounts, BuyerScreening screening,
            WaitlistSettings settings) {
        this.em = em;
        this.newOrders = newOrders;
        this.accounts = accounts;
        this.screening = screening;
        this.hold = Duration.ofMinutes(settings.holdMinutes());
    }

    private record Session(long cooperativeId, boolean autoConfirmCod) {
    }

    private record Waiting(long id, String buyerName, String phone, String province, String commune,
            String addressDetail, PaymentMethod paymentMethod, long quantity, String tokenHash, Long commentId) {
    }

    /**
     * Offers the units these items have free to the buyers in line for them, in the caller's
     * transaction. Cheap when no one waits: an index read per item.
     *
     * @return the entries promoted
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int promote(Collection<Long> itemIds) {
        int promoted = 0;
        // In item order, as every transaction takes lineup rows.
        for (long itemId : new TreeSet<>(itemIds)) {
            promoted += promote(itemId);
        }
        return promoted;
    }

    /** The session ended (or was cancelled): no one waits any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeSession(long sessionId) {
        em.createNativeQuery("UPDATE waitlist_entry SET state = 'CLOSED', decided_at = ?1"
                + " WHERE session_id = ?2 AND state = 'WAITING'")
                .setParameter(1, now()).setParameter(2, sessionId).executeUpdate();
    }

    /** The item left the lineup: its line is closed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeItem(long itemId) {
        em.createNativeQuery("UPDATE waitlist_entry SET state = 'CLOSED', decided_at = ?1"
                + " WHERE item_id = ?2 AND state = 'WAITING'")
                .setParameter(1, now()).setParameter(2, itemId).executeUpdate();
    }

    private int promote(long itemId) {
        // The item's row first: every promotion of the item, on any instance, waits here for the one before.
        List<?> rows = em.createNativeQuery("SELECT session_id, code, product_id, product_name, live_price_vnd,"
                + " per_buyer_limit, quota, taken, removed, version FROM lineup_item WHERE item_id = ?1 FOR UPDATE")
                .setParameter(1, itemId).getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        Item item = item(itemId, (Object[]) rows.get(0));
        if (item.removed() || item.remaining() == 0 || firstWaiting(itemId, false).isEmpty()) {
            return 0;
        }
        Optional<Session> session = liveSession(item.sessionId());
        if (session.isEmpty()) {
            return 0;
        }
        long remaining = item.remaining();
        int promoted = 0;
        for (Optional<Waiting> next = firstWaiting(itemId, true); next.isPresent() && remaining > 0;
                next = firstWaiting(itemId, true)) {
            long offered = offer(next.get(), item, Math.min(next.get().quantity(), remaining), session.get());
            if (offered > 0) {
                remaining -= offered;
                promoted++;
            }
        }
        return promoted;
    }

    /**
     * Makes the buyer's order of these units, by the hot path's rules (the session's buyer policy,
     * held-units cap, per-buyer limit, the quota's conditional UPDATE), or skips the buyer when a
     * rule refuses it.
     *
     * @return the units given; 0 when the entry was skipped
     */
    private long offer(Waiting entry, Item item, long units, Session session) {
        Instant now = now();
        List<NewOrders.Want> wants = List.of(new NewOrders.Want(item, units));
        boolean heldForReview;
        boolean confirmNow;
        try {
            // The buyer's standing may have changed while they waited: the policy applies now, as POST /orders would.
            heldForReview = screening.holdForReview(item.sessionId(), session.cooperativeId(), entry.phone(),
                    entry.paymentMethod());
            confirmNow = !heldForReview && entry.paymentMethod() == PaymentMethod.COD && session.autoConfirmCod();
            newOrders.takeLimits(item.sessionId(), entry.phone(), wants, !confirmNow);
        } catch (ProblemException refused) {
            Problem problem = refused.toProblem(null);
            String reason = problem.type.substring(problem.type.lastIndexOf('/') + 1) + ": " + problem.detail;
            decide(entry.id(), "SKIPPED", null, null, reason.length() > 500 ? reason.substring(0, 500) : reason, now);
            return 0;
        }
        Optional<PayeeAccount> payee = entry.paymentMethod() == PaymentMethod.BANK_TRANSFER
                ? accounts.defaultFor(session.cooperativeId()) : Optional.empty();
        NewOrders.Buyer buyer = new NewOrders.Buyer(entry.buyerName(), entry.phone(), entry.province(), entry.commune(),
                entry.addressDetail());
        // The entry's token opens the order: the buyer already holds it.
        Order order = newOrders.draft(item.sessionId(), session.cooperativeId(), entry.paymentMethod(), payee, buyer, null,
                entry.tokenHash(), null, now, hold, wants);
        order.heldForReview = heldForReview;
        newOrders.record(order, confirmNow, now);
        if (!newOrders.takeQuota(item.itemId(), units, item.version())) {
            throw new IllegalStateException("lineup item " + item.itemId() + " did not have the " + units
                    + " unit(s) read under its row lock");
        }
        decide(entry.id(), "PROMOTED", units, order.id, null, now);
        if (entry.commentId() != null) {
            // Staff reading the comments see the order the comment's turn brought.
            em.createNativeQuery("UPDATE live_comment SET order_code = ?1 WHERE id = ?2 AND state = 'WAITLISTED'")
                    .setParameter(1, order.code).setParameter(2, entry.commentId()).executeUpdate();
        }
        return units;
    }

    private void decide(long entryId, String state, Long units, Long orderId, String reason, Instant now) {
        int decided = em.createNativeQuery("UPDATE waitlist_entry SET state = ?1, units_offered = ?2, order_id = ?3,"
                + " skip_reason = ?4, decided_at = ?5 WHERE id = ?6 AND state = 'WAITING'")
                .setParameter(1, state).setParameter(2, units).setParameter(3, orderId).setParameter(4, reason)
                .setParameter(5, now).setParameter(6, entryId).executeUpdate();
        if (decided != 1) {
            throw new IllegalStateException("waitlist entry " + entryId + " left WAITING under its row lock");
        }
    }

    /**
     * The first WAITING entry of the item. Locked when it is to be offered: a buyer leaving at the
     * same moment waits for the offer, then finds it decided.
     */
    private Optional<Waiting> firstWaiting(long itemId, boolean lock) {
        List<?> rows = em.createNativeQuery("SELECT id, buyer_name, buyer_phone, province, commune, address_detail,"
                + " payment_method, quantity, access_token_hash, comment_id FROM waitlist_entry WHERE item_id = ?1"
                + " AND state = 'WAITING' ORDER BY id LIMIT 1" + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, itemId).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] c = (Object[]) row;
            return new Waiting(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                    (String) c[5], PaymentMethod.valueOf((String) c[6]), ((Number) c[7]).longValue(), (String) c[8],
                    c[9] == null ? null : ((Number) c[9]).longValue());
        });
    }

    /**
     * The session, if LIVE, read under the shared lock placement reads it with: the read-model update
     * that ends the session waits for this transaction, then closes the entries still waiting.
     */
    private Optional<Session> liveSession(long sessionId) {
        List<?> rows = em.createNativeQuery("SELECT status, cooperative_id, auto_confirm_cod FROM sale_session"
                + " WHERE session_id = ?1 LOCK IN SHARE MODE").setParameter(1, sessionId).getResultList();
        return rows.stream().map(row -> (Object[]) row).filter(c -> SaleSession.LIVE.equals(c[0]))
                .map(c -> new Session(((Number) c[1]).longValue(), isTrue(c[2]))).findFirst();
    }

    private static Item item(long itemId, Object[] c) {
        return new Item(itemId, ((Number) c[0]).longValue(), (String) c[1], ((Number) c[2]).longValue(), (String) c[3],
                ((Number) c[4]).longValue(), c[5] == null ? null : ((Number) c[5]).intValue(), ((Number) c[6]).longValue(),
                ((Number) c[7]).longValue(), isTrue(c[8]), ((Number) c[9]).longValue());
    }

    private static boolean isTrue(Object column) {
        return column instanceof Boolean b ? b : ((Number) column).intValue() != 0;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
