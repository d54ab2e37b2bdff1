package vn.chotdon.order.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A lineup item as livestream-service announced it, plus {@link #taken}: the units in this
 * service's orders that are not cancelled or expired. Hibernate never writes {@code taken};
 * only conditional UPDATEs do, so the quota cannot be oversold.
 */
@Entity
@Table(name = "lineup_item")
public class LineupItem extends PanacheEntityBase {

    @Id
    @Column(name = "item_id")
    public Long itemId;

    @Column(name = "session_id", nullable = false)
    public Long sessionId;

    /** Upper case. */
    @Column(nullable = false)
    public String code;

    @Column(name = "product_id", nullable = false)
    public Long productId;

    @Column(name = "product_name", nullable = false)
    public String productName;

    public String unit;

    @Column(name = "live_price_vnd", nullable = false)
    public long livePriceVnd;

    @Column(nullable = false)
    public long quota;

    @Column(name = "per_buyer_limit")
    public Integer perBuyerLimit;

    @Column(name = "display_order", nullable = false)
    public int displayOrder;

    @Column(nullable = false)
    public boolean removed;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false, insertable = false, updatable = false)
    public long taken;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public long remaining() {
        return Math.max(0, quota - taken);
    }
}
