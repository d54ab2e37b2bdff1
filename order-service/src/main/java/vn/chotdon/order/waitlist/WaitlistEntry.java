package vn.chotdon.order.waitlist;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.chotdon.order.PaymentMethod;

/**
 * A buyer in line for a sold-out lineup item; the id is the place in line. Read only through
 * Hibernate: it is written with native statements (an INSERT IGNORE that keeps one WAITING entry
 * per item and phone, conditional UPDATEs that decide each entry once).
 */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "session_id", nullable = false)
    public Long sessionId;

    @Column(name = "cooperative_id", nullable = false)
    public Long cooperativeId;

    @Column(name = "item_id", nullable = false)
    public Long itemId;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_method", nullable = false)
    public PaymentMethod paymentMethod;

    /** Units asked for. */
    @Column(nullable = false)
    public long quantity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WaitlistSource source;

    @Column(name = "comment_id")
    public Long commentId;

    /** SHA-256 of the buyer's token; it opens the entry and, once promoted, the order. */
    @Column(name = "access_token_hash", nullable = false)
    public String accessTokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WaitlistState state;

    /** Units of the order it was given: the quantity asked, or fewer when fewer came back. */
    @Column(name = "units_offered")
    public Long unitsOffered;

    @Column(name = "order_id")
    public Long orderId;

    @Column(name = "skip_reason")
    public String skipReason;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
