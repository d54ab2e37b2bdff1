package vn.chotdon.catalog.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.validation.StoredText;

/** Bodies of the stock endpoints. */
public final class StockRequests {

    static final long MAX_UNITS = 1_000_000_000L;

    private StockRequests() {
    }

    /** Goods received, or sold directly: a number of units and an optional note. */
    @Schema(name = "StockMovementRequest", description = "Units received, or sold outside a livestream")
    public record Units(
            @NotNull @Min(1) @Max(MAX_UNITS) @Schema(example = "1000") Long quantity,
            @Size(max = 500) @StoredText(max = 500, multiline = true)
            @Schema(nullable = true, example = "Mẻ bánh sáng 28/11") String note) {
    }

    @Schema(name = "StockAdjustment", description = "A counted correction of available stock, with its reason")
    public record Adjustment(
            @NotNull @Min(-MAX_UNITS) @Max(MAX_UNITS)
            @Schema(description = "Units to add (positive) or remove (negative); not 0 (answered 400 `validation`)",
                    not = Zero.class, example = "-12") Long delta,
            @NotBlank @Size(max = 500) @StoredText(max = 500, multiline = true) @Schema(example = "Bánh hỏng do mưa") String reason) {
    }

    @Schema(name = "ReservationRequest", description = "The units a sale session should hold in total")
    public record Reservation(
            @NotNull @Min(0) @Max(MAX_UNITS) @Schema(description = "Units to hold for the session in total", example = "600")
            Long quantity) {
    }

    /** What a stock adjustment's delta may not be, for the OpenAPI document ({@code not: {enum: [0]}}). */
    @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.INTEGER, enumeration = "0")
    private static final class Zero {
    }
}
