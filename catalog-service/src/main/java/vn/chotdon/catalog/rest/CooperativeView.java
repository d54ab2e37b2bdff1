package vn.chotdon.catalog.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.Cooperative;

@Schema(name = "Cooperative")
public record CooperativeView(
        @Schema(example = "1") long id,
        @Schema(example = "HTX Nông nghiệp Đan Phượng") String name,
        @Schema(example = "Hà Nội") String province,
        @Schema(example = "Xã Đan Phượng") String commune,
        @Schema(example = "+84912345678") String phone,
        Instant createdAt,
        Instant updatedAt) {

    static CooperativeView of(Cooperative c) {
        return new CooperativeView(c.id, c.name, c.province, c.commune, c.phone, c.createdAt, c.updatedAt);
    }
}
