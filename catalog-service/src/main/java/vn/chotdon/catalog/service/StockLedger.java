package vn.chotdon.catalog.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.query.NativeQuery;
import vn.chotdon.catalog.Product;
import vn.chotdon.catalog.ProductStatus;
import vn.chotdon.catalog.ProductStock;
import vn.chotdon.catalog.StockLedgerEntry;
import vn.chotdon.catalog.StockMovementKind;
import vn.chotdon.events.CatalogEventTypes;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Every change of a product's stock: one conditional UPDATE of product_stock that cannot take
 * it below zero, one ledger entry with the stock it left, one event, all in one transaction.
 * What a cooperative's owner or staff asks for takes their cooperative scope: the product is found
 * only among their cooperative's products. The units a sale session reserves and sells move through
 * here too, from {@link SessionReservations}.
 */
@ApplicationScoped
public class StockLedger {

    private final EntityManager em;
    private final CatalogEvents events;

    StockLedger(EntityManager em, CatalogEvents events) {
        this.em = em;
        this.events = events;
    }

    public record LedgerPage(List<StockLedgerEntry> items, long total) {
    }

    @Transactional
    public ProductStock stock(long productId, Long scope) {
        product(productId, scope);
        return storedStock(productId);
    }

    @Transactional
    public LedgerPage ledger(long productId, Long scope, int page, int size) {
        product(productId, scope);
        var found = StockLedgerEntry.find("productId", Sort.by("id").descending(), productId)
                .page(Page.of(page, size));
        return new LedgerPage(found.list(), found.count());
    }

    @Transactional
    public StockLedgerEntry receive(long productId, long quantity, String note, Long scope) {
        Product product = product(productId, scope);
        if (product.status == ProductStatus.RETIRED) {
            throw ProblemException.conflict("product-retired", "Product is retired",
                    "Product " + productId + " is retired; it takes no more stock");
        }
        moveAvailable(productId, quantity);
        return record(productId, StockMovementKind.RECEIPT, quantity, 0, null, note, CatalogEventTypes.STOCK_RECEIVED, null);
    }

    @Transactional
    public StockLedgerEntry adjust(long productId, long delta, String reason, Long scope) {
        if (delta == 0) {
            throw ProblemException.invalid("delta", "must not be 0");
        }
        product(productId, scope);
        if (!moveAvailable(productId, delta)) {
            throw insufficientStock(productId, -delta);
        }
        return record(productId, StockMovementKind.ADJUSTMENT, delta, 0, null, reason, CatalogEventTypes.STOCK_ADJUSTED, null);
    }

    /** Records units sold directly from available stock (not through a sale session). */
    @Transactional
    public StockLedgerEntry sell(long productId, long quantity, String note, Long scope) {
        product(productId, scope);
        if (!moveAvailable(productId, -quantity)) {
            throw insufficientStock(productId, quantity);
        }
        return record(productId, StockMovementKind.SALE, -quantity, 0, null, note, CatalogEventTypes.STOCK_SOLD, null);
    }

    /**
     * Moves units between reserved and available stock (a session's reservation growing, shrinking,
     * selling or taking back).
     *
     * @return false when it would take reserved or available stock below zero
     */
    boolean moveReserved(long productId, long reservedDelta, long availableDelta) {
        return em.createNativeQuery("UPDATE product_stock SET reserved = reserved + ?1, available = available + ?2,"
                + " updated_at = ?3 WHERE product_id = ?4 AND reserved + ?1 >= 0 AND available + ?2 >= 0")
                .setParameter(1, reservedDelta).setParameter(2, availableDelta).setParameter(3, now())
                .setParameter(4, productId).executeUpdate() == 1;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** @return false when the change would take available stock below zero */
    private boolean moveAvailable(long productId, long delta) {
        return em.createNativeQuery("UPDATE product_stock SET available = available + ?1, updated_at = ?2"
                + " WHERE product_id = ?3 AND available + ?1 >= 0")
                .setParameter(1, delta).setParameter(2, now()).setParameter(3, productId)
                .executeUpdate() == 1;
    }

    /** The ledger entry of a stock movement this transaction made, with the stock it left, and its event. */
    StockLedgerEntry record(long productId, StockMovementKind kind, long availableDelta, long reservedDelta,
            Long sessionId, String reason, String eventType, Long sessionReservedAfter) {
        ProductStock after = stockNow(productId);
        StockLedgerEntry entry = new StockLedgerEntry();
        entry.productId = productId;
        entry.kind = kind;
        entry.availableDelta = availableDelta;
        entry.reservedDelta = reservedDelta;
        entry.sessionId = sessionId;
        entry.reason = reason;
        entry.availableAfter = after.available;
        entry.reservedAfter = after.reserved;
        entry.createdAt = now();
        entry.persistAndFlush();
        events.stockMoved(eventType, entry, sessionReservedAfter);
        return entry;
    }

    /** The stock row as this transaction's own conditional UPDATE left it (Hibernate may hold an older copy). */
    ProductStock stockNow(long productId) {
        Object[] row = (Object[]) em.createNativeQuery(
                "SELECT available, reserved, updated_at FROM product_stock WHERE product_id = ?1")
                .unwrap(NativeQuery.class).addScalar("available", Long.class).addScalar("reserved", Long.class)
                .addScalar("updated_at", Instant.class)
                .setParameter(1, productId).getSingleResult();
        ProductStock stock = new ProductStock();
        stock.productId = productId;
        stock.available = (Long) row[0];
        stock.reserved = (Long) row[1];
        stock.updatedAt = (Instant) row[2];
        return stock;
    }

    /** The stock row as Hibernate knows it (for reads; after this transaction's own UPDATEs, {@link #stockNow}). */
    ProductStock storedStock(long productId) {
        ProductStock stock = ProductStock.findById(productId);
        if (stock == null) {
            throw ProblemException.notFound("Product", productId);
        }
        return stock;
    }

    /** The product, if it is one of the caller's cooperative (any product when scope is null). */
    Product product(long productId, Long scope) {
        Parameters parameters = Parameters.with("id", productId);
        Product product = Product.<Product>find(
                CooperativeScope.restrict("id = :id", parameters, "cooperativeId", scope), parameters).firstResult();
        if (product == null) {
            throw ProblemException.notFound("Product", productId);
        }
        return product;
    }

    ProblemException insufficientStock(long productId, long asked) {
        long available = stockNow(productId).available;
        return ProblemException.conflict("insufficient-stock", "Not enough stock",
                "Only " + available + " unit(s) of product " + productId + " are available; " + asked + " were asked")
                .with("productId", productId)
                .with("available", available)
                .with("requested", asked);
    }
}
