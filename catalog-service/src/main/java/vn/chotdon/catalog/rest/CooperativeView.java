package vn.chotdon.catalog.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.Cooperative;

@Schema(name = "Cooperative", description = "A farming cooperative (HTX)")
public record CooperativeView(
        @Schema(required = true, example = "1") long id,
        @Schema(required = true, example = "HTX Nông nghiệp Đan Phượng") String name,
        @Schema(required = true, nullable = true, example = "Hà Nội") String province,
        @Schema(required = true, nullable = true, example = "Xã Đan Phượng") String commune,
        @Schema(required = true, nullable = true, description = "E.164", pattern = "^\\+84[0-9]{9,10}$",
                example = "+84912345678") String phone,
        @Schema(required = true, example = "2026-11-28T07:30:00Z") Instant createdAt,
        @Schema(required = true, example = "2026-11-28T07:30:00Z") Instant updatedAt) {

    static CooperativeView of(Cooperative c) {
        return new CooperativeView(c.id, c.name, c.province, c.commune, c.phone, c.createdAt, c.updatedAt);
    }
}
