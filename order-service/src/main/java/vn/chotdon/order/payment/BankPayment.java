package vn.chotdon.order.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bank transaction a notification service reported for a cooperative's account, stored once. */
@Entity
@Table(name = "bank_payment")
public class BankPayment extends PanacheEntityBase {

    /** What became of the transaction. */
    public enum Outcome {
        /** It paid {@code orderId}. */
        MATCHED,
        /** Unmatched: in the review list (see reviewState). */
        REVIEW,
        /** Money out of the account: kept for the record, never matched. */
        OUTGOING
    }

    /** Why a transfer went to review instead of paying an order. */
    public enum ReviewReason {
        NO_ORDER_CODE,
        UNKNOWN_ORDER,
        AMBIGUOUS,
        UNDERPAID,
        OVERPAID,
        ORDER_CANCELLED,
        ALREADY_PAID,
        /** The order is in a status that is not paid by transfer (shipped cash on delivery, say). */
        ORDER_NOT_PAYABLE,
        /** Its hold expired and its units could not be taken again: the buyer is owed a refund. */
        EXPIRED_NOT_REVIVED
    }

    /** Where staff are with an entry of the review list. */
    public enum ReviewState {
        OPEN,
        /** Attached to an order by staff (and the order paid, if it could be). */
        ATTACHED,
        /** Staff noted that the money was sent back. */
        REFUNDED,
        /** Staff decided it needs nothing (a personal transfer, a test). */
        IGNORED
    }

    @Id
    public Long id;

    @Column(name = "cooperative_id")
    public long cooperativeId;

    public String provider;

    @Column(name = "provider_txn_id")
    public String providerTransactionId;

    public String direction;

    @Column(name = "amount_vnd")
    public long amountVnd;

    public String memo;

    @Column(name = "account_number")
    public String accountNumber;

    public String bank;

    @Column(name = "reference_code")
    public String referenceCode;

    @Column(name = "transferred_at")
    public Instant transferredAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "order_id")
    public Long orderId;

    @Column(name = "session_id")
    public Long sessionId;

    /** True when this payment moved its order to PAID (matched, or attached by staff). */
    @Column(name = "paid_order")
    public boolean paidOrder;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_reason")
    public ReviewReason reviewReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_state")
    public ReviewState reviewState;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolution_note")
    public String resolutionNote;
}
