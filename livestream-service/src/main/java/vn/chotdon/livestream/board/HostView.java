package vn.chotdon.livestream.board;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the host reads aloud during a live, for the cooperative's owner and staff only: the pace of
 * orders and their codes.
 */
@Schema(name = "HostPace")
public record HostView(
        @Schema(example = "5") long sessionId,
        @Schema(description = "Orders placed in the last 60 seconds", example = "14") long ordersLastMinute,
        @Schema(description = "Units in those orders", example = "31") long unitsLastMinute,
        @Schema(description = "The latest placed order lines, newest first (at most 10)")
        List<LatestOrder> latestOrders,
        Instant computedAt) {

    @Schema(name = "HostLatestOrder")
    public record LatestOrder(
            @Schema(description = "The order's code, which the host reads out and the buyer uses as transfer memo",
                    nullable = true, example = "CD-7K2Q") String orderCode,
            @Schema(description = "The buyer as masked by order-service", nullable = true, example = "Chị H***")
            String buyerShownAs,
            @Schema(example = "BG01") String itemCode,
            @Schema(example = "2") long quantity,
            Instant placedAt) {
    }
}
