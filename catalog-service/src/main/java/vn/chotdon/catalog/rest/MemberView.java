package vn.chotdon.catalog.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.Member;

@Schema(name = "Member")
public record MemberView(
        @Schema(example = "3") long id,
        @Schema(example = "1") long cooperativeId,
        @Schema(example = "Hộ bà Nguyễn Thị Huệ") String name,
        @Schema(example = "+84987654321") String phone,
        @Schema(example = "Xã Đan Phượng") String commune,
        Instant createdAt,
        Instant updatedAt) {

    static MemberView of(Member m) {
        return new MemberView(m.id, m.cooperativeId, m.name, m.phone, m.commune, m.createdAt, m.updatedAt);
    }
}
