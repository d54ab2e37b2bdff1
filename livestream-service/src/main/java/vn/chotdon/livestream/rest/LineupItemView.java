package vn.chotdon.livestream.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.livestream.LineupCode;
import vn.chotdon.livestream.LineupItem;

@Schema(name = "LineupItem", description = "A product offered in a session under a short code, at a live price, up to a quota")
public record LineupItemView(
        @Schema(required = true, example = "17") long id,
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true, description = "The code buyers type, upper case", pattern = LineupCode.STORED_PATTERN,
                example = "BG01") String code,
        @Schema(required = true, description = "The catalog-service product", example = "42") long productId,
        @Schema(required = true, description = "As catalog-service named the product when it joined the lineup",
                example = "Bánh gio Thanh Huệ") String productName,
        @Schema(required = true, description = "catalog-service's unit code", example = "CAI") String unit,
        @Schema(required = true, nullable = true, description = "The unit as shown to buyers; null if catalog-service"
                + " gave none", example = "cái") String unitLabel,
        @Schema(required = true, description = "Whole VND", example = "12000") long livePriceVnd,
        @Schema(required = true, description = "Units offered in this session, reserved in catalog-service",
                example = "600") long quota,
        @Schema(required = true, nullable = true, description = "Most units one buyer may order; null for no limit",
                example = "20") Integer perBuyerLimit,
        @Schema(required = true, description = "Position on screen, smallest first", example = "1") int displayOrder,
        @Schema(required = true, description = "Shown on screen now; at most one item of a session is", example = "true")
        boolean pinned,
        @Schema(required = true, example = "2026-12-01T02:20:00Z") Instant createdAt,
        @Schema(required = true, example = "2026-12-04T13:10:00Z") Instant updatedAt,
        @Schema(required = true, description = "Grows with every change", example = "2") long version) {

    static LineupItemView of(LineupItem i) {
        return new LineupItemView(i.id, i.sessionId, i.code, i.productId, i.productName, i.unit, i.unitLabel,
                i.livePriceVnd, i.quota, i.perBuyerLimit, i.displayOrder, i.pinned, i.createdAt, i.updatedAt,
                i.version);
    }
}
