package vn.chotdon.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.chotdon.catalog.Product;
import vn.chotdon.catalog.StockLedgerEntry;
import vn.chotdon.events.CatalogEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.catalog.ProductData;
import vn.chotdon.events.catalog.StockMovement;
import vn.chotdon.platform.outbox.Outbox;

/** The catalog's events, written to the outbox in the caller's transaction, keyed by product id. */
@ApplicationScoped
public class CatalogEvents {

    private final Outbox outbox;

    CatalogEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @param product flushed, so that its version is the one committed */
    void productChanged(String type, Product product) {
        ProductData data = new ProductData(product.id, product.cooperativeId, product.memberId, product.name,
                product.unit.name(), product.priceVnd, product.ocopStars, product.originCommune,
                java.util.List.copyOf(product.imageUrls), product.status.name(), product.version);
        record(type, product.id, data);
    }

    void stockMoved(String type, StockLedgerEntry entry, Long sessionReservedAfter) {
        StockMovement data = new StockMovement(entry.productId, entry.id, entry.kind.name(), entry.availableDelta,
                entry.reservedDelta, entry.sessionId, sessionReservedAfter, entry.reason, entry.availableAfter,
                entry.reservedAfter);
        record(type, entry.productId, data);
    }

    private void record(String type, long productId, Object data) {
        String id = Long.toString(productId);
        outbox.record(Topics.CATALOG_PRODUCTS, CatalogEventTypes.AGGREGATE_PRODUCT, id, id, type,
                CatalogEventTypes.SCHEMA_VERSION, data);
    }
}
