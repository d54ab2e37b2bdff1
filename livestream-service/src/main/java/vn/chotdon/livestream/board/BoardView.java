package vn.chotdon.livestream.board;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.livestream.SessionStatus;

/** What the live board shows of a session at one moment; revenue only to the owner of its cooperative. */
@Schema(name = "Board", description = "The live board of a session: its lineup with the counters the order events moved")
public record BoardView(
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true, example = "Chốt đơn bánh gio Đan Phượng tối thứ Sáu") String title,
        @Schema(required = true, implementation = SessionStatus.class, example = "LIVE") String status,
        @Schema(required = true, description = "The lineup in display order") List<Item> items,
        @Schema(required = true) Totals totals,
        @Schema(required = true, description = "The latest placed order lines, newest first (at most 10): the buyer"
                + " only as masked by order-service, never a phone, an address or money")
        List<TickerEntry> ticker,
        @Schema(required = true, example = "2026-12-04T13:20:05.123Z") Instant computedAt) {

    /** One lineup item's counters, in units. remaining = quota − (ordered − cancelled). */
    @Schema(name = "BoardItem", description = "One lineup item's counters, in units")
    public record Item(
            @Schema(required = true, example = "17") long itemId,
            @Schema(required = true, example = "BG01") String code,
            @Schema(required = true, example = "Bánh gio Thanh Huệ") String productName,
            @Schema(required = true, nullable = true, description = "null if catalog-service gave none", example = "cái")
            String unitLabel,
            @Schema(required = true, description = "Whole VND", example = "12000") long livePriceVnd,
            @Schema(required = true, example = "600") long quota,
            @Schema(required = true, description = "Units in every order placed", example = "540") long ordered,
            @Schema(required = true, description = "Units placed, not yet confirmed or given up", example = "120") long held,
            @Schema(required = true, description = "Units confirmed, paid, shipped or delivered", example = "403")
            long confirmed,
            @Schema(required = true, description = "Units cancelled or expired, back in the quota", example = "17")
            long cancelled,
            @Schema(required = true, description = "quota − (ordered − cancelled)", example = "77") long remaining,
            @Schema(required = true, description = "Whole VND of the confirmed units; only the owner of the session's"
                    + " cooperative sees it, for everyone else it is null", nullable = true, example = "4836000")
            Long confirmedRevenueVnd,
            @Schema(required = true, example = "true") boolean pinned,
            @Schema(required = true, description = "For the overlay: units still ordered of the quota",
                    example = "Đã chốt 523/600 cái") String label) {
    }

    /** One line of a placed order, for the overlay's ticker. */
    @Schema(name = "BoardTickerEntry", description = "One line of a placed order, for the overlay's ticker")
    public record TickerEntry(
            @Schema(required = true, description = "The buyer as masked by order-service: an honorific they gave, the"
                    + " first letter of the given name and ***; null for orders placed before order-service sent it",
                    nullable = true, example = "Chị H***") String buyerShownAs,
            @Schema(required = true, example = "2") long quantity,
            @Schema(required = true, example = "BG01") String code,
            @Schema(required = true, example = "Bánh gio Thanh Huệ") String productName,
            @Schema(required = true, nullable = true, description = "null if catalog-service gave none", example = "cái")
            String unitLabel,
            @Schema(required = true, example = "2026-12-04T13:19:58.402Z") Instant placedAt,
            @Schema(required = true, description = "Ready to show", example = "Chị H*** vừa chốt 2 Bánh gio Thanh Huệ")
            String text) {
    }

    @Schema(name = "BoardTotals", description = "The counters of every item of the lineup added up, in units")
    public record Totals(
            @Schema(required = true, example = "900") long quota,
            @Schema(required = true, example = "700") long ordered,
            @Schema(required = true, example = "150") long held,
            @Schema(required = true, example = "520") long confirmed,
            @Schema(required = true, example = "30") long cancelled,
            @Schema(required = true, example = "230") long remaining,
            @Schema(required = true, description = "Whole VND of the confirmed units; only the owner of the session's"
                    + " cooperative sees it, for everyone else it is null", nullable = true, example = "6540000")
            Long confirmedRevenueVnd) {
    }
}
