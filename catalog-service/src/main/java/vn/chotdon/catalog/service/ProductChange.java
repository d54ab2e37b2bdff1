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

/**
 * Everything about a product that staff may change (not its cooperative, not its status). PUT
 * sends all of it; PATCH sends a JSON merge patch of it.
 */
@Schema(name = "ProductChange")
public record ProductChange(
        @Schema(example = "3") Long memberId,
        @NotBlank @Size(max = ProductLimits.NAME) @StoredText(max = ProductLimits.NAME, folded = true)
        @Schema(example = "Bánh gio Thanh Huệ") String name,
        @Size(max = ProductLimits.DESCRIPTION) @StoredText(max = ProductLimits.DESCRIPTION, multiline = true) String description,
        @NotNull @Schema(example = "CAI", implementation = String.class) Unit unit,
        @NotNull @Min(0) @Max(ProductLimits.MAX_PRICE_VND) @Schema(example = "15000") Long priceVnd,
        @Min(3) @Max(5) @Schema(example = "4") Integer ocopStars,
        @Size(max = ProductLimits.COMMUNE) @StoredText(max = ProductLimits.COMMUNE) String originCommune,
        @Size(max = ProductLimits.IMAGES) List<@NotBlank @Size(max = ProductLimits.URL) @StoredText(max = ProductLimits.URL)
                @Pattern(regexp = ProductLimits.URL_PATTERN, message = "must be an http(s) URL") String> imageUrls) {
}
