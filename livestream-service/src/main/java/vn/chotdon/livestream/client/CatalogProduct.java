package vn.chotdon.livestream.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What livestream-service needs of a catalog-service product; other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CatalogProduct(
        long id,
        long cooperativeId,
        String name,
        String unit,
        String unitLabel,
        long priceVnd,
        String status) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
