package vn.chotdon.catalog.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What each member household of a cooperative is owed for a session or a range of days: only
 * money that counted (paid or delivered orders), less what was reversed (returned, or cancelled
 * after payment). Every amount is whole đồng; members' amounts add up exactly to the totals.
 */
@Schema(name = "SettlementReport", description = "What each member household is owed for a session or a range of days")
public record SettlementReport(
        @Schema(required = true, example = "1") long cooperativeId,
        @Schema(required = true, nullable = true, description = "The session reported on; null for a range of days",
                example = "5") Long sessionId,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date", description = "First day of the range (in Vietnam), included;"
                + " null for a session", example = "2026-12-01") LocalDate from,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date", description = "Last day of the range (in Vietnam), included;"
                + " null for a session", example = "2026-12-31") LocalDate to,
        @Schema(required = true, description = "The time zone of the days", example = "Asia/Ho_Chi_Minh") String timeZone,
        @Schema(required = true, description = "One per member household with money or a payout in the report, by"
                + " member id; products without a household last (memberId null)") List<MemberSettlement> members,
        @Schema(required = true) Amounts totals,
        @Schema(required = true, description = "Commission computed once per rate in force when the money counted")
        List<RateTotal> rates) {

    @Schema(name = "MemberSettlement", description = "One member household's money in the report")
    public record MemberSettlement(
            @Schema(required = true, nullable = true, description = "null: products that belong to no member household"
                    + " (the cooperative's own); never paid out", example = "3") Long memberId,
            @Schema(required = true, nullable = true, example = "Hộ bà Nguyễn Thị Huệ") String memberName,
            @Schema(required = true, description = "Per product, by product id") List<ProductSales> products,
            @Schema(required = true) Amounts amounts,
            @Schema(required = true, description = "Payouts recorded for this household for exactly this session or"
                    + " range, oldest first") List<Payout> payouts) {
    }

    @Schema(name = "ProductSales", description = "A product's units and money in the report")
    public record ProductSales(
            @Schema(required = true, example = "7") long productId,
            @Schema(required = true, nullable = true, example = "Bánh gio Thanh Huệ") String productName,
            @Schema(required = true, description = "Units counted less units reversed", example = "12") long unitsSold,
            @Schema(required = true, description = "Units whose money was reversed", example = "1") long unitsReversed,
            @Schema(required = true, description = "Money counted less money reversed", example = "180000") long grossVnd,
            @Schema(required = true, description = "Money reversed (returns, cancellations after payment)",
                    example = "15000") long reversedVnd) {
    }

    @Schema(name = "SettlementAmounts", description = "Money of a household, or of the whole cooperative, in whole đồng")
    public record Amounts(
            @Schema(required = true, example = "12") long unitsSold,
            @Schema(required = true, description = "Counted less reversed", example = "180000") long grossVnd,
            @Schema(required = true, description = "Reversed within the report (included in grossVnd already)",
                    example = "15000") long reversedVnd,
            @Schema(required = true, description = "The cooperative's commission", example = "18000") long commissionVnd,
            @Schema(required = true, description = "Shipping or other fees charged to the household: none are"
                    + " recorded yet, always 0", example = "0") long feesVnd,
            @Schema(required = true, description = "grossVnd − commissionVnd − feesVnd", example = "162000") long netVnd,
            @Schema(required = true, description = "Net already paid out (payouts for this same session or range)",
                    example = "0") long paidOutVnd,
            @Schema(required = true, description = "netVnd − paidOutVnd: still to pay; negative when a return after"
                    + " a payout means the household was paid too much (an adjustment)", example = "162000")
            long owedVnd) {
    }

    @Schema(name = "SettlementRate", description = "Money that counted at one commission rate")
    public record RateTotal(
            @Schema(required = true, description = "1000 = 10 %", example = "1000") int basisPoints,
            @Schema(required = true, example = "180000") long grossVnd,
            @Schema(required = true, example = "18000") long commissionVnd) {
    }

    @Schema(name = "SettlementPayout", description = "A member household marked as paid out, with who and when")
    public record Payout(
            @Schema(required = true, example = "1") long id,
            @Schema(required = true, example = "3") long memberId,
            @Schema(required = true, nullable = true, example = "5") Long sessionId,
            @Schema(required = true, nullable = true, implementation = String.class, format = "date", example = "2026-12-01") LocalDate from,
            @Schema(required = true, nullable = true, implementation = String.class, format = "date", example = "2026-12-31") LocalDate to,
            @Schema(required = true, description = "Gross added since the previous payout", example = "180000") long grossVnd,
            @Schema(required = true, example = "18000") long commissionVnd,
            @Schema(required = true, example = "0") long feesVnd,
            @Schema(required = true, description = "What was paid out (negative: taken back)", example = "162000")
            long netVnd,
            @Schema(required = true, description = "The token's subject of who recorded it", example = "owner-1")
            String paidBy,
            @Schema(required = true, example = "2026-12-01T15:00:00Z") Instant paidAt) {
    }
}
