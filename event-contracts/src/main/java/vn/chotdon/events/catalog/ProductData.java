package vn.chotdon.events.catalog;

import java.util.List;

/**
 * The full state of a product after a change, so that a consumer can keep a read model with a
 * plain upsert. Prices are whole VND.
 */
public record ProductData(
        long productId,
        long cooperativeId,
        Long memberId,
        String name,
        String unit,
        long priceVnd,
        Integer ocopStars,
        String originCommune,
        List<String> imageUrls,
        String status,
        long version) {
}
