package vn.chotdon.simulation.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The database's own limit for the work of one accepted order, measured on the same machine in
 * the same run: in one transaction, insert the idempotency row with its sealed answer, the order,
 * one line and one outbox row, then take the quota with a conditional UPDATE of one hot row; from
 * a tight JDBC loop with N connections. Scratch tables in a database of its own
 * ({@value #DATABASE}), shaped like order-service's (same keys and indexes), emptied before each run.
 */
final class JdbcCeiling {

    static final String DATABASE = "chotdon_bench_ceiling";

    record PoolResult(int connections, double seconds, long orders, double ordersPerSecond, Percentiles transaction,
            long failures) {
    }

    private static final String[] SCHEMA = {
        "DROP TABLE IF EXISTS order_line",
        "DROP TABLE IF EXISTS orders",
        "DROP TABLE IF EXISTS idempotency_key",
        "DROP TABLE IF EXISTS outbox_event",
        "DROP TABLE IF EXISTS lineup_item",
        """
        CREATE TABLE lineup_item (item_id BIGINT NOT NULL, session_id BIGINT NOT NULL, quota BIGINT NOT NULL,
            taken BIGINT NOT NULL DEFAULT 0, updated_at DATETIME(6) NOT NULL, PRIMARY KEY (item_id))
            ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci""",
        """
        CREATE TABLE idempotency_key (idem_key CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            request_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            state VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            claim_token CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NULL, response_status INT NULL,
            sealed_response MEDIUMBLOB NULL, created_at DATETIME(6) NOT NULL, updated_at DATETIME(6) NOT NULL,
            PRIMARY KEY (idem_key), KEY ix_idempotency_key_created (created_at))
            ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci""",
        """
        CREATE TABLE orders (id BIGINT NOT NULL AUTO_INCREMENT, code CHAR(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            session_id BIGINT NOT NULL, cooperative_id BIGINT NOT NULL,
            status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            payment_method VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            buyer_name VARCHAR(200) NOT NULL, buyer_phone VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            province VARCHAR(100) NOT NULL, commune VARCHAR(200) NOT NULL, address_detail VARCHAR(500) NOT NULL,
            total_vnd BIGINT NOT NULL, access_token_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            idempotency_key CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL, placed_at DATETIME(6) NOT NULL,
            hold_expires_at DATETIME(6) NOT NULL, updated_at DATETIME(6) NOT NULL, version BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (id), UNIQUE KEY uk_orders_code (code), KEY ix_orders_session_status (session_id, status),
            KEY ix_orders_phone (buyer_phone), KEY ix_orders_hold (status, hold_expires_at),
            UNIQUE KEY uk_orders_idempotency_key (idempotency_key))
            ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci""",
        """
        CREATE TABLE order_line (id BIGINT NOT NULL AUTO_INCREMENT, order_id BIGINT NOT NULL, session_id BIGINT NOT NULL,
            item_id BIGINT NOT NULL, code VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            product_id BIGINT NOT NULL, product_name VARCHAR(200) NOT NULL, quantity BIGINT NOT NULL,
            unit_price_vnd BIGINT NOT NULL, line_total_vnd BIGINT NOT NULL,
            status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, paid BOOLEAN NOT NULL DEFAULT FALSE,
            PRIMARY KEY (id), KEY ix_order_line_order (order_id),
            KEY ix_order_line_tally (session_id, item_id, status, paid, quantity, line_total_vnd),
            CONSTRAINT fk_order_line_order FOREIGN KEY (order_id) REFERENCES orders (id))
            ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci""",
        """
        CREATE TABLE outbox_event (id BIGINT NOT NULL AUTO_INCREMENT,
            event_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            topic VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            message_key VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
            event_type VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
            payload LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL, occurred_at DATETIME(6) NOT NULL,
            published_at DATETIME(6) NULL, attempts INT NOT NULL DEFAULT 0, last_error VARCHAR(1000) NULL,
            parked_at DATETIME(6) NULL, PRIMARY KEY (id), UNIQUE KEY uk_outbox_event_event_id (event_id),
            KEY ix_outbox_event_unpublished (published_at, id), KEY ix_outbox_event_parked (parked_at, id))
            ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci""",
        "INSERT INTO lineup_item (item_id, session_id, quota, taken, updated_at) VALUES (1, 1, 1000000000, 0, NOW(6))"
    };

    /** About the size of a receipt and of an order event: the bytes an accepted order really writes. */
    private static final byte[] SEALED_ANSWER = "x".repeat(900).getBytes(StandardCharsets.UTF_8);
    private static final String EVENT_PAYLOAD = "{\"data\":\"" + "x".repeat(1100) + "\"}";

    private final Database database;
    private final AtomicLong sequence = new AtomicLong();

    JdbcCeiling(Database database) {
        this.database = database;
    }

    List<PoolResult> measure(int[] poolSizes, double seconds) throws Exception {
        try (Connection admin = database.connect("mysql"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        List<PoolResult> results = new ArrayList<>();
        for (int connections : poolSizes) {
            resetSchema();
            results.add(run(connections, seconds));
        }
        return results;
    }

    private void resetSchema() throws SQLException {
        try (Connection c = database.connect(DATABASE); Statement statement = c.createStatement()) {
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
        }
    }

    private PoolResult run(int connections, double seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long warmUpEnds = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        long ends = warmUpEnds + (long) (seconds * 1e9);
        List<Future<long[]>> loops = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Histogram histogram = Percentiles.histogram();
            histograms.add(histogram);
            loops.add(pool.submit(() -> loop(warmUpEnds, ends, histogram)));
        }
        long orders = 0;
        long failures = 0;
        for (Future<long[]> loop : loops) {
            long[] counts = loop.get();
            orders += counts[0];
            failures += counts[1];
        }
        pool.shutdown();
        Histogram all = Percentiles.histogram();
        histograms.forEach(all::add);
        return new PoolResult(connections, seconds, orders, Math.round(orders / seconds), Percentiles.of(all), failures);
    }

    /** One connection's tight loop; counts only the orders that started after the warm-up. */
    private long[] loop(long warmUpEnds, long ends, Histogram histogram) throws SQLException {
        long orders = 0;
        long failures = 0;
        try (Connection c = database.connect(DATABASE)) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(false);
            try (PreparedStatement key = c.prepareStatement("INSERT INTO idempotency_key (idem_key, request_hash, state,"
                    + " claim_token, response_status, sealed_response, created_at, updated_at) VALUES (?, ?, 'DONE', ?, 201, ?, ?, ?)");
                 PreparedStatement order = c.prepareStatement("INSERT INTO orders (code, session_id, cooperative_id, status,"
                    + " payment_method, buyer_name, buyer_phone, province, commune, address_detail, total_vnd,"
                    + " access_token_hash, idempotency_key, placed_at, hold_expires_at, updated_at) VALUES"
                    + " (?, 1, 1, 'PLACED', 'COD', 'Người mua', ?, 'Hà Nội', 'Xã Đan Phượng', 'Thôn 7', 30000, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement line = c.prepareStatement("INSERT INTO order_line (order_id, session_id, item_id, code,"
                    + " product_id, product_name, quantity, unit_price_vnd, line_total_vnd, status)"
                    + " VALUES (?, 1, 1, 'BG01', 1, 'Bánh gio', 2, 15000, 30000, 'PLACED')");
                 PreparedStatement outbox = c.prepareStatement("INSERT INTO outbox_event (event_id, topic, message_key,"
                    + " event_type, payload, occurred_at) VALUES (?, 'chotdon.orders', '1', 'vn.chotdon.order.placed', ?, ?)");
                 PreparedStatement quota = c.prepareStatement(
                    "UPDATE lineup_item SET taken = taken + 2, updated_at = ? WHERE item_id = 1 AND taken + 2 <= quota")) {
                while (true) {
                    long started = System.nanoTime();
                    if (started >= ends) {
                        break;
                    }
                    try {
                        placeOne(c, key, order, line, outbox, quota);
                        if (started >= warmUpEnds) {
                            orders++;
                            Percentiles.record(histogram, System.nanoTime() - started);
                        }
                    } catch (SQLException e) {
                        c.rollback();
                        failures++;
                    }
                }
            }
        }
        return new long[] {orders, failures};
    }

    private void placeOne(Connection c, PreparedStatement key, PreparedStatement order, PreparedStatement line,
            PreparedStatement outbox, PreparedStatement quota) throws SQLException {
        long n = sequence.incrementAndGet();
        Timestamp now = Timestamp.from(Instant.now());
        String keyHash = hex64(n);
        key.setString(1, keyHash);
        key.setString(2, keyHash);
        key.setString(3, keyHash.substring(0, 32));
        key.setBytes(4, SEALED_ANSWER);
        key.setTimestamp(5, now);
        key.setTimestamp(6, now);
        key.executeUpdate();
        order.setString(1, String.format("%08X", n));
        order.setString(2, String.format("+849%08d", n % 100_000_000));
        order.setString(3, keyHash);
        order.setString(4, keyHash);
        order.setTimestamp(5, now);
        order.setTimestamp(6, now);
        order.setTimestamp(7, now);
        order.executeUpdate();
        long orderId;
        try (ResultSet ids = order.getGeneratedKeys()) {
            ids.next();
            orderId = ids.getLong(1);
        }
        line.setLong(1, orderId);
        line.executeUpdate();
        outbox.setString(1, UUID.randomUUID().toString());
        outbox.setString(2, EVENT_PAYLOAD);
        outbox.setTimestamp(3, now);
        outbox.executeUpdate();
        quota.setTimestamp(1, now);
        if (quota.executeUpdate() != 1) {
            throw new SQLException("the quota row refused units it has");
        }
        c.commit();
    }

    private static String hex64(long n) {
        String hex = HexFormat.of().toHexDigits(n);
        return hex.repeat(4);
    }
}
