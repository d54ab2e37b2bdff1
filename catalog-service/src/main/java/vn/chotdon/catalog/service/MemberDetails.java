package vn.chotdon.catalog.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.validation.StoredText;
import vn.chotdon.platform.validation.VietnamesePhoneNumber;

@Schema(name = "MemberDetails", description = "A member household of a cooperative")
public record MemberDetails(
        @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "Hộ bà Nguyễn Thị Huệ") String name,
        @VietnamesePhoneNumber @Size(max = PhoneInput.MAX) @StoredText(max = PhoneInput.MAX)
        @Schema(nullable = true, description = PhoneInput.DESCRIPTION, pattern = PhoneInput.PATTERN, example = "0987 654 321")
        String phone,
        @Size(max = 100) @StoredText(max = 100) @Schema(nullable = true, example = "Xã Đan Phượng") String commune) {
}
