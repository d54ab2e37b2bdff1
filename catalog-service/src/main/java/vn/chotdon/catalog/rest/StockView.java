package vn.chotdon.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.ProductStock;

@Schema(name = "Stock", description = "A product's stock: never below zero")
public record StockView(
        @Schema(required = true, example = "42") long productId,
        @Schema(required = true, minimum = "0", description = "Units that can be reserved for a session, adjusted away"
                + " or sold outside a session", example = "400") long available,
        @Schema(required = true, minimum = "0", description = "Units reserved for sale sessions", example = "600") long reserved,
        @Schema(required = true, minimum = "0", description = "available + reserved", example = "1000") long onHand) {

    static StockView of(ProductStock s) {
        return new StockView(s.productId, s.available, s.reserved, s.available + s.reserved);
    }
}
