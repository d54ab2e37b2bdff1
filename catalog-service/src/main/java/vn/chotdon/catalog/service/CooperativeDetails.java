package vn.chotdon.catalog.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.validation.VietnamesePhoneNumber;
import vn.chotdon.platform.validation.StoredText;

@Schema(name = "CooperativeDetails")
public record CooperativeDetails(
        @NotBlank @Size(max = 200) @StoredText(max = 200) @Schema(example = "HTX Nông nghiệp Đan Phượng") String name,
        @Size(max = 100) @StoredText(max = 100) @Schema(example = "Hà Nội") String province,
        @Size(max = 100) @StoredText(max = 100) @Schema(example = "Xã Đan Phượng") String commune,
        @VietnamesePhoneNumber @Schema(description = "Stored as +84…", example = "0912 345 678") String phone) {
}
