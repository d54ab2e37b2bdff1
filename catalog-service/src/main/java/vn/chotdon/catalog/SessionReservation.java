package vn.chotdon.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * Units of a product set aside for one sale session of livestream-service. Read through
 * Hibernate; changed only by the conditional updates of {@code SessionReservations}.
 */
@Entity
@Immutable
@Table(name = "session_reservation")
public class SessionReservation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "product_id", nullable = false)
    public Long productId;

    @Column(name = "session_id", nullable = false)
    public Long sessionId;

    /** Units set aside for the session in total, sold ones included. */
    @Column(nullable = false)
    public long quantity;

    /** Units of it sold by confirmed orders. */
    @Column(nullable = false)
    public long sold;

    /** Units of it held by orders placed and not yet confirmed, cancelled or expired. */
    @Column(nullable = false)
    public long held;

    /** The session has ended: units its orders give back now return to available stock. */
    @Column(nullable = false)
    public boolean closed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
