package vn.chotdon.livestream.board;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the live board shows of a session at one moment; revenue only to the owner of its cooperative. */
@Schema(name = "Board")
public record BoardView(
        @Schema(example = "5") long sessionId,
        @Schema(example = "Chốt đơn bánh gio Đan Phượng tối thứ Sáu") String title,
        @Schema(example = "LIVE") String status,
        List<Item> items,
        Totals totals,
        @Schema(description = "The latest placed order lines, newest first (at most 10): the buyer only as"
                + " masked by order-service, never a phone, an address or money")
        List<TickerEntry> ticker,
        Instant computedAt) {

    /** One lineup item's counters, in units. remaining = quota − (ordered − cancelled). */
    @Schema(name = "BoardItem")
    public record Item(
            @Schema(example = "17") long itemId,
            @Schema(example = "BG01") String code,
            @Schema(example = "Bánh gio Thanh Huệ") String productName,
            @Schema(example = "cái") String unitLabel,
            @Schema(description = "Whole VND", example = "12000") long livePriceVnd,
            @Schema(example = "600") long quota,
            @Schema(description = "Units in every order placed", example = "540") long ordered,
            @Schema(description = "Units placed, not yet confirmed or given up", example = "120") long held,
            @Schema(description = "Units confirmed, paid, shipped or delivered", example = "403") long confirmed,
            @Schema(description = "Units cancelled or expired, back in the quota", example = "17") long cancelled,
            @Schema(example = "77") long remaining,
            @Schema(description = "Whole VND of the confirmed units; only the owner of the session's cooperative"
                    + " sees it, for everyone else it is null", nullable = true, example = "4836000")
            Long confirmedRevenueVnd,
            @Schema(example = "true") boolean pinned,
            @Schema(description = "For the overlay: units still ordered of the quota", example = "Đã chốt 523/600 cái")
            String label) {
    }

    /** One line of a placed order, for the overlay's ticker. */
    @Schema(name = "BoardTickerEntry")
    public record TickerEntry(
            @Schema(description = "The buyer as masked by order-service: an honorific they gave, the first letter of"
                    + " the given name and ***; null for orders placed before order-service sent it",
                    nullable = true, example = "Chị H***") String buyerShownAs,
            @Schema(example = "2") long quantity,
            @Schema(example = "BG01") String code,
            @Schema(example = "Bánh gio Thanh Huệ") String productName,
            @Schema(example = "cái") String unitLabel,
            Instant placedAt,
            @Schema(description = "Ready to show", example = "Chị H*** vừa chốt 2 Bánh gio Thanh Huệ") String text) {
    }

    @Schema(name = "BoardTotals")
    public record Totals(
            @Schema(example = "900") long quota,
            @Schema(example = "700") long ordered,
            @Schema(example = "150") long held,
            @Schema(example = "520") long confirmed,
            @Schema(example = "30") long cancelled,
            @Schema(example = "230") long remaining,
            @Schema(description = "Whole VND of the confirmed units; only the owner of the session's cooperative"
                    + " sees it, for everyone else it is null", nullable = true, example = "6540000")
            Long confirmedRevenueVnd) {
    }
}
