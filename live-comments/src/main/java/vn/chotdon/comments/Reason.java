package vn.chotdon.comments;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Why an intent needs review: a machine-readable code and a Vietnamese sentence for staff. */
public record Reason(ReasonCode code, String message) {

    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    static Reason unknownCode(String written) {
        return new Reason(ReasonCode.UNKNOWN_CODE, "Mã " + written + " không có trong phiên live này");
    }

    static Reason ambiguousProduct(String written, List<LineupItem> candidates) {
        String items = candidates.stream().map(i -> i.code() + " " + i.productName()).collect(Collectors.joining(", "));
        return new Reason(ReasonCode.AMBIGUOUS_PRODUCT, "\"" + written + "\" khớp nhiều món: " + items);
    }

    static Reason itemMissing() {
        return new Reason(ReasonCode.ITEM_MISSING, "Khách muốn đặt nhưng không rõ món nào");
    }

    static Reason nameWithoutOrder() {
        return new Reason(ReasonCode.NAME_WITHOUT_ORDER, "Khách nhắc tên món nhưng không rõ có đặt hay không");
    }

    static Reason quantityUnclear() {
        return new Reason(ReasonCode.QUANTITY_UNCLEAR, "Không rõ số lượng");
    }

    static Reason quantityOutOfRange(int quantity, int max) {
        return new Reason(ReasonCode.QUANTITY_OUT_OF_RANGE,
                "Số lượng " + quantity + " không hợp lý (từ 1 đến " + max + ")");
    }

    static Reason repeatedItem(String code) {
        return new Reason(ReasonCode.REPEATED_ITEM, "Món " + code + " được nhắc nhiều lần");
    }

    static Reason severalPhones() {
        return new Reason(ReasonCode.SEVERAL_PHONES, "Bình luận có nhiều số điện thoại khác nhau");
    }

    static Reason invalidPhone(String digits) {
        return new Reason(ReasonCode.INVALID_PHONE, "Số " + digits + " không phải số di động Việt Nam hợp lệ");
    }

    static Reason question() {
        return new Reason(ReasonCode.QUESTION, "Khách đang hỏi, chưa phải chốt đơn");
    }

    static Reason cancellation() {
        return new Reason(ReasonCode.CANCELLATION, "Khách muốn huỷ hoặc không lấy nữa");
    }

    static Reason change() {
        return new Reason(ReasonCode.CHANGE, "Khách muốn sửa đơn đã đặt");
    }

    static Reason earlierOrder() {
        return new Reason(ReasonCode.EARLIER_ORDER, "Khách nhắc đến đơn đã đặt trước đó");
    }
}
