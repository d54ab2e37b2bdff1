package vn.chotdon.livestream;

import java.time.Instant;
import java.util.List;
import vn.chotdon.events.EventEnvelope;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.testing.EventPublisher;

/** Order events as order-service publishes them, for the board's consumer. */
final class OrderEvents {

    record Line(long itemId, String code, long quantity, long unitPriceVnd) {
    }

    private OrderEvents() {
    }

    static EventEnvelope<OrderData> event(long orderId, long sessionId, long cooperativeId, String status,
            String previousStatus, List<Line> lines) {
        return event(orderId, sessionId, cooperativeId, status, previousStatus, lines, "Chị H***");
    }

    /** @param buyerShownAs the buyer as order-service masks them ("Chị H***") */
    static EventEnvelope<OrderData> event(long orderId, long sessionId, long cooperativeId, String status,
            String previousStatus, List<Line> lines, String buyerShownAs) {
        return event(orderId, sessionId, cooperativeId, status, previousStatus, lines, buyerShownAs,
                Instant.parse("2026-12-04T13:05:00Z"));
    }

    static EventEnvelope<OrderData> event(long orderId, long sessionId, long cooperativeId, String status,
            String previousStatus, List<Line> lines, String buyerShownAs, Instant placedAt) {
        List<OrderData.OrderLineData> data = lines.stream().map(l -> new OrderData.OrderLineData(l.itemId(), l.code(),
                900, l.quantity(), l.unitPriceVnd(), l.quantity() * l.unitPriceVnd())).toList();
        long total = data.stream().mapToLong(OrderData.OrderLineData::lineTotalVnd).sum();
        OrderData order = new OrderData(orderId, "CD-" + orderId, sessionId, cooperativeId, status, previousStatus,
                "COD", total, data, placedAt, previousStatus == null ? 1 : 2, buyerShownAs);
        return EventPublisher.envelope(OrderEventTypes.SOURCE, type(status), OrderEventTypes.SCHEMA_VERSION,
                OrderEventTypes.AGGREGATE_ORDER, Long.toString(orderId), order);
    }

    static void publish(EventPublisher publisher, EventEnvelope<OrderData> event) {
        publisher.publish(Topics.ORDERS, Long.toString(event.data().sessionId()), event);
    }

    private static String type(String status) {
        return switch (status) {
            case "PLACED" -> OrderEventTypes.ORDER_PLACED;
            case "CONFIRMED" -> OrderEventTypes.ORDER_CONFIRMED;
            case "PAID" -> OrderEventTypes.ORDER_PAID;
            case "SHIPPED" -> OrderEventTypes.ORDER_SHIPPED;
            case "DELIVERED" -> OrderEventTypes.ORDER_DELIVERED;
            case "CANCELLED" -> OrderEventTypes.ORDER_CANCELLED;
            case "EXPIRED" -> OrderEventTypes.ORDER_EXPIRED;
            default -> throw new IllegalArgumentException(status);
        };
    }
}
