package vn.chotdon.order.comment.service;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.order.buyer.service.BuyerVerdict;

/**
 * Why a comment waits for staff: the parser's reason codes (UNKNOWN_CODE, QUESTION, ...) and the
 * intake's own: PHONE_MISSING, ADDRESS_MISSING, REPEAT, BUYER_FLAGGED and BUYER_UNRELIABLE (the
 * session's buyer policy reviews such buyers), and a refusal of the order hot path named
 * after its problem type (SOLD_OUT, BUYER_LIMIT, HELD_UNITS_CAP, SESSION_NOT_LIVE, UNKNOWN_ITEM).
 */
@Schema(name = "LiveCommentReason")
public record ReviewReason(
        @Schema(required = true, example = "PHONE_MISSING") String code,
        @Schema(required = true, description = "For staff, in Vietnamese", example = "Bình luận chưa có số điện thoại")
        String message) {

    static final String PHONE_MISSING = "PHONE_MISSING";
    static final String ADDRESS_MISSING = "ADDRESS_MISSING";
    static final String REPEAT = "REPEAT";
    static final String BUYER_FLAGGED = "BUYER_FLAGGED";
    static final String BUYER_UNRELIABLE = "BUYER_UNRELIABLE";

    static ReviewReason phoneMissing() {
        return new ReviewReason(PHONE_MISSING, "Bình luận chưa có số điện thoại");
    }

    static ReviewReason addressMissing() {
        return new ReviewReason(ADDRESS_MISSING, "Chưa biết địa chỉ giao hàng của số điện thoại này");
    }

    /** A comment decided again after a crash whose first handling had put the buyer in the item's waitlist. */
    static ReviewReason soldOutWhenFirstHandled() {
        return new ReviewReason("SOLD_OUT", "Món đã hết khi bình luận được xử lý; khách đang trong danh sách chờ");
    }

    static ReviewReason repeat(String code) {
        return new ReviewReason(REPEAT, "Khách đã có đơn món " + code + " trong phiên này");
    }

    /** The reasons the session's buyer policy gives to review this buyer's order, if any. */
    static List<ReviewReason> of(BuyerVerdict verdict) {
        List<ReviewReason> reasons = new ArrayList<>();
        if (verdict.reviewAsFlagged()) {
            reasons.add(new ReviewReason(BUYER_FLAGGED, "Số điện thoại này đã bị cửa hàng đánh dấu"));
        }
        if (verdict.reviewAsUnreliable()) {
            reasons.add(new ReviewReason(BUYER_UNRELIABLE, "Khách có nhiều đơn bom hàng hoặc quá hạn chưa thanh toán"));
        }
        return reasons;
    }
}
