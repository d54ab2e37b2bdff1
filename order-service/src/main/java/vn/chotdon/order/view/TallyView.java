package vn.chotdon.order.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/**
 * The shop owner's tally of a session, computed from order-service's own orders. Units:
 * held = in PLACED orders; confirmed = in CONFIRMED, PAID, SHIPPED, DELIVERED or RETURNED orders;
 * paid = the part of those already paid; returned = the part of them that came back; cancelled =
 * in CANCELLED or EXPIRED orders; remaining = quota minus held and confirmed.
 */
@Schema(name = "Tally", description = "Exact counts from order-service's own orders. Every unit ordered is in exactly"
        + " one of held, confirmed and cancelled; paid is a part of confirmed.")
public record TallyView(
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true, enumeration = { "SCHEDULED", "LIVE", "ENDED", "CANCELLED" }, example = "LIVE")
        String sessionStatus,
        @Schema(required = true, description = "Every lineup item in display order, and a withdrawn one only if orders"
                + " ever held units of it") List<ItemTally> items,
        @Schema(required = true, description = "Number of orders in each status; every status is present, 0 when none",
                type = SchemaType.OBJECT, properties = {
                        @SchemaProperty(name = "PLACED", type = SchemaType.INTEGER, format = "int64", example = "12"),
                        @SchemaProperty(name = "CONFIRMED", type = SchemaType.INTEGER, format = "int64", example = "410"),
                        @SchemaProperty(name = "PAID", type = SchemaType.INTEGER, format = "int64", example = "50"),
                        @SchemaProperty(name = "SHIPPED", type = SchemaType.INTEGER, format = "int64", example = "20"),
                        @SchemaProperty(name = "DELIVERED", type = SchemaType.INTEGER, format = "int64", example = "0"),
                        @SchemaProperty(name = "RETURNED", type = SchemaType.INTEGER, format = "int64", example = "1"),
                        @SchemaProperty(name = "CANCELLED", type = SchemaType.INTEGER, format = "int64", example = "6"),
                        @SchemaProperty(name = "EXPIRED", type = SchemaType.INTEGER, format = "int64", example = "3") },
                requiredProperties = { "PLACED", "CONFIRMED", "PAID", "SHIPPED", "DELIVERED", "RETURNED", "CANCELLED",
                        "EXPIRED" })
        Map<String, Long> ordersByStatus,
        @Schema(required = true) Totals totals,
        @Schema(required = true, implementation = String.class, format = "date-time", example = "2025-11-28T12:10:00Z")
        Instant computedAt,
        @Schema(required = true) Payments payments) {

    @Schema(name = "TallyPayments", description = "The session's money by how it comes in, in whole VND. A bank transfer"
            + " belongs to a session through the order its memo names: a transfer that names no order of a session is"
            + " in no session's tally (see the list of unmatched payments).")
    public record Payments(
            @Schema(required = true, description = "Totals of the orders (not cancelled, expired or returned) that a bank transfer"
                    + " paid: matched by the webhook, or attached by staff from the review list", example = "4500000")
            long paidByTransferVnd,
            @Schema(required = true, description = "Totals of the cash-on-delivery orders confirmed or further (not"
                    + " cancelled, expired or returned) that no transfer paid: cash the courier collects or collected",
                    example = "2100000") long cashOnDeliveryVnd,
            @Schema(required = true, description = "Money of the open entries of the review list whose memo names an"
                    + " order of this session: received, not applied to any order yet", example = "150000")
            long unmatchedVnd,
            @Schema(required = true, description = "How many open review entries unmatchedVnd sums", example = "1")
            long unmatchedPayments) {
    }

    @Schema(name = "ItemTally", description = "One lineup item's units, by what the orders holding them have become")
    public record ItemTally(
            @Schema(required = true, example = "12") long itemId,
            @Schema(required = true, example = "BG01") String code,
            @Schema(required = true, example = "88") long productId,
            @Schema(required = true, example = "Bánh gio Thanh Huệ") String productName,
            @Schema(required = true, description = "Units offered in the session", example = "600") long quota,
            @Schema(required = true, description = HELD, example = "40") long held,
            @Schema(required = true, description = CONFIRMED, example = "523") long confirmed,
            @Schema(required = true, description = PAID, example = "300") long paid,
            @Schema(required = true, description = CANCELLED, example = "17") long cancelled,
            @Schema(required = true, description = RETURNED, example = "2") long returned,
            @Schema(required = true, description = "quota − held − confirmed, never below 0: units buyers can still"
                    + " order", example = "37") long remaining,
            @Schema(required = true, description = REVENUE, example = "7845000") long revenueVnd,
            @Schema(required = true, description = HELD_VND, example = "600000") long heldVnd,
            @Schema(required = true, description = COUNTED_REVENUE, example = "4470000") long countedRevenueVnd,
            @Schema(required = true, description = "Withdrawn from the lineup; listed only because orders held units"
                    + " of it", example = "false") boolean removed) {
    }

    @Schema(name = "TallyTotals", description = "Sums over the items listed, and the session's number of orders")
    public record Totals(
            @Schema(required = true, description = "Orders of the session in any status (the sum of ordersByStatus)",
                    example = "501") long orders,
            @Schema(required = true, description = HELD, example = "40") long held,
            @Schema(required = true, description = CONFIRMED, example = "523") long confirmed,
            @Schema(required = true, description = PAID, example = "300") long paid,
            @Schema(required = true, description = CANCELLED, example = "17") long cancelled,
            @Schema(required = true, description = RETURNED, example = "2") long returned,
            @Schema(required = true, description = REVENUE, example = "7845000") long revenueVnd,
            @Schema(required = true, description = HELD_VND, example = "600000") long heldVnd,
            @Schema(required = true, description = "Whole VND of the paid units (a part of revenueVnd), returned"
                    + " orders' included: that money was received", example = "4500000") long paidVnd,
            @Schema(required = true, description = COUNTED_REVENUE, example = "4470000") long countedRevenueVnd) {
    }

    private static final String HELD = "Units in PLACED orders: held, neither confirmed nor paid yet; they go back to"
            + " the quota if the order is cancelled or its hold expires";
    private static final String CONFIRMED = "Units in CONFIRMED, PAID, SHIPPED, DELIVERED or RETURNED orders: sold."
            + " Includes the paid and the returned units";
    private static final String RETURNED = "The part of the confirmed units whose orders came back (RETURNED: refused"
            + " at the door or sent back); they stay sold, not back in the quota";
    private static final String COUNTED_REVENUE = "Whole VND of the orders paid (by transfer, or cash collected at"
            + " delivery) and neither cancelled nor returned: the revenue that settlement shares among the"
            + " cooperative's member households (catalog-service's settlement of the session sums to it, to the đồng)";
    private static final String PAID = "The part of the confirmed units whose payment was recorded: paid by bank"
            + " transfer, or cash collected at delivery. Not cancelled ones";
    private static final String CANCELLED = "Units in CANCELLED or EXPIRED orders, back in the quota";
    private static final String REVENUE = "Whole VND of the confirmed units (paid or not, returned ones included); held"
            + " units are not revenue. What counts for settlement is countedRevenueVnd";
    private static final String HELD_VND = "Whole VND of the held units, not yet confirmed";
}
