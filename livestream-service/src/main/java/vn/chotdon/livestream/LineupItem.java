package vn.chotdon.livestream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.chotdon.platform.persistence.TrackedEntity;

/** One product offered in a session under a short code, at a live price, up to a quota. */
@Entity
@Table(name = "lineup_item")
public class LineupItem extends TrackedEntity {

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
}
