package vn.chotdon.order.comment.service;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a comment waits for staff: the parser's reason codes (UNKNOWN_CODE, QUESTION, ...) and the
 * intake's own: PHONE_MISSING, ADDRESS_MISSING, REPEAT, and a refusal of the order hot path named
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

    static ReviewReason phoneMissing() {
        return new ReviewReason(PHONE_MISSING, "Bình luận chưa có số điện thoại");
    }

    static ReviewReason addressMissing() {
        return new ReviewReason(ADDRESS_MISSING, "Chưa biết địa chỉ giao hàng của số điện thoại này");
    }

    static ReviewReason repeat(String code) {
        return new ReviewReason(REPEAT, "Khách đã có đơn món " + code + " trong phiên này");
    }
}
