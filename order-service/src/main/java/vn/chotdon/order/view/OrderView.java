package vn.chotdon.order.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderLine;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.PaymentMethod;
import vn.chotdon.order.buyer.BuyerSummary;
import vn.chotdon.platform.text.VietnamPhone;

@Schema(name = "Order")
public record OrderView(
        @Schema(required = true, example = "1201") long id,
        @Schema(required = true, description = "Read out on the stream; the bank transfer memo",
                pattern = "^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}$", example = "K7M3Q9TX") String code,
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true) OrderStatus status,
        @Schema(required = true) PaymentMethod paymentMethod,
        @Schema(required = true, example = "Nguyễn Văn An") String buyerName,
        @Schema(required = true, description = "Whole (+84…) for the buyer and the owner; masked (0912***678) for staff",
                example = "+84912345678") String phone,
        @Schema(required = true) Address address,
        @Schema(required = true, nullable = true, description = "The buyer's note; null when none was given",
                example = "Giao giờ hành chính") String note,
        @Schema(required = true) List<Line> lines,
        @Schema(required = true, description = "Whole VND", example = "30000") long totalVnd,
        @Schema(required = true, implementation = String.class, format = "date-time", example = "2025-11-28T12:00:05Z")
        Instant placedAt,
        @Schema(required = true, implementation = String.class, format = "date-time", example = "2025-11-28T12:30:05Z",
                description = "Set at placement, and kept: a PLACED order neither confirmed nor paid by then expires")
        Instant holdExpiresAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time", description = NOT_YET
                + " Paying a PLACED order sets it too.") Instant confirmedAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time", description = NOT_YET
                + " A cash-on-delivery order is paid when delivered.") Instant paidAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time", description = NOT_YET) Instant shippedAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time", description = NOT_YET) Instant deliveredAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time", description = NOT_YET) Instant cancelledAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time", description = NOT_YET) Instant expiredAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time", description = NOT_YET
                + " Set when the goods came back: refused at the door or sent back.") Instant returnedAt,
        @Schema(required = true, nullable = true, description = "Why it was cancelled; null unless given",
                example = "Khách đổi ý") String cancelReason,
        @Schema(required = true, nullable = true, description = "Why it came back; null unless given",
                example = "Khách không nhận hàng") String returnReason,
        // Left out rather than null: OpenAPI 3.0 has no null for an object given by reference.
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "How to pay a BANK_TRANSFER order: the cooperative's account and the VietQR code a"
                + " banking app scans. Absent for cash on delivery, and when the cooperative had no receiving account"
                + " when the order was placed (no transfer details are available: ask the cooperative).")
        Transfer transfer,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For the cooperative's owner and staff only (absent for the buyer): true when the order was"
                + " placed held for review by the session's buyer policy (a flagged or unreliable buyer); it is never"
                + " confirmed by itself, even when the session confirms cash on delivery at once", example = "false")
        Boolean heldForReview,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For the cooperative's owner and staff only (absent for the buyer): the buyer's record in"
                + " the cooperative and the flag on their phone") BuyerSummary buyer,
        @Schema(required = true, description = "Grows by one with every status change", example = "2") long version) {

    private static final String NOT_YET = "Null until the order reaches this step.";

    @Schema(name = "OrderAddress")
    public record Address(
            @Schema(required = true, description = "The current official name of the province or centrally-run city,"
                    + " whatever name the buyer typed", example = "Hà Nội") String province,
            @Schema(required = true, example = "Xã Đan Phượng") String commune,
            @Schema(required = true, description = "Street, hamlet, house; null for staff", nullable = true,
                    example = "Thôn Thượng Thôn, số 12") String detail) {
    }

    @Schema(name = "OrderTransfer", description = "A bank transfer's details and its NAPAS VietQR code")
    public record Transfer(
            @Schema(required = true, description = "The receiving bank's NAPAS BIN", pattern = "^[0-9]{6}$",
                    example = "970436") String bankBin,
            @Schema(required = true, example = "Vietcombank") String bankShortName,
            @Schema(required = true, example = "Ngân hàng TMCP Ngoại Thương Việt Nam") String bankName,
            @Schema(required = true, description = "Masked (****6789) for the buyer; whole for the cooperative's"
                    + " owner and staff. The VietQR code carries it whole: a banking app needs it",
                    example = "****6789") String accountNumber,
            @Schema(required = true, description = "The account holder, upper-case ASCII as banks show it",
                    example = "HTX NONG SAN DAN PHUONG") String accountName,
            @Schema(required = true, description = "Whole VND to transfer: the order's total", example = "30000")
            long amountVnd,
            @Schema(required = true, description = "The transfer's purpose (memo): CHOTDON and the order code",
                    example = "CHOTDON K7M3Q9TX") String purpose,
            @Schema(required = true, description = "The VietQR payload (NAPAS over EMVCo, dynamic, with the amount"
                    + " and purpose, CRC-16/CCITT-FALSE) that the order's qr.png encodes",
                    example = "00020101021238540010A00000072701240006970436011012345678900208QRIBFTTA5303704540530000"
                            + "5802VN62200816CHOTDON K7M3Q9TX6304ABCD") String qrPayload) {
    }

    @Schema(name = "OrderLine")
    public record Line(
            @Schema(required = true, example = "12") long itemId,
            @Schema(required = true, example = "BG01") String code,
            @Schema(required = true, example = "Bánh gio Thanh Huệ") String productName,
            @Schema(required = true, example = "2") long quantity,
            @Schema(required = true, description = "Whole VND: the live price when ordered", example = "15000")
            long unitPriceVnd,
            @Schema(required = true, description = "Whole VND", example = "30000") long lineTotalVnd) {

        static Line of(OrderLine l) {
            return new Line(l.itemId, l.code, l.productName, l.quantity, l.unitPriceVnd, l.lineTotalVnd);
        }
    }

    /**
     * The whole order: for its buyer, and for the owner of its cooperative (who ships it); the
     * transfer's account number is masked for the buyer, whole for the owner (as the caller gives it).
     */
    public static OrderView of(Order o, Transfer transfer) {
        return view(o, o.buyerPhone, o.addressDetail, transfer);
    }

    /**
     * For staff, who handle orders but do not ship them (a commune digital-tech volunteer helping a
     * cooperative is staff): the phone masked (0912***678) and no street or house of the address.
     */
    public static OrderView masked(Order o, Transfer transfer) {
        return view(o, VietnamPhone.masked(o.buyerPhone), null, transfer);
    }

    private static OrderView view(Order o, String phone, String addressDetail, Transfer transfer) {
        return new OrderView(o.id, o.code, o.sessionId, o.status, o.paymentMethod, o.buyerName,
                phone, new Address(o.province, o.commune, addressDetail), o.note,
                o.lines.stream().map(Line::of).toList(), o.totalVnd, o.placedAt, o.holdExpiresAt, o.confirmedAt,
                o.paidAt, o.shippedAt, o.deliveredAt, o.cancelledAt, o.expiredAt, o.returnedAt, o.cancelReason,
                o.returnReason, transfer, null, null, o.version);
    }

    /**
     * The order as the cooperative's people see it: with whether it was held for review and the
     * buyer's record. Never for the buyer.
     */
    public OrderView forCooperative(boolean held, BuyerSummary summary) {
        return new OrderView(id, code, sessionId, status, paymentMethod, buyerName, phone, address, note, lines, totalVnd,
                placedAt, holdExpiresAt, confirmedAt, paidAt, shippedAt, deliveredAt, cancelledAt, expiredAt, returnedAt,
                cancelReason, returnReason, transfer, held, summary, version);
    }
}
