package vn.chotdon.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Units of one lineup item in an order, at the live price when the order was placed. */
@Entity
@Table(name = "order_line")
public class OrderLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    public Order order;

    @Column(name = "session_id", nullable = false, updatable = false)
    public Long sessionId;

    @Column(name = "item_id", nullable = false, updatable = false)
    public Long itemId;

    @Column(nullable = false, updatable = false)
    public String code;

    @Column(name = "product_id", nullable = false, updatable = false)
    public Long productId;

    @Column(name = "product_name", nullable = false, updatable = false)
    public String productName;

    @Column(nullable = false, updatable = false)
    public long quantity;

    @Column(name = "unit_price_vnd", nullable = false, updatable = false)
    public long unitPriceVnd;

    @Column(name = "line_total_vnd", nullable = false, updatable = false)
    public long lineTotalVnd;

    /** Mirrors the order's status (and whether it is paid) so the tally needs no join. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderStatus status;

    @Column(nullable = false)
    public boolean paid;
}
