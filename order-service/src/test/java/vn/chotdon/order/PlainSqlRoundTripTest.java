package vn.chotdon.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.chotdon.platform.tx.PlainSql;
import vn.chotdon.platform.tx.PlainSql.Statement;
import vn.chotdon.testing.Db;

/**
 * The hot path's plain statements against the real database, with order-service's connection
 * (several statements per round trip allowed): what each statement of one round trip matched, a
 * query's row read after the write sent with it, every row of a query, an insert's key given to the
 * rows sent with it, and a failure in the middle of a round trip.
 */
@QuarkusTest
class PlainSqlRoundTripTest {

    private static final String ADD = "UPDATE buyer_held_units SET units = units + ? WHERE session_id = ?"
            + " AND buyer_phone = ?";
    private static final String FIRST = "INSERT IGNORE INTO buyer_held_units (session_id, buyer_phone, units)"
            + " VALUES (?, ?, ?)";

    private final Db db = Db.ofApplication();

    @Inject
    PlainSql sql;

    @Test
    void eachStatementOfOneRoundTripCountsItsOwnRows() {
        long session = newSession();
        String phone = "+84917000001";

        int[] first = QuarkusTransaction.requiringNew().call(() -> sql.updateAll(new Statement(ADD, 2, session, phone),
                new Statement(FIRST, session, phone, 2)));
        int[] second = QuarkusTransaction.requiringNew().call(() -> sql.updateAll(new Statement(ADD, 3, session, phone),
                new Statement(FIRST, session, phone, 3)));

        assertThat(first).containsExactly(0, 1);
        assertThat(second).containsExactly(1, 0);
        assertThat(units(session, phone)).isEqualTo(5);
    }

    @Test
    void aQuerySentAfterAWriteReadsIt() {
        long session = newSession();

        long units = QuarkusTransaction.requiringNew().call(() -> sql.firstRowAfter(
                new Statement(FIRST, session, "+84917000002", 7),
                new Statement("SELECT units FROM buyer_held_units WHERE session_id = ? AND buyer_phone = ?", session,
                        "+84917000002"),
                row -> row.getLong(1)).orElseThrow());

        assertThat(units).isEqualTo(7);
    }

    @Test
    void everyRowOfAQueryIsReadInItsOrder() {
        long session = newSession();
        QuarkusTransaction.requiringNew().run(() -> sql.updateAll(new Statement(FIRST, session, "+84917000013", 3),
                new Statement(FIRST, session, "+84917000011", 1), new Statement(FIRST, session, "+84917000012", 2)));

        var rows = QuarkusTransaction.requiringNew().call(() -> sql.rows("SELECT buyer_phone, units FROM"
                + " buyer_held_units WHERE session_id = ? ORDER BY buyer_phone", row -> row.getString(1) + "=" + row.getLong(2),
                session));

        assertThat(rows).containsExactly("+84917000011=1", "+84917000012=2", "+84917000013=3");
    }

    @Test
    void aStatementThatFailsInTheMiddleThrowsAndItsTransactionKeepsNothing() {
        long session = newSession();
        String phone = "+84917000003";
        QuarkusTransaction.requiringNew().run(() -> sql.update(new Statement(FIRST, session, phone, 1)));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> sql.updateAll(
                new Statement(ADD, 10, session, phone),
                new Statement("INSERT INTO buyer_held_units (session_id, buyer_phone, units) VALUES (?, ?, ?)", session,
                        phone, 1),
                new Statement(ADD, 100, session, phone))))
                .hasRootCauseInstanceOf(SQLIntegrityConstraintViolationException.class);

        assertThat(units(session, phone)).isEqualTo(1);
    }

    @Test
    void anInsertGivesItsKeyToTheRowsThatReferToItInTheSameRoundTrip() {
        String code = "PS" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long session = newSession();

        long id = QuarkusTransaction.requiringNew().call(() -> sql.insertThen(new Statement("INSERT INTO orders (code,"
                + " session_id, cooperative_id, status, payment_method, buyer_name, buyer_phone, province, commune,"
                + " address_detail, total_vnd, access_token_hash, placed_at, hold_expires_at, updated_at)"
                + " VALUES (?, ?, ?, 'CANCELLED', 'COD', 'Chị Hoa', '+84917000004', 'Hà Nội', 'Phúc Thọ', 'Thôn 1',"
                + " 45000, ?, ?, ?, ?)", code, session, 1L, "0".repeat(64), now, now, now),
                new Statement("INSERT INTO order_line (order_id, session_id, item_id, code, product_id, product_name,"
                        + " quantity, unit_price_vnd, line_total_vnd, status, paid) VALUES"
                        + " (LAST_INSERT_ID(), ?, 1, 'BG01', 1, 'Bánh gio', 1, 15000, 15000, 'CANCELLED', FALSE),"
                        + " (LAST_INSERT_ID(), ?, 2, 'BC02', 2, 'Bánh chưng', 1, 30000, 30000, 'CANCELLED', FALSE)",
                        session, session)));

        assertThat(db.text("SELECT code FROM orders WHERE id = ?", id)).isEqualTo(code);
        assertThat(db.texts("SELECT code FROM order_line WHERE order_id = ?", id)).containsExactlyInAnyOrder("BG01",
                "BC02");
    }

    private static long newSession() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }

    private long units(long session, String phone) {
        return db.number("SELECT units FROM buyer_held_units WHERE session_id = ? AND buyer_phone = ?", session, phone);
    }
}
