package vn.chotdon.catalog.service;

/** Size limits of product fields; the columns of the product table are sized to match. */
final class ProductLimits {

    static final int NAME = 200;
    static final int DESCRIPTION = 5000;
    static final int COMMUNE = 100;
    static final int IMAGES = 10;
    static final int URL = 2000;
    /** One billion VND: far above any farm product, low enough to catch a typo of extra zeros. */
    static final long MAX_PRICE_VND = 1_000_000_000L;
    static final String URL_PATTERN = "^https?://\\S+$";
    static final String UNIT = "The unit's code; its Vietnamese word (cái, kg, hộp, bó, chục…) is accepted too, in any case,"
            + " with or without diacritics";

    private ProductLimits() {
    }
}
