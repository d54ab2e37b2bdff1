package vn.chotdon.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.service.HoldExpiry;
import vn.chotdon.testing.Db;

/** Thousands of holds run out at once, and two instances expire them side by side (the scheduler may join in). */
@QuarkusTest
class HoldExpiryTest {

    private static final int HOLDS = 2000;
    private static final int PHONES = 50;

    Db db = Db.ofApplication();

    @Inject
    DataSource dataSource;

    @Inject
    HoldExpiry expiry;

    @Test
    void twoInstancesExpireEveryDueHoldExactlyOnce() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, 100_000, null);
        placeDueHolds(sale, itemId);

        ExecutorService instances = Executors.newFixedThreadPool(2);
        long started = System.nanoTime();
        try {
            List<Future<Integer>> expired = instances.invokeAll(List.of(expiry::expireDue, expiry::expireDue));
            assertThat(expired.get(0).get() + expired.get(1).get()).isLessThanOrEqualTo(HOLDS);
        } finally {
            instances.shutdownNow();
        }
        // A runner stops when it finds nothing left to claim; the last batch may still be another runner's (the scheduler's).
        await().atMost(Duration.ofSeconds(60)).until(() -> db.number(
                "SELECT COUNT(*) FROM orders WHERE session_id = ? AND status = 'PLACED'", sale.sessionId) == 0);
        System.out.printf("HoldExpiryTest: %d due holds expired by racing runners in %d ms%n", HOLDS,
                (System.nanoTime() - started) / 1_000_000);

        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ? AND status = 'EXPIRED'", sale.sessionId))
                .isEqualTo(HOLDS);
        assertThat(db.number("SELECT COUNT(*) FROM order_line WHERE item_id = ? AND status = 'EXPIRED'", itemId))
                .isEqualTo(HOLDS);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isZero();
        assertThat(db.number("SELECT COALESCE(SUM(units), 0) FROM buyer_held_units WHERE session_id = ?", sale.sessionId))
                .isZero();
        String expiredEvents = " FROM outbox_event WHERE message_key = ? AND event_type = 'vn.chotdon.order.expired'";
        assertThat(db.number("SELECT COUNT(*)" + expiredEvents, String.valueOf(sale.sessionId))).isEqualTo(HOLDS);
        assertThat(db.number("SELECT COUNT(DISTINCT SUBSTRING_INDEX(SUBSTRING_INDEX(payload, '\"orderId\":', -1), ',', 1))"
                + expiredEvents, String.valueOf(sale.sessionId))).as("orders with an ORDER_EXPIRED event").isEqualTo(HOLDS);
    }

    /** What HOLDS orders placed by HTTP leave behind, written directly: the orders, their lines and the counters. */
    private void placeDueHolds(LiveSale sale, long itemId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement order = c.prepareStatement("INSERT INTO orders (code, session_id, cooperative_id,"
                    + " status, payment_method, buyer_name, buyer_phone, province, commune, address_detail, total_vnd,"
                    + " access_token_hash, placed_at, hold_expires_at, updated_at) VALUES (?, ?, ?, 'PLACED', 'COD',"
                    + " 'Chị Lan', ?, 'Hà Nội', 'Xã Đan Phượng', 'Thôn Thượng Thôn', 15000, ?,"
                    + " UTC_TIMESTAMP(6) - INTERVAL 31 MINUTE, UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE,"
                    + " UTC_TIMESTAMP(6) - INTERVAL 31 MINUTE)", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement line = c.prepareStatement("INSERT INTO order_line (order_id, session_id, item_id,"
                            + " code, product_id, product_name, quantity, unit_price_vnd, line_total_vnd, status)"
                            + " VALUES (?, ?, ?, 'BG01', ?, 'Bánh gio', 1, 15000, 15000, 'PLACED')")) {
                for (int i = 0; i < HOLDS; i++) {
                    // Codes with a 0 or 1, which generated order codes never have.
                    order.setString(1, String.format("1%07d", i));
                    order.setLong(2, sale.sessionId);
                    order.setLong(3, sale.cooperativeId);
                    order.setString(4, phone(i % PHONES));
                    order.setString(5, "0".repeat(64));
                    order.executeUpdate();
                    try (ResultSet id = order.getGeneratedKeys()) {
                        id.next();
                        line.setLong(1, id.getLong(1));
                    }
                    line.setLong(2, sale.sessionId);
                    line.setLong(3, itemId);
                    line.setLong(4, itemId + 100);
                    line.addBatch();
                }
                line.executeBatch();
            }
            try (PreparedStatement held = c.prepareStatement(
                    "INSERT INTO buyer_held_units (session_id, buyer_phone, units) VALUES (?, ?, ?)")) {
                for (int p = 0; p < PHONES; p++) {
                    held.setLong(1, sale.sessionId);
                    held.setString(2, phone(p));
                    held.setLong(3, HOLDS / PHONES);
                    held.addBatch();
                }
                held.executeBatch();
            }
            try (PreparedStatement taken = c.prepareStatement("UPDATE lineup_item SET taken = ? WHERE item_id = ?")) {
                taken.setLong(1, HOLDS);
                taken.setLong(2, itemId);
                taken.executeUpdate();
            }
            c.commit();
        }
    }

    private static String phone(int p) {
        return String.format("+8491600%04d", p);
    }
}
