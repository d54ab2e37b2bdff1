package vn.chotdon.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.ConcurrentBuyers.Answer;
import vn.chotdon.order.service.HoldExpiry;
import vn.chotdon.testing.Callers;
import vn.chotdon.testing.Db;
import vn.chotdon.testing.TestTokens;

/**
 * Units coming back from many cancellations and expiries at once go to the buyers in line, in
 * line order, each unit exactly once, and none to a buyer tapping "order" at the same moment.
 */
@QuarkusTest
class WaitlistRaceTest {

    private static final int QUOTA = 20;
    private static final int WAITING = 45;
    private static final int DUE = 8;

    private final Db db = Db.ofApplication();

    @Inject
    HoldExpiry expiry;

    @BeforeEach
    void asABuyer() {
        Callers.anonymous();
    }

    @Test
    void cancellationsAndExpiriesRacingPromoteTheFirstInLineExactlyOnce() throws Exception {
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, QUOTA, null);
        List<Long> sold = soldOut(sale, QUOTA, "0913%06d");
        List<Long> line = joinInOrder(sale, WAITING, "0914%06d");
        // Some holds run out as staff cancel: each of those orders is cancelled or expired, once.
        db.execute("UPDATE orders SET hold_expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id IN ("
                + sold.subList(0, DUE).stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        String staff = TestTokens.staff(sale.cooperativeId);

        ExecutorService runners = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> expired = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                expired.add(runners.submit(() -> {
                    start.await();
                    return expiry.expireDue();
                }));
            }
            start.countDown();
            List<Answer> answers = ConcurrentBuyers.postEach(QUOTA, i -> "/orders/" + sold.get(i) + "/cancel", i -> "",
                    i -> null, i -> Map.of("Authorization", "Bearer " + staff));
            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 409));
            for (Future<Integer> runner : expired) {
                runner.get();
            }
        } finally {
            runners.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.number("SELECT COUNT(*) FROM orders WHERE id IN ("
                + ids(sold) + ") AND status IN ('CANCELLED', 'EXPIRED')") == QUOTA);

        System.out.printf("WaitlistRaceTest: %d released (%d expired, %d cancelled), %d promoted%n", QUOTA,
                db.number("SELECT COUNT(*) FROM orders WHERE id IN (" + ids(sold) + ") AND status = 'EXPIRED'"),
                db.number("SELECT COUNT(*) FROM orders WHERE id IN (" + ids(sold) + ") AND status = 'CANCELLED'"),
                db.number("SELECT COUNT(*) FROM waitlist_entry WHERE item_id = ? AND state = 'PROMOTED'", itemId));
        assertLineServedInOrder(sale, itemId, line, QUOTA);
        assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type IN ('vn.chotdon.order.cancelled',"
                + " 'vn.chotdon.order.expired') AND message_key = ?", String.valueOf(sale.sessionId))).isEqualTo(QUOTA);
    }

    @Test
    void buyersTappingOrderAsUnitsComeBackGetNoneWhileSomeoneWaits() throws Exception {
        int quota = 10;
        int tappers = 40;
        LiveSale sale = new LiveSale().open();
        long itemId = sale.item("BG01", "Bánh gio", 15000, quota, null);
        List<Long> sold = soldOut(sale, quota, "0915%06d");
        List<Long> line = joinInOrder(sale, quota, "0916%06d");
        String staff = TestTokens.staff(sale.cooperativeId);

        // The first clients cancel, the others tap "order" for the item, all at once.
        List<Answer> answers = ConcurrentBuyers.postEach(quota + tappers,
                i -> i < quota ? "/orders/" + sold.get(i) + "/cancel" : "/orders",
                i -> i < quota ? "" : Json.write(sale.order("BG01", 1, String.format("0917%06d", i))), i -> null,
                i -> i < quota ? Map.of("Authorization", "Bearer " + staff) : Map.of());

        assertThat(answers.subList(0, quota)).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(200));
        assertThat(answers.subList(quota, quota + tappers)).allSatisfy(a -> assertThat(a.status()).as(a.body())
                .isEqualTo(409));
        assertLineServedInOrder(sale, itemId, line, quota);
        assertThat(db.number("SELECT COUNT(*) FROM orders WHERE session_id = ? AND buyer_phone LIKE '+84917%'",
                sale.sessionId)).isZero();
    }

    /**
     * The first {@code units} entries of the line (one unit each) were promoted, each to one order of
     * one unit with one ORDER_PLACED event; the rest still wait; the quota is taken exactly.
     */
    private void assertLineServedInOrder(LiveSale sale, long itemId, List<Long> line, int units) {
        Set<String> promoted = db.texts("SELECT id FROM waitlist_entry WHERE item_id = ? AND state = 'PROMOTED'", itemId);
        assertThat(promoted).as("promoted entries are the first in line")
                .containsExactlyInAnyOrderElementsOf(line.subList(0, units).stream().map(String::valueOf).toList());
        assertThat(db.number("SELECT COUNT(*) FROM waitlist_entry WHERE item_id = ? AND state = 'WAITING'", itemId))
                .isEqualTo(line.size() - units);
        assertThat(db.number("SELECT SUM(units_offered) FROM waitlist_entry WHERE item_id = ?", itemId)).isEqualTo(units);
        assertThat(db.number("SELECT COUNT(DISTINCT order_id) FROM waitlist_entry WHERE item_id = ?"
                + " AND state = 'PROMOTED'", itemId)).isEqualTo(units);
        assertThat(db.number("SELECT taken FROM lineup_item WHERE item_id = ?", itemId)).isEqualTo(units);
        assertThat(db.number("SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l JOIN orders o ON o.id = l.order_id"
                + " WHERE l.item_id = ? AND o.status = 'PLACED'", itemId)).as("units in live orders").isEqualTo(units);
        for (String entry : promoted) {
            long orderId = db.number("SELECT order_id FROM waitlist_entry WHERE id = ?", Long.parseLong(entry));
            assertThat(db.number("SELECT COUNT(*) FROM orders o JOIN waitlist_entry w ON w.buyer_phone = o.buyer_phone"
                    + " WHERE w.id = ? AND o.session_id = ?", Long.parseLong(entry), sale.sessionId))
                    .as("orders of entry " + entry).isEqualTo(1);
            assertThat(db.number("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'vn.chotdon.order.placed'"
                    + " AND payload LIKE ?", "%\"orderId\":" + orderId + ",%")).as("ORDER_PLACED of " + orderId).isEqualTo(1);
        }
    }

    /** Sells the item out with one-unit orders, each from its own phone; their ids. */
    private static List<Long> soldOut(LiveSale sale, int orders, String phones) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            ids.add(WaitlistTest.place(sale, "BG01", 1, String.format(phones, i)).getLong("order.id"));
        }
        return ids;
    }

    /** Buyers join the line one after the other: the list is the line's order. */
    private static List<Long> joinInOrder(LiveSale sale, int buyers, String phones) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            ids.add(WaitlistTest.joined(sale, "BG01", 1, String.format(phones, i)).getLong("entry.id"));
        }
        return ids;
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
