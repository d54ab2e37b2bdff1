package vn.chotdon.catalog.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.Product;

@Schema(name = "Product")
public record ProductView(
        @Schema(example = "42") long id,
        @Schema(example = "1") long cooperativeId,
        @Schema(example = "3") Long memberId,
        @Schema(example = "Bánh gio Thanh Huệ") String name,
        String description,
        @Schema(example = "CAI") String unit,
        @Schema(example = "cái") String unitLabel,
        @Schema(description = "Whole VND", example = "15000") long priceVnd,
        @Schema(example = "4") Integer ocopStars,
        @Schema(example = "Xã Đan Phượng, Hà Nội") String originCommune,
        List<String> imageUrls,
        @Schema(example = "ACTIVE") String status,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Grows with every change", example = "2") long version) {

    static ProductView of(Product p) {
        return new ProductView(p.id, p.cooperativeId, p.memberId, p.name, p.description, p.unit.name(),
                p.unit.label(), p.priceVnd, p.ocopStars, p.originCommune, List.copyOf(p.imageUrls), p.status.name(),
                p.createdAt, p.updatedAt, p.version);
    }
}
