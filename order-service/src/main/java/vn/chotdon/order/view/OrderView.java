package vn.chotdon.order.view;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderLine;
import vn.chotdon.platform.text.VietnamPhone;

@Schema(name = "Order")
public record OrderView(
        @Schema(example = "1201") long id,
        @Schema(description = "Read out on the stream; the bank transfer memo", example = "K7M3Q9TX") String code,
        @Schema(example = "5") long sessionId,
        @Schema(example = "PLACED") String status,
        @Schema(example = "COD") String paymentMethod,
        @Schema(example = "Nguyễn Văn An") String buyerName,
        @Schema(description = "Whole (+84…) for the buyer and the owner; masked for staff", example = "+84912345678")
        String phone,
        Address address,
        String note,
        List<Line> lines,
        @Schema(description = "Whole VND", example = "30000") long totalVnd,
        Instant placedAt,
        @Schema(description = "PLACED orders not confirmed or paid by then expire") Instant holdExpiresAt,
        Instant confirmedAt,
        Instant paidAt,
        Instant shippedAt,
        Instant deliveredAt,
        Instant cancelledAt,
        Instant expiredAt,
        String cancelReason,
        long version) {

    @Schema(name = "OrderAddress")
    public record Address(
            @Schema(example = "Hà Nội") String province,
            @Schema(example = "Xã Đan Phượng") String commune,
            @Schema(description = "Street, hamlet, house; left out for staff", nullable = true,
                    example = "Thôn Thượng Thôn, số 12") String detail) {
    }

    @Schema(name = "OrderLine")
    public record Line(
            @Schema(example = "12") long itemId,
            @Schema(example = "BG01") String code,
            @Schema(example = "Bánh gio Thanh Huệ") String productName,
            @Schema(example = "2") long quantity,
            @Schema(example = "15000") long unitPriceVnd,
            @Schema(example = "30000") long lineTotalVnd) {

        static Line of(OrderLine l) {
            return new Line(l.itemId, l.code, l.productName, l.quantity, l.unitPriceVnd, l.lineTotalVnd);
        }
    }

    /** The whole order: for its buyer, and for the owner of its cooperative (who ships it). */
    public static OrderView of(Order o) {
        return view(o, o.buyerPhone, o.addressDetail);
    }

    /**
     * For staff, who handle orders but do not ship them (a commune digital-tech volunteer helping a
     * cooperative is staff): the phone masked (0912***678) and no street or house of the address.
     */
    public static OrderView masked(Order o) {
        return view(o, VietnamPhone.masked(o.buyerPhone), null);
    }

    private static OrderView view(Order o, String phone, String addressDetail) {
        return new OrderView(o.id, o.code, o.sessionId, o.status.name(), o.paymentMethod.name(), o.buyerName,
                phone, new Address(o.province, o.commune, addressDetail), o.note,
                o.lines.stream().map(Line::of).toList(), o.totalVnd, o.placedAt, o.holdExpiresAt, o.confirmedAt,
                o.paidAt, o.shippedAt, o.deliveredAt, o.cancelledAt, o.expiredAt, o.cancelReason, o.version);
    }
}
