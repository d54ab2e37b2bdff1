package vn.chotdon.order.buyer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.chotdon.events.order.OrderData;
import vn.chotdon.order.buyer.service.BuyerRecordLedger;
import vn.chotdon.testing.Db;

/**
 * The buyer-record consumer gathers the events of its transaction and writes them at its end: each
 * counts as it would alone, in the events' order, an event naming an order this database does not
 * have counts nothing, and nothing gathered outlives the transaction.
 */
@QuarkusTest
class GatheredBuyerRecordsTest {

    private final Db db = Db.ofApplication();

    @Inject
    BuyerRecordLedger ledger;

    @Test
    void theEventsOfOneTransactionCountOnceEachInTheirOrder() {
        long cooperative = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        String phone = "+8491" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Order first = order(cooperative, phone);
        Order second = order(cooperative, phone);

        QuarkusTransaction.requiringNew().run(() -> {
            ledger.gather(event(first.id(), first.code(), cooperative, "PLACED", null));
            ledger.gather(event(second.id(), second.code(), cooperative, "PLACED", null));
            ledger.gather(event(first.id(), first.code(), cooperative, "EXPIRED", "PLACED"));
            // Another database's order with the same id, and an id this one never had.
            ledger.gather(event(second.id(), "ZZ000000", cooperative, "EXPIRED", "PLACED"));
            ledger.gather(event(Long.MAX_VALUE - 7, "ZZ000001", cooperative, "PLACED", null));
            ledger.writeGathered();
        });
        QuarkusTransaction.requiringNew().run(ledger::writeGathered);

        assertThat(record(cooperative, phone)).isEqualTo("placed=2 expired=1 delivered=0");
    }

    private record Order(long id, String code) {
    }

    private Order order(long cooperative, String phone) {
        String code = "GB" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        db.execute("INSERT INTO orders (code, session_id, cooperative_id, status, payment_method, buyer_name, buyer_phone,"
                + " province, commune, address_detail, total_vnd, access_token_hash, placed_at, hold_expires_at, updated_at)"
                + " VALUES (?, 1, ?, 'EXPIRED', 'COD', 'Chị Hoa', ?, 'Hà Nội', 'Phúc Thọ', 'Thôn 1', 15000, ?, ?, ?, ?)",
                code, cooperative, phone, "0".repeat(64), now, now, now);
        return new Order(db.number("SELECT id FROM orders WHERE code = ?", code), code);
    }

    private static OrderData event(long orderId, String code, long cooperative, String status, String previous) {
        return new OrderData(orderId, code, 1, cooperative, status, previous, "COD", 15000,
                List.of(new OrderData.OrderLineData(1, "BG01", 1, 1, 15000, 15000)), Instant.now(), 0, null);
    }

    private String record(long cooperative, String phone) {
        return "placed=" + db.number("SELECT placed FROM buyer_record WHERE cooperative_id = ? AND buyer_phone = ?",
                cooperative, phone)
                + " expired=" + db.number("SELECT expired_unpaid FROM buyer_record WHERE cooperative_id = ?"
                        + " AND buyer_phone = ?", cooperative, phone)
                + " delivered=" + db.number("SELECT delivered FROM buyer_record WHERE cooperative_id = ?"
                        + " AND buyer_phone = ?", cooperative, phone);
    }
}
