package vn.chotdon.order.buyer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.platform.tx.PlainSql;

/**
 * Counts order events into their buyers' records, in the consumer's transaction (the one that also
 * records the events as processed, so each event counts once). Events carry no phone: the order's
 * phone, cooperative and canceller are read from the orders table by its id. The events a
 * transaction applies are gathered and written at its end: their orders read in one query, their
 * records' upserts sent in one round trip, each upsert as it would be alone and in the events' order.
 */
@ApplicationScoped
public class BuyerRecordLedger {

    private static final Logger LOG = Logger.getLogger(BuyerRecordLedger.class);

    private static final Pattern ORDER_CODE = Pattern.compile("[0-9A-Z]{1,16}");
    /** Key of the transaction's resource holding the events gathered in it. */
    private static final Object GATHERED = new Object();
    /** Orders per read and upserts per round trip, well inside MySQL's packet and parameter limits. */
    private static final int PER_STATEMENT = 500;

    private final PlainSql sql;
    private final TransactionSynchronizationRegistry transaction;

    BuyerRecordLedger(PlainSql sql, TransactionSynchronizationRegistry transaction) {
        this.sql = sql;
        this.transaction = transaction;
    }

    /** Keeps the event for {@link #writeGathered} at the end of the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void gather(OrderData event) {
        if (event.code() == null || !ORDER_CODE.matcher(event.code()).matches()) {
            // Compared with the ASCII code column, other text would be an error, not a mismatch.
            LOG.debugf("Order %d of an order event has no order code; not counted", event.orderId());
            return;
        }
        gathered().add(event);
    }

    /** Counts the events gathered in this transaction into their buyers' records. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeGathered() {
        List<OrderData> events = gathered();
        for (int from = 0; from < events.size(); from += PER_STATEMENT) {
            write(events.subList(from, Math.min(events.size(), from + PER_STATEMENT)));
        }
        events.clear();
    }

    private void write(List<OrderData> events) {
        Map<Long, OrderRow> orders = ordersOf(events);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<PlainSql.Statement> upserts = new ArrayList<>();
        for (OrderData event : events) {
            // The code too: an event naming an order id of another database (another environment's, or one
            // wiped since, on a shared broker) must not count against whoever has that id here.
            OrderRow order = orders.get(event.orderId());
            if (order == null || !order.code().equals(event.code())) {
                LOG.debugf("Order %d (%s) of an order event is not in this database; not counted", event.orderId(),
                        event.code());
                continue;
            }
            RecordChange change = RecordChange.of(event.status(), event.previousStatus(), event.paymentMethod(),
                    order.cancelledBy());
            if (change.paid() > 0 && !countedPaidNow(event.orderId(), now)) {
                change = change.paidBefore();
            }
            if (!change.changesNothing()) {
                upserts.add(upsert(order, change, now));
            }
        }
        if (!upserts.isEmpty()) {
            sql.updateAll(upserts.toArray(PlainSql.Statement[]::new));
        }
    }

    private static PlainSql.Statement upsert(OrderRow order, RecordChange change, Instant now) {
        // Parameters rather than VALUES(): MySQL 8 deprecates it, and MariaDB has no "AS new" alias.
        return new PlainSql.Statement("INSERT INTO buyer_record (cooperative_id, buyer_phone, placed, delivered, paid,"
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

    private record OrderRow(long id, String code, long cooperativeId, String buyerPhone, String cancelledBy) {
    }

    /** The events' orders by id; this consumer's transaction has no entity change to flush first. */
    private Map<Long, OrderRow> ordersOf(List<OrderData> events) {
        List<Long> ids = events.stream().map(OrderData::orderId).distinct().toList();
        return sql.rows("SELECT id, code, cooperative_id, buyer_phone, cancelled_by FROM orders WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")",
                row -> new OrderRow(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                        row.getString(5)), ids.toArray())
                .stream().collect(Collectors.toMap(OrderRow::id, Function.identity()));
    }

    /** Marks the order counted as paid; false when it was counted before. */
    private boolean countedPaidNow(long orderId, Instant now) {
        return sql.update("INSERT IGNORE INTO buyer_record_paid_order (order_id, counted_at) VALUES (?, ?)", orderId,
                now) == 1;
    }

    @SuppressWarnings("unchecked")
    private List<OrderData> gathered() {
        List<OrderData> events = (List<OrderData>) transaction.getResource(GATHERED);
        if (events == null) {
            events = new ArrayList<>();
            transaction.putResource(GATHERED, events);
        }
        return events;
    }
}
