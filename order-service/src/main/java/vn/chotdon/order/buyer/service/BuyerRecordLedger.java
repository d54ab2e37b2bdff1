package vn.chotdon.order.buyer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.platform.tx.PlainSql;

/**
 * Counts an order event into its buyer's record, in the consumer's transaction (the one that also
 * records the event as processed, so each event counts once). Events carry no phone: the order's
 * phone, cooperative and canceller are read from the orders table by its id.
 */
@ApplicationScoped
public class BuyerRecordLedger {

    private static final Logger LOG = Logger.getLogger(BuyerRecordLedger.class);

    private static final Pattern ORDER_CODE = Pattern.compile("[0-9A-Z]{1,16}");

    private final PlainSql sql;

    BuyerRecordLedger(PlainSql sql) {
        this.sql = sql;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OrderData event) {
        if (event.code() == null || !ORDER_CODE.matcher(event.code()).matches()) {
            // Compared with the ASCII code column, other text would be an error, not a mismatch.
            LOG.debugf("Order %d of an order event has no order code; not counted", event.orderId());
            return;
        }
        // The code too: an event naming an order id of another database (another environment's, or one wiped
        // since, on a shared broker) must not count against whoever has that id here.
        Optional<OrderRow> found = orderOf(event);
        if (found.isEmpty()) {
            LOG.debugf("Order %d (%s) of an order event is not in this database; not counted", event.orderId(),
                    event.code());
            return;
        }
        OrderRow order = found.get();
        RecordChange change = RecordChange.of(event.status(), event.previousStatus(), event.paymentMethod(),
                order.cancelledBy());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (change.paid() > 0 && !countedPaidNow(event.orderId(), now)) {
            change = change.paidBefore();
        }
        if (change.changesNothing()) {
            return;
        }
        // Parameters rather than VALUES(): MySQL 8 deprecates it, and MariaDB has no "AS new" alias.
        sql.update("INSERT INTO buyer_record (cooperative_id, buyer_phone, placed, delivered, paid,"
                + " cancelled_by_buyer, expired_unpaid, returned, updated_at)"
                + " VALUES (?, ?, GREATEST(?, 0), GREATEST(?, 0), GREATEST(?, 0), GREATEST(?, 0), GREATEST(?, 0),"
                + " GREATEST(?, 0), ?)"
                + " ON DUPLICATE KEY UPDATE placed = GREATEST(placed + ?, 0), delivered = GREATEST(delivered + ?, 0),"
                + " paid = GREATEST(paid + ?, 0), cancelled_by_buyer = GREATEST(cancelled_by_buyer + ?, 0),"
                + " expired_unpaid = GREATEST(expired_unpaid + ?, 0), returned = GREATEST(returned + ?, 0),"
                + " updated_at = ?",
                order.cooperativeId(), order.buyerPhone(),
                change.placed(), change.delivered(), change.paid(), change.cancelledByBuyer(), change.expiredUnpaid(),
                change.returned(), now,
                change.placed(), change.delivered(), change.paid(), change.cancelledByBuyer(), change.expiredUnpaid(),
                change.returned(), now);
    }

    private record OrderRow(long cooperativeId, String buyerPhone, String cancelledBy) {
    }

    /** The order the event names, by id and code; this consumer's transaction has no entity change to flush first. */
    private Optional<OrderRow> orderOf(OrderData event) {
        return sql.firstRow("SELECT cooperative_id, buyer_phone, cancelled_by FROM orders WHERE id = ? AND code = ?",
                row -> new OrderRow(row.getLong(1), row.getString(2), row.getString(3)), event.orderId(), event.code());
    }

    /** Marks the order counted as paid; false when it was counted before. */
    private boolean countedPaidNow(long orderId, Instant now) {
        return sql.update("INSERT IGNORE INTO buyer_record_paid_order (order_id, counted_at) VALUES (?, ?)", orderId,
                now) == 1;
    }
}
