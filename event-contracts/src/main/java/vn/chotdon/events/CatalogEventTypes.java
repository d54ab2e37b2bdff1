package vn.chotdon.events;

/** Event types published by catalog-service on {@link Topics#CATALOG_PRODUCTS}. */
public final class CatalogEventTypes {

    public static final String SOURCE = "/chotdon/catalog-service";
    public static final String AGGREGATE_PRODUCT = "product";

    /** Payload {@link vn.chotdon.events.catalog.ProductData}. */
    public static final String PRODUCT_CREATED = "vn.chotdon.catalog.product.created";
    /** Payload {@link vn.chotdon.events.catalog.ProductData}. */
    public static final String PRODUCT_UPDATED = "vn.chotdon.catalog.product.updated";
    /** Payload {@link vn.chotdon.events.catalog.ProductData}. */
    public static final String PRODUCT_ACTIVATED = "vn.chotdon.catalog.product.activated";
    /** Payload {@link vn.chotdon.events.catalog.ProductData}. */
    public static final String PRODUCT_RETIRED = "vn.chotdon.catalog.product.retired";

    /** Payload {@link vn.chotdon.events.catalog.StockMovement}: goods came in. */
    public static final String STOCK_RECEIVED = "vn.chotdon.catalog.stock.received";
    /** Payload {@link vn.chotdon.events.catalog.StockMovement}: a counted correction, with a reason. */
    public static final String STOCK_ADJUSTED = "vn.chotdon.catalog.stock.adjusted";
    /** Payload {@link vn.chotdon.events.catalog.StockMovement}: units set aside for a sale session. */
    public static final String STOCK_RESERVED = "vn.chotdon.catalog.stock.reserved";
    /** Payload {@link vn.chotdon.events.catalog.StockMovement}: reserved units back to available stock. */
    public static final String STOCK_RELEASED = "vn.chotdon.catalog.stock.released";

    /** Payload {@link vn.chotdon.events.catalog.StockMovement}: units sold and gone. */
    public static final String STOCK_SOLD = "vn.chotdon.catalog.stock.sold";
    /** Payload {@link vn.chotdon.events.catalog.StockMovement}: units of a cancelled sale back in the session's reservation. */
    public static final String STOCK_RETURNED = "vn.chotdon.catalog.stock.returned";

    public static final int SCHEMA_VERSION = 1;

    private CatalogEventTypes() {
    }
}
