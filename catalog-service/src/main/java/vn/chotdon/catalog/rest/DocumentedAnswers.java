package vn.chotdon.catalog.rest;

/**
 * Words the OpenAPI document uses for the catalog's own answers: each error names its problem
 * {@code type}, so that a client knows which one it may meet where.
 */
final class DocumentedAnswers {

    static final String NOT_FOUND = " `type`: https://chotdon.vn/problems/not-found";
    static final String CONCURRENT = "changed by another request at the same time (`type`:"
            + " https://chotdon.vn/problems/concurrent-modification)";
    static final String INVALID_REFERENCE = " `type`: https://chotdon.vn/problems/invalid-reference; `errors` names"
            + " the field.";
    static final String INSUFFICIENT_STOCK = "not that many units available (`type`:"
            + " https://chotdon.vn/problems/insufficient-stock, with `productId`, `available` and `requested`)";
    /** A problem body with the members of the catalog's stock conflicts (static file META-INF/openapi.yaml). */
    static final String STOCK_CONFLICT = "StockConflict";
    /** A problem body with the product's current status (static file META-INF/openapi.yaml). */
    static final String STATUS_CONFLICT = "StatusConflict";
    static final String LOCATION = "Where the new resource can be read";

    private DocumentedAnswers() {
    }
}
