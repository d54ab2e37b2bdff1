package vn.chotdon.livestream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.chotdon.platform.persistence.TrackedEntity;

/** A cooperative's live sale on one streaming platform. */
@Entity
@Table(name = "sale_session")
public class SaleSession extends TrackedEntity {

    public static final int DEFAULT_HOLD_MINUTES = 30;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cooperative_id", nullable = false, updatable = false)
    public Long cooperativeId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StreamPlatform platform;

    @Column(name = "stream_url")
    public String streamUrl;

    @Column(name = "host_name")
    public String hostName;

    @Column(name = "scheduled_start", nullable = false)
    public Instant scheduledStart;

    @Column(name = "expected_minutes")
    public Integer expectedMinutes;

    public String notes;

    /** How long order-service holds an order's units without confirmation or payment. */
    @Column(name = "hold_minutes", nullable = false)
    public int holdMinutes = DEFAULT_HOLD_MINUTES;

    /** Whether order-service confirms cash-on-delivery orders as soon as they are placed. */
    @Column(name = "auto_confirm_cod", nullable = false)
    public boolean autoConfirmCod;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status = SessionStatus.SCHEDULED;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;
}
