package vn.chotdon.order.waitlist.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.waitlist.WaitlistSource;
import vn.chotdon.order.waitlist.WaitlistState;
import vn.chotdon.order.waitlist.service.EntryInLine;

/** A waitlist entry as the cooperative's people see it: who waits, as with orders (staff see the phone masked). */
@Schema(name = "StaffWaitlistEntry")
public record StaffWaitlistEntryView(
        @Schema(required = true, example = "318") long id,
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true, example = "12") long itemId,
        @Schema(required = true, example = "BG01") String itemCode,
        @Schema(required = true, example = "Bánh gio Đan Phượng") String productName,
        @Schema(required = true, example = "2") long quantity,
        @Schema(required = true, example = "COD") PaymentMethod paymentMethod,
        @Schema(required = true, example = "WAITING") WaitlistState state,
        @Schema(required = true, nullable = true, description = "While WAITING: its place in the item's line (1 is next)",
                example = "3") Long position,
        @Schema(required = true, nullable = true, example = "2") Long unitsOffered,
        @Schema(required = true, nullable = true, example = "K7M2Q9XA") String orderCode,
        @Schema(required = true, nullable = true) String skipReason,
        @Schema(required = true, example = "API") WaitlistSource source,
        @Schema(required = true, nullable = true, description = "COMMENT: the live comment it came from", example = "41")
        Long commentId,
        @Schema(required = true, example = "Nguyễn Văn An") String buyerName,
        @Schema(required = true, description = "E.164; masked for staff, whole for the owner", example = "+84912***678")
        String phone,
        @Schema(required = true, example = "Hà Nội") String province,
        @Schema(required = true, example = "Xã Đan Phượng") String commune,
        @Schema(required = true) Instant joinedAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time") Instant decidedAt) {

    static StaffWaitlistEntryView of(EntryInLine seen, String phoneShown) {
        var e = seen.entry();
        return new StaffWaitlistEntryView(e.id, e.sessionId, e.itemId, seen.itemCode(), seen.productName(), e.quantity,
                e.paymentMethod, e.state, seen.position(), e.unitsOffered, seen.orderCode(), e.skipReason, e.source,
                e.commentId, e.buyerName, phoneShown, e.province, e.commune, e.joinedAt, e.decidedAt);
    }
}
