package vn.chotdon.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * The stock of one product. Hibernate only inserts and reads it: every change is a conditional
 * UPDATE in {@code StockLedger}, so concurrent changes can never take it below zero.
 */
@Entity
@Immutable
@Table(name = "product_stock")
public class ProductStock extends PanacheEntityBase {

    @Id
    @Column(name = "product_id")
    public Long productId;

    /** Units that can still be reserved for a session or adjusted away. */
    @Column(nullable = false)
    public long available;

    /** Units set aside for sale sessions. */
    @Column(nullable = false)
    public long reserved;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static ProductStock emptyFor(long productId) {
        ProductStock stock = new ProductStock();
        stock.productId = productId;
        stock.updatedAt = Instant.now();
        return stock;
    }
}
