package vn.chotdon.livestream.board;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the host reads aloud during a live, for the cooperative's owner and staff only: the pace of
 * orders and their codes.
 */
@Schema(name = "HostPace", description = "The pace of a live for its host: orders of the last minute and the latest codes")
public record HostView(
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true, description = "Orders placed in the last 60 seconds", example = "14") long ordersLastMinute,
        @Schema(required = true, description = "Units in those orders", example = "31") long unitsLastMinute,
        @Schema(required = true, description = "The latest placed order lines, newest first (at most 10)")
        List<LatestOrder> latestOrders,
        @Schema(required = true, example = "2026-12-04T13:20:05.123Z") Instant computedAt) {

    @Schema(name = "HostLatestOrder", description = "One line of a placed order, as the host reads it out")
    public record LatestOrder(
            @Schema(required = true, description = "The order's code, which the host reads out and the buyer uses as"
                    + " transfer memo; null for orders placed before order-service sent it", nullable = true,
                    example = "CD-7K2Q") String orderCode,
            @Schema(required = true, description = "The buyer as masked by order-service; null for orders placed"
                    + " before order-service sent it", nullable = true, example = "Chị H***")
            String buyerShownAs,
            @Schema(required = true, example = "BG01") String itemCode,
            @Schema(required = true, example = "2") long quantity,
            @Schema(required = true, example = "2026-12-04T13:19:58.402Z") Instant placedAt) {
    }
}
