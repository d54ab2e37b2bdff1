package vn.chotdon.order.readmodel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What order-service knows of a livestream-service session, from its events. */
@Entity
@Table(name = "sale_session")
public class SaleSession extends PanacheEntityBase {

    public static final String LIVE = "LIVE";

    @Id
    @Column(name = "session_id")
    public Long sessionId;

    @Column(name = "cooperative_id", nullable = false)
    public Long cooperativeId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String status;

    @Column(name = "hold_minutes", nullable = false)
    public int holdMinutes;

    @Column(name = "auto_confirm_cod", nullable = false)
    public boolean autoConfirmCod;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isLive() {
        return LIVE.equals(status);
    }
}
