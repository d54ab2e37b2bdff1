package vn.chotdon.livestream;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One product offered in a session under a short code, at a live price, up to a quota. */
@Entity
@Table(name = "lineup_item")
public class LineupItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "session_id", nullable = false, updatable = false)
    public Long sessionId;

    /** Upper case (see {@link LineupCode}); unique in the session. */
    @Column(nullable = false)
    public String code;

    @Column(name = "product_id", nullable = false, updatable = false)
    public Long productId;

    /** As catalog-service named the product when it joined the lineup. */
    @Column(name = "product_name", nullable = false)
    public String productName;

    @Column(nullable = false)
    public String unit;

    @Column(name = "unit_label")
    public String unitLabel;

    /** Whole VND; may differ from the catalog price. */
    @Column(name = "live_price_vnd", nullable = false)
    public long livePriceVnd;

    /** Units offered in this session, reserved in catalog-service. */
    @Column(nullable = false)
    public long quota;

    @Column(name = "per_buyer_limit")
    public Integer perBuyerLimit;

    @Column(name = "display_order", nullable = false)
    public int displayOrder;

    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (createdAt == null) {
            createdAt = updatedAt;
        }
    }
}
