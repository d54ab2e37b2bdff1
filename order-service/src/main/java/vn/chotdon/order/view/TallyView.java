package vn.chotdon.order.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shop owner's tally of a session, computed from order-service's own orders. Units:
 * held = in PLACED orders; confirmed = in CONFIRMED, PAID, SHIPPED or DELIVERED orders; paid =
 * the part of those already paid; cancelled = in CANCELLED or EXPIRED orders; remaining = quota
 * minus held and confirmed.
 */
@Schema(name = "Tally")
public record TallyView(
        @Schema(example = "5") long sessionId,
        @Schema(example = "LIVE") String sessionStatus,
        List<ItemTally> items,
        @Schema(description = "Number of orders in each status", example = "{\"PLACED\": 12, \"CONFIRMED\": 480}")
        Map<String, Long> ordersByStatus,
        Totals totals,
        Instant computedAt) {

    @Schema(name = "ItemTally")
    public record ItemTally(
            @Schema(example = "12") long itemId,
            @Schema(example = "BG01") String code,
            @Schema(example = "88") long productId,
            @Schema(example = "Bánh gio Thanh Huệ") String productName,
            @Schema(example = "600") long quota,
            @Schema(example = "40") long held,
            @Schema(example = "523") long confirmed,
            @Schema(example = "300") long paid,
            @Schema(example = "17") long cancelled,
            @Schema(example = "37") long remaining,
            @Schema(description = "Whole VND of confirmed units", example = "7845000") long revenueVnd,
            @Schema(description = "Whole VND of held units, not yet confirmed", example = "600000") long heldVnd,
            boolean removed) {
    }

    @Schema(name = "TallyTotals")
    public record Totals(long orders, long held, long confirmed, long paid, long cancelled, long revenueVnd,
            long heldVnd, long paidVnd) {
    }
}
