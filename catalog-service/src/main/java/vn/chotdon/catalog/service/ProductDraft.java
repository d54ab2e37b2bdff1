package vn.chotdon.catalog.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.Unit;
import vn.chotdon.platform.validation.StoredText;

/** A new product, as cooperative staff enter it. It starts as a DRAFT. */
@Schema(name = "ProductDraft", description = "A new product; it starts as a DRAFT")
public record ProductDraft(
        @NotNull @Schema(example = "1") Long cooperativeId,
        @Schema(nullable = true, description = "The member household that makes it", example = "3") Long memberId,
        @NotBlank @Size(max = ProductLimits.NAME) @StoredText(max = ProductLimits.NAME, folded = true)
        @Schema(example = "Bánh gio Thanh Huệ") String name,
        @Size(max = ProductLimits.DESCRIPTION) @StoredText(max = ProductLimits.DESCRIPTION, multiline = true)
        @Schema(nullable = true, example = "Bánh gio gói lá dong, nhân đường mật, làm thủ công tại Đan Phượng") String description,
        @NotNull @Schema(description = ProductLimits.UNIT, example = "CAI") Unit unit,
        @NotNull @Min(0) @Max(ProductLimits.MAX_PRICE_VND) @Schema(description = "Whole VND", example = "15000") Long priceVnd,
        @Min(3) @Max(5) @Schema(nullable = true, description = "OCOP star rating, if any", example = "4") Integer ocopStars,
        @Size(max = ProductLimits.COMMUNE) @StoredText(max = ProductLimits.COMMUNE)
        @Schema(nullable = true, example = "Xã Đan Phượng, Hà Nội") String originCommune,
        @Size(max = ProductLimits.IMAGES)
        @Schema(nullable = true, description = "Photos, as http(s) URLs; null or absent means none",
                example = "[\"https://anh.chotdon.vn/banh-gio-thanh-hue.jpg\"]")
        List<@NotBlank @Size(max = ProductLimits.URL) @StoredText(max = ProductLimits.URL)
                @Pattern(regexp = ProductLimits.URL_PATTERN, message = "must be an http(s) URL") String> imageUrls) {
}
