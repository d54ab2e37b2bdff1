package vn.chotdon.order.payment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.chotdon.order.payment.BankPayment.Outcome;
import vn.chotdon.order.payment.BankPayment.ReviewReason;
import vn.chotdon.order.service.OrderLifecycle;
import vn.chotdon.order.service.OrderRevival;
import vn.chotdon.platform.tx.RetryOnDeadlock;

/**
 * Stores each bank transfer once and matches it to the order its memo names, in one transaction:
 * the payment row (unique per cooperative, provider and provider's transaction id) is inserted
 * first, so a redelivery, even one racing the first delivery, finds it there and does nothing
 * more; the order's row is then locked, so its hold expiry or a cancellation cannot slip between
 * the decision and the payment.
 *
 * <p>The order is paid only when the memo names exactly one real order of the cooperative (cash on
 * delivery or bank transfer: a COD buyer may pay ahead), the amount is its total to the đồng, and
 * it is PLACED or CONFIRMED, or EXPIRED and able to take its units again ({@link OrderRevival}).
 * Anything else goes to the review list with its reason, attributed to the order the memo names
 * when there is one: nothing is applied that a person has not decided.
 */
@ApplicationScoped
public class IncomingTransfers {

    /** What became of a notification. */
    public record Receipt(long paymentId, boolean duplicate, Outcome outcome, ReviewReason reason, String orderCode) {
    }

    private record Target(long orderId, String code, long sessionId, String status, long totalVnd, boolean paid) {
    }

    private final EntityManager em;
    private final OrderLifecycle lifecycle;
    private final OrderRevival revival;

    IncomingTransfers(EntityManager em, OrderLifecycle lifecycle, OrderRevival revival) {
        this.em = em;
        this.lifecycle = lifecycle;
        this.revival = revival;
    }

    public Receipt receive(long cooperativeId, BankTransfer transfer) {
        try {
            return RetryOnDeadlock.inNewTransaction(() -> storeAndMatch(cooperativeId, transfer, true));
        } catch (OrderRevival.NotRevived e) {
            // Rolled back whole, the payment row included: stored again, now as a refund case.
            return RetryOnDeadlock.inNewTransaction(() -> storeAndMatch(cooperativeId, transfer, false));
        }
    }

    private Receipt storeAndMatch(long cooperativeId, BankTransfer transfer, boolean mayRevive) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int inserted = em.createNativeQuery("INSERT IGNORE INTO bank_payment (cooperative_id, provider, provider_txn_id,"
                + " direction, amount_vnd, memo, account_number, bank, reference_code, transferred_at, received_at, outcome)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
                .setParameter(1, cooperativeId).setParameter(2, transfer.provider())
                .setParameter(3, transfer.transactionId()).setParameter(4, transfer.incoming() ? "in" : "out")
                .setParameter(5, transfer.amountVnd()).setParameter(6, cut(transfer.memo(), 1000))
                .setParameter(7, cut(transfer.accountNumber(), 40)).setParameter(8, cut(transfer.bank(), 100))
                .setParameter(9, cut(transfer.referenceCode(), 100)).setParameter(10, transfer.transferredAt())
                .setParameter(11, now).setParameter(12, transfer.incoming() ? Outcome.REVIEW.name() : Outcome.OUTGOING.name())
                .executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("SELECT id, outcome, review_reason FROM bank_payment"
                + " WHERE cooperative_id = ?1 AND provider = ?2 AND provider_txn_id = ?3")
                .setParameter(1, cooperativeId).setParameter(2, transfer.provider())
                .setParameter(3, transfer.transactionId()).getSingleResult();
        long paymentId = ((Number) row[0]).longValue();
        if (inserted == 0) {
            return new Receipt(paymentId, true, Outcome.valueOf((String) row[1]),
                    row[2] == null ? null : ReviewReason.valueOf((String) row[2]), null);
        }
        if (!transfer.incoming()) {
            return new Receipt(paymentId, false, Outcome.OUTGOING, null, null);
        }
        MemoReading reading = MemoMatcher.read(transfer.memo(), codes -> realCodes(cooperativeId, codes));
        if (!(reading instanceof MemoReading.Found found)) {
            ReviewReason reason = reading instanceof MemoReading.NoCode ? ReviewReason.NO_ORDER_CODE
                    : reading instanceof MemoReading.Unknown ? ReviewReason.UNKNOWN_ORDER : ReviewReason.AMBIGUOUS;
            return review(paymentId, null, reason);
        }
        Target order = lock(cooperativeId, found.code());
        ReviewReason refused = refusal(order, transfer.amountVnd());
        if (refused != null) {
            return review(paymentId, order, refused);
        }
        if (order.status().equals("EXPIRED")) {
            if (!mayRevive) {
                return review(paymentId, order, ReviewReason.EXPIRED_NOT_REVIVED);
            }
            revival.reviveAsPaid(order.orderId());
        } else {
            lifecycle.payInTransaction(order.orderId(), cooperativeId);
        }
        em.createNativeQuery("UPDATE bank_payment SET outcome = 'MATCHED', order_id = ?1, session_id = ?2,"
                + " paid_order = TRUE WHERE id = ?3")
                .setParameter(1, order.orderId()).setParameter(2, order.sessionId()).setParameter(3, paymentId)
                .executeUpdate();
        return new Receipt(paymentId, false, Outcome.MATCHED, null, order.code());
    }

    /** Why this transfer cannot pay this order by itself, or null when it can (revival aside). */
    private static ReviewReason refusal(Target order, long amountVnd) {
        if (order.status().equals("CANCELLED")) {
            return ReviewReason.ORDER_CANCELLED;
        }
        if (order.paid()) {
            return ReviewReason.ALREADY_PAID;
        }
        if (amountVnd < order.totalVnd()) {
            return ReviewReason.UNDERPAID;
        }
        if (amountVnd > order.totalVnd()) {
            return ReviewReason.OVERPAID;
        }
        return switch (order.status()) {
            case "PLACED", "CONFIRMED", "EXPIRED" -> null;
            default -> ReviewReason.ORDER_NOT_PAYABLE;
        };
    }

    private Receipt review(long paymentId, Target order, ReviewReason reason) {
        em.createNativeQuery("UPDATE bank_payment SET outcome = 'REVIEW', review_reason = ?1, review_state = 'OPEN',"
                + " order_id = ?2, session_id = ?3 WHERE id = ?4")
                .setParameter(1, reason.name()).setParameter(2, order == null ? null : order.orderId())
                .setParameter(3, order == null ? null : order.sessionId()).setParameter(4, paymentId).executeUpdate();
        return new Receipt(paymentId, false, Outcome.REVIEW, reason, order == null ? null : order.code());
    }

    /** Of these candidate codes, those of the cooperative's orders. */
    private Set<String> realCodes(long cooperativeId, Collection<String> codes) {
        @SuppressWarnings("unchecked")
        List<String> real = em.createNativeQuery("SELECT code FROM orders WHERE cooperative_id = ?1 AND code IN (?2)")
                .setParameter(1, cooperativeId).setParameter(2, codes).getResultList();
        return new HashSet<>(real);
    }

    /** The order's row, locked until the transaction ends. */
    private Target lock(long cooperativeId, String code) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT id, code, session_id, status, total_vnd, paid_at"
                + " FROM orders WHERE cooperative_id = ?1 AND code = ?2 FOR UPDATE")
                .setParameter(1, cooperativeId).setParameter(2, code).getSingleResult();
        return new Target(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).longValue(),
                (String) row[3], ((Number) row[4]).longValue(), row[5] != null);
    }

    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
