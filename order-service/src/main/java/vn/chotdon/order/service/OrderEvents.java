package vn.chotdon.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import vn.chotdon.events.OrderEventTypes;
import vn.chotdon.events.Topics;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.platform.outbox.Outbox;

/** Order events, written to the outbox in the caller's transaction, keyed by session id. */
@ApplicationScoped
public class OrderEvents {

    private final Outbox outbox;

    OrderEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void record(Order order, OrderStatus previous) {
        OrderData data = new OrderData(order.id, order.code, order.sessionId, order.cooperativeId, order.status.name(),
                previous == null ? null : previous.name(), order.paymentMethod.name(), order.totalVnd,
                order.lines.stream().map(l -> new OrderData.OrderLineData(l.itemId, l.code, l.productId, l.quantity,
                        l.unitPriceVnd, l.lineTotalVnd)).toList(),
                order.placedAt, order.version);
        outbox.record(Topics.ORDERS, OrderEventTypes.AGGREGATE_ORDER, order.id.toString(), order.sessionId.toString(),
                typeOf(order.status), OrderEventTypes.SCHEMA_VERSION, data);
    }

    static String typeOf(OrderStatus status) {
        return switch (status) {
            case PLACED -> OrderEventTypes.ORDER_PLACED;
            case CONFIRMED -> OrderEventTypes.ORDER_CONFIRMED;
            case PAID -> OrderEventTypes.ORDER_PAID;
            case SHIPPED -> OrderEventTypes.ORDER_SHIPPED;
            case DELIVERED -> OrderEventTypes.ORDER_DELIVERED;
            case CANCELLED -> OrderEventTypes.ORDER_CANCELLED;
            case EXPIRED -> OrderEventTypes.ORDER_EXPIRED;
        };
    }
}
