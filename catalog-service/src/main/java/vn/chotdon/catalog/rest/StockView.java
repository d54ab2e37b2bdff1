package vn.chotdon.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.ProductStock;

@Schema(name = "Stock")
public record StockView(
        @Schema(example = "42") long productId,
        @Schema(description = "Units that can be reserved for a session", example = "400") long available,
        @Schema(description = "Units reserved for sale sessions", example = "600") long reserved,
        @Schema(description = "available + reserved", example = "1000") long onHand) {

    static StockView of(ProductStock s) {
        return new StockView(s.productId, s.available, s.reserved, s.available + s.reserved);
    }
}
