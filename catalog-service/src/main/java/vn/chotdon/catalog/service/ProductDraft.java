package vn.chotdon.catalog.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.Unit;
import vn.chotdon.platform.validation.StoredText;

/** A new product, as cooperative staff enter it. It starts as a DRAFT. */
@Schema(name = "ProductDraft")
public record ProductDraft(
        @NotNull @Schema(example = "1") Long cooperativeId,
        @Schema(description = "The member household that makes it", example = "3") Long memberId,
        @NotBlank @Size(max = ProductLimits.NAME) @StoredText(max = ProductLimits.NAME, folded = true)
        @Schema(example = "Bánh gio Thanh Huệ") String name,
        @Size(max = ProductLimits.DESCRIPTION) @StoredText(max = ProductLimits.DESCRIPTION, multiline = true)
        @Schema(example = "Bánh gio gói lá dong, nhân đường mật, làm thủ công tại Đan Phượng") String description,
        @NotNull @Schema(description = "Code or Vietnamese word: CAI/cái, KG/kg, HOP/hộp, BO/bó, CHUC/chục…",
                example = "CAI", implementation = String.class) Unit unit,
        @NotNull @Min(0) @Max(ProductLimits.MAX_PRICE_VND) @Schema(description = "Whole VND", example = "15000") Long priceVnd,
        @Min(3) @Max(5) @Schema(description = "OCOP star rating, if any", example = "4") Integer ocopStars,
        @Size(max = ProductLimits.COMMUNE) @StoredText(max = ProductLimits.COMMUNE) @Schema(example = "Xã Đan Phượng, Hà Nội") String originCommune,
        @Size(max = ProductLimits.IMAGES) List<@NotBlank @Size(max = ProductLimits.URL) @StoredText(max = ProductLimits.URL)
                @jakarta.validation.constraints.Pattern(regexp = ProductLimits.URL_PATTERN,
                        message = "must be an http(s) URL") String> imageUrls) {
}
