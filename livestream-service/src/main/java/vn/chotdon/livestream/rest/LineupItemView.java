package vn.chotdon.livestream.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.livestream.LineupItem;

@Schema(name = "LineupItem")
public record LineupItemView(
        @Schema(example = "17") long id,
        @Schema(example = "5") long sessionId,
        @Schema(example = "BG01") String code,
        @Schema(example = "42") long productId,
        @Schema(example = "Bánh gio Thanh Huệ") String productName,
        @Schema(example = "CAI") String unit,
        @Schema(example = "cái") String unitLabel,
        @Schema(description = "Whole VND", example = "12000") long livePriceVnd,
        @Schema(example = "600") long quota,
        @Schema(example = "20") Integer perBuyerLimit,
        @Schema(example = "1") int displayOrder,
        @Schema(example = "true") boolean pinned,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Grows with every change", example = "2") long version) {

    static LineupItemView of(LineupItem i) {
        return new LineupItemView(i.id, i.sessionId, i.code, i.productId, i.productName, i.unit, i.unitLabel,
                i.livePriceVnd, i.quota, i.perBuyerLimit, i.displayOrder, i.pinned, i.createdAt, i.updatedAt,
                i.version);
    }
}
