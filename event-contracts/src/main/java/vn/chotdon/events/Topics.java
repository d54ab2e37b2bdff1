package vn.chotdon.events;

/** Kafka topic names. Each topic is keyed by the id whose events must stay in order. */
public final class Topics {

    /** Product and stock events of catalog-service, keyed by product id. */
    public static final String CATALOG_PRODUCTS = "chotdon.catalog.products";
    /** Sale session and lineup events of livestream-service, keyed by session id. */
    public static final String LIVESTREAM_SESSIONS = "chotdon.livestream.sessions";
    /** Order events of order-service, keyed by session id. */
    public static final String ORDERS = "chotdon.orders";

    private Topics() {
    }
}
