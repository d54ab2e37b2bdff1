package vn.chotdon.catalog.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.Member;

@Schema(name = "Member", description = "A member household of a cooperative, which makes some of its products")
public record MemberView(
        @Schema(required = true, example = "3") long id,
        @Schema(required = true, example = "1") long cooperativeId,
        @Schema(required = true, example = "Hộ bà Nguyễn Thị Huệ") String name,
        @Schema(required = true, nullable = true, description = "E.164", pattern = "^\\+84[0-9]{9,10}$",
                example = "+84987654321") String phone,
        @Schema(required = true, nullable = true, example = "Xã Đan Phượng") String commune,
        @Schema(required = true, example = "2026-11-28T07:30:00Z") Instant createdAt,
        @Schema(required = true, example = "2026-11-28T07:30:00Z") Instant updatedAt) {

    static MemberView of(Member m) {
        return new MemberView(m.id, m.cooperativeId, m.name, m.phone, m.commune, m.createdAt, m.updatedAt);
    }
}
