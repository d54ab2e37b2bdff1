package vn.chotdon.catalog.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.validation.StoredText;
import vn.chotdon.platform.validation.VietnamesePhoneNumber;

@Schema(name = "CooperativeDetails", description = "A cooperative's details, as its owner keeps them")
public record CooperativeDetails(
        @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "HTX Nông nghiệp Đan Phượng") String name,
        @Size(max = 100) @StoredText(max = 100) @Schema(nullable = true, example = "Hà Nội") String province,
        @Size(max = 100) @StoredText(max = 100) @Schema(nullable = true, example = "Xã Đan Phượng") String commune,
        @VietnamesePhoneNumber @Size(max = PhoneInput.MAX) @StoredText(max = PhoneInput.MAX)
        @Schema(nullable = true, description = PhoneInput.DESCRIPTION, pattern = PhoneInput.PATTERN, example = "0912 345 678")
        String phone) {
}
