package vn.chotdon.livestream.client;

/** catalog-service answered a 5xx, or something other than what it promises: worth retrying. */
public class CatalogUnavailable extends RuntimeException {

    public CatalogUnavailable(String message) {
        super(message);
    }
}
