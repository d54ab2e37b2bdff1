package vn.chotdon.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.platform.outbox.Outbox;

/** Order events, written to the outbox in the caller's transaction, keyed by session id. */
@ApplicationScoped
public class OrderEvents {

    /** Honorifics a buyer may put before their name; they are kept, the name itself is masked. */
    private static final Set<String> HONORIFICS = Set.of("anh", "chị", "cô", "chú", "bác", "em", "ông", "bà", "dì",
            "cậu", "mợ", "thím", "bạn");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    private final Outbox outbox;

    OrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void record(Order order, OrderStatus previous) {
        OrderData data = new OrderData(order.id, order.code, order.sessionId, order.cooperativeId, order.status.name(),
                previous == null ? null : previous.name(), order.paymentMethod.name(), order.totalVnd,
                order.lines.stream().map(l -> new OrderData.OrderLineData(l.itemId, l.code, l.productId, l.quantity,
                        l.unitPriceVnd, l.lineTotalVnd)).toList(),
                order.placedAt, order.version, shownAs(order.buyerName));
        outbox.record(Topics.ORDERS, OrderEventTypes.AGGREGATE_ORDER, order.id.toString(), order.sessionId.toString(),
                typeOf(order.status), OrderEventTypes.SCHEMA_VERSION, data);
    }

    /**
     * The buyer as a live overlay may show them: a leading honorific if there is one, then the first
     * letter of the given name (the last word of a Vietnamese name) and {@code ***}. "Chị Nguyễn Thị
     * Hoa" is "Chị H***", "Trần Văn Đức" is "Đ***"; a blank or missing name is null.
     */
    static String shownAs(String buyerName) {
        if (buyerName == null || buyerName.isBlank()) {
            return null;
        }
        String[] words = Normalizer.normalize(buyerName, Normalizer.Form.NFC).strip().split("\\s+");
        String first = words[0].toLowerCase(VIETNAMESE);
        boolean honorific = words.length > 1 && HONORIFICS.contains(first);
        String given = words[words.length - 1];
        String initial = new String(Character.toChars(given.codePointAt(0))).toUpperCase(VIETNAMESE);
        if (!honorific) {
            return initial + "***";
        }
        String title = new String(Character.toChars(first.codePointAt(0))).toUpperCase(VIETNAMESE)
                + first.substring(Character.charCount(first.codePointAt(0)));
        return title + " " + initial + "***";
    }

    static String typeOf(OrderStatus status) {
        return switch (status) {
            case PLACED -> OrderEventTypes.ORDER_PLACED;
            case CONFIRMED -> OrderEventTypes.ORDER_CONFIRMED;
            case PAID -> OrderEventTypes.ORDER_PAID;
            case SHIPPED -> OrderEventTypes.ORDER_SHIPPED;
            case DELIVERED -> OrderEventTypes.ORDER_DELIVERED;
            case RETURNED -> OrderEventTypes.ORDER_RETURNED;
            case CANCELLED -> OrderEventTypes.ORDER_CANCELLED;
            case EXPIRED -> OrderEventTypes.ORDER_EXPIRED;
        };
    }
}
