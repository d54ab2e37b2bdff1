package vn.chotdon.catalog;

/** A product is drafted, offered for sale, and finally retired; retired is for good. */
public enum ProductStatus {
    DRAFT,
    ACTIVE,
    RETIRED;

    public boolean canBecome(ProductStatus next) {
        return switch (this) {
            case DRAFT -> next == ACTIVE || next == RETIRED;
            case ACTIVE -> next == RETIRED;
            case RETIRED -> false;
        };
    }
}
