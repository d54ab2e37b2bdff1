package vn.chotdon.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** One append-only line of a product's stock ledger, with the stock it left behind. */
@Entity
@Immutable
@Table(name = "stock_ledger_entry")
public class StockLedgerEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "product_id", nullable = false)
    public Long productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StockMovementKind kind;

    @Column(name = "available_delta", nullable = false)
    public long availableDelta;

    @Column(name = "reserved_delta", nullable = false)
    public long reservedDelta;

    @Column(name = "session_id")
    public Long sessionId;

    public String reason;

    @Column(name = "available_after", nullable = false)
    public long availableAfter;

    @Column(name = "reserved_after", nullable = false)
    public long reservedAfter;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
