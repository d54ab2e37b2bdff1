package vn.chotdon.catalog.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.Product;
import vn.chotdon.catalog.ProductStatus;
import vn.chotdon.catalog.Unit;

@Schema(name = "Product", description = "A product a cooperative sells")
public record ProductView(
        @Schema(required = true, example = "42") long id,
        @Schema(required = true, example = "1") long cooperativeId,
        @Schema(required = true, nullable = true, description = "The member household that makes it", example = "3")
        Long memberId,
        @Schema(required = true, example = "Bánh gio Thanh Huệ") String name,
        @Schema(required = true, nullable = true, example = "Bánh gio gói lá dong, nhân đường mật, làm thủ công tại Đan Phượng")
        String description,
        @Schema(required = true, example = "CAI") Unit unit,
        @Schema(required = true, description = "The unit as Vietnamese sellers write it", example = "cái") String unitLabel,
        @Schema(required = true, minimum = "0", description = "Whole VND", example = "15000") long priceVnd,
        @Schema(required = true, nullable = true, minimum = "3", maximum = "5", description = "OCOP star rating, if any",
                example = "4") Integer ocopStars,
        @Schema(required = true, nullable = true, example = "Xã Đan Phượng, Hà Nội") String originCommune,
        @Schema(required = true, example = "[\"https://anh.chotdon.vn/banh-gio-thanh-hue.jpg\"]") List<String> imageUrls,
        @Schema(required = true, example = "ACTIVE") ProductStatus status,
        @Schema(required = true, example = "2026-11-28T07:30:00Z") Instant createdAt,
        @Schema(required = true, example = "2026-11-28T07:30:00Z") Instant updatedAt,
        @Schema(required = true, description = "Grows with every change", example = "2") long version) {

    static ProductView of(Product p) {
        return new ProductView(p.id, p.cooperativeId, p.memberId, p.name, p.description, p.unit, p.unit.label(),
                p.priceVnd, p.ocopStars, p.originCommune, List.copyOf(p.imageUrls), p.status, p.createdAt,
                p.updatedAt, p.version);
    }
}
