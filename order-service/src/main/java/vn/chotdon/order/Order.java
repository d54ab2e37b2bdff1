package vn.chotdon.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A buyer's order placed during a live sale session. */
@Entity
@Table(name = "orders")
public class Order extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Short code read out on the stream and used as the bank transfer memo. */
    @Column(nullable = false, updatable = false)
    public String code;

    @Column(name = "session_id", nullable = false, updatable = false)
    public Long sessionId;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    public Long cooperativeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false, updatable = false)
    public PaymentMethod paymentMethod;

    /**
     * The receiving account this bank-transfer order's VietQR code names: the cooperative's
     * default when the order was placed; null for cash on delivery or a cooperative without one.
     */
    @Column(name = "receiving_account_id", updatable = false)
    public Long receivingAccountId;

    @Column(name = "buyer_name", nullable = false)
    public String buyerName;

    /** Normalised, +84… */
    @Column(name = "buyer_phone", nullable = false)
    public String buyerPhone;

    @Column(nullable = false)
    public String province;

    @Column(nullable = false)
    public String commune;

    @Column(name = "address_detail", nullable = false)
    public String addressDetail;

    public String note;

    @Column(name = "total_vnd", nullable = false)
    public long totalVnd;

    /** SHA-256 of the token that lets the buyer read and cancel this order. */
    @Column(name = "access_token_hash", nullable = false, updatable = false)
    public String accessTokenHash;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "placed_at", nullable = false, updatable = false)
    public Instant placedAt;

    @Column(name = "hold_expires_at", nullable = false)
    public Instant holdExpiresAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "shipped_at")
    public Instant shippedAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "expired_at")
    public Instant expiredAt;

    /** Refused at the door ("bom hàng") after shipping, or sent back after delivery. */
    @Column(name = "returned_at")
    public Instant returnedAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "return_reason")
    public String returnReason;

    /**
     * Who cancelled it, BUYER or STAFF (the lifecycle's actor); null while not cancelled, and for
     * orders cancelled before it was kept. The buyer's record counts only the buyer's cancellations.
     */
    @Column(name = "cancelled_by")
    public String cancelledBy;

    /**
     * Placed held for staff review by the session's buyer policy: never confirmed by itself, even
     * in a session that confirms cash-on-delivery orders at once.
     */
    @Column(name = "held_for_review", nullable = false, updatable = false)
    public boolean heldForReview;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    public List<OrderLine> lines = new ArrayList<>();

    public String fullAddress() {
        return addressDetail + ", " + commune + ", " + province;
    }
}
