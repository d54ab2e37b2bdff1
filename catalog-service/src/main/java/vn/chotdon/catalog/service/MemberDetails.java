package vn.chotdon.catalog.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.validation.VietnamesePhoneNumber;
import vn.chotdon.platform.validation.StoredText;

/** A member household of a cooperative. */
@Schema(name = "MemberDetails")
public record MemberDetails(
        @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "Hộ bà Nguyễn Thị Huệ") String name,
        @VietnamesePhoneNumber @Schema(description = "Stored as +84…", example = "0987 654 321") String phone,
        @Size(max = 100) @StoredText(max = 100) @Schema(example = "Xã Đan Phượng") String commune) {
}
