package vn.chotdon.order.waitlist.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.waitlist.WaitlistState;
import vn.chotdon.order.waitlist.service.EntryInLine;

/** A buyer's place in the line for a sold-out item, as the buyer sees it: nothing personal. */
@Schema(name = "WaitlistEntry")
public record WaitlistEntryView(
        @Schema(required = true, example = "318") long id,
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true, example = "12") long itemId,
        @Schema(required = true, example = "BG01") String itemCode,
        @Schema(required = true, example = "Bánh gio Đan Phượng") String productName,
        @Schema(required = true, description = "Units wanted", example = "2") long quantity,
        @Schema(required = true, example = "COD") PaymentMethod paymentMethod,
        @Schema(required = true, description = "WAITING: in line; PROMOTED: offered an order (orderCode, unitsOffered),"
                + " held for a short time; SKIPPED: its turn came but a per-buyer limit, the held-units cap or the shop's"
                + " pay-first rule for a cash-on-delivery entry refused the order (skipReason); LEFT: the buyer left; CLOSED: the session ended or the item left the lineup",
                example = "WAITING") WaitlistState state,
        @Schema(required = true, nullable = true, description = "While WAITING: WAITING entries of the item up to this"
                + " one (1 is next); null otherwise", example = "3") Long position,
        @Schema(required = true, nullable = true, description = "PROMOTED: the units of the order offered (the quantity"
                + " asked, or fewer when fewer came back); null otherwise", example = "2") Long unitsOffered,
        @Schema(required = true, nullable = true, description = "PROMOTED: the order offered, opened at"
                + " /buyer/orders/{code} with this entry's access token as X-Order-Token; null otherwise",
                example = "K7M2Q9XA") String orderCode,
        @Schema(required = true, nullable = true, description = "SKIPPED: why (the problem type of the refusal and its"
                + " detail); null otherwise", example = "buyer-limit: BG01 (Bánh gio) is limited to 2 per buyer; this"
                + " phone number already has 2 in its orders") String skipReason,
        @Schema(required = true) Instant joinedAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time",
                description = "When it left WAITING; null while WAITING") Instant decidedAt) {

    static WaitlistEntryView of(EntryInLine seen) {
        var e = seen.entry();
        return new WaitlistEntryView(e.id, e.sessionId, e.itemId, seen.itemCode(), seen.productName(), e.quantity,
                e.paymentMethod, e.state, seen.position(), e.unitsOffered, seen.orderCode(), e.skipReason, e.joinedAt,
                e.decidedAt);
    }
}
