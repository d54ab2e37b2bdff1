package vn.chotdon.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.config.OrderSettings;
import vn.chotdon.order.readmodel.LiveLineups.Item;
import vn.chotdon.order.service.NewOrders;
import vn.chotdon.order.service.NewOrders.Want;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.testing.Db;

/**
 * The phone's counts an order takes (held-units cap, per-buyer limits) against the real database:
 * all of them taken together; and when one refuses, every other one left as it was inside the
 * caller's transaction, which goes on (as the waitlist's does when it skips a buyer).
 */
@QuarkusTest
class PhoneCountsTest {

    private final Db db = Db.ofApplication();

    @Inject
    NewOrders newOrders;

    @Inject
    OrderSettings settings;

    @Test
    void theCapAndEveryLimitedItemAreCountedTogether() {
        long session = newId();
        Item limited = item(session, "BG01", 4);
        Item unlimited = item(session, "MO03", null);
        String phone = "+84918000001";

        take(session, phone, true, new Want(limited, 3), new Want(unlimited, 5));
        take(session, phone, true, new Want(limited, 1));

        assertThat(held(session, phone)).isEqualTo(9);
        assertThat(bought(limited, phone)).isEqualTo(4);
        assertThat(bought(unlimited, phone)).isEqualTo(-1);
    }

    @Test
    void anItemOverItsLimitLeavesTheCapAndEveryOtherItemAsTheyWere() {
        long session = newId();
        Item first = item(session, "BG01", 5);
        Item full = item(session, "BC02", 2);
        Item last = item(session, "MO03", 5);
        String phone = "+84918000002";
        take(session, phone, true, new Want(first, 1), new Want(full, 2), new Want(last, 1));

        assertThatThrownBy(() -> take(session, phone, true, new Want(first, 1), new Want(full, 1), new Want(last, 1)))
                .isInstanceOfSatisfying(ProblemException.class, refused -> assertThat(refused.toProblem(null).detail)
                        .contains("BC02").contains("limited to 2 per buyer").contains("already has 2"));

        assertThat(held(session, phone)).isEqualTo(4);
        assertThat(bought(first, phone)).isEqualTo(1);
        assertThat(bought(full, phone)).isEqualTo(2);
        assertThat(bought(last, phone)).isEqualTo(1);
    }

    @Test
    void theCapRefusesFirstAndLeavesTheItemsAsTheyWere() {
        int cap = settings.heldUnits().maxPerPhone();
        long session = newId();
        Item item = item(session, "BG01", cap * 2);
        String phone = "+84918000003";
        take(session, phone, true, new Want(item, cap - 1));

        assertThatThrownBy(() -> take(session, phone, true, new Want(item, 2)))
                .isInstanceOfSatisfying(ProblemException.class, refused -> assertThat(refused.toProblem(null).detail)
                        .contains("at most " + cap).contains("already holds " + (cap - 1)));

        assertThat(held(session, phone)).isEqualTo(cap - 1);
        assertThat(bought(item, phone)).isEqualTo(cap - 1);
    }

    @Test
    void anOrderConfirmedAtOnceCountsOnlyItsLimits() {
        long session = newId();
        Item item = item(session, "BG01", 3);
        String phone = "+84918000004";

        take(session, phone, false, new Want(item, 3));

        assertThat(held(session, phone)).isZero();
        assertThat(bought(item, phone)).isEqualTo(3);
        assertThatThrownBy(() -> take(session, phone, false, new Want(item, 1)))
                .isInstanceOf(ProblemException.class);
        assertThat(bought(item, phone)).isEqualTo(3);
    }

    /** In a transaction that commits whatever the call did, refused or not: a refusal must give back what it counted. */
    private void take(long session, String phone, boolean holdsUnpaid, Want... wants) {
        ProblemException refused = QuarkusTransaction.requiringNew().call(() -> {
            try {
                newOrders.takeLimits(session, phone, List.of(wants), holdsUnpaid);
                return null;
            } catch (ProblemException refusal) {
                return refusal;
            }
        });
        if (refused != null) {
            throw refused;
        }
    }

    private static Item item(long session, String code, Integer perBuyerLimit) {
        return new Item(newId(), session, code, 1, "Sản phẩm " + code, 10_000, perBuyerLimit, 1_000, 0, false, 0);
    }

    /** The phone's held units in the session; 0 when it has no row. */
    private long held(long session, String phone) {
        return db.number("SELECT COALESCE(SUM(units), 0) FROM buyer_held_units WHERE session_id = ? AND buyer_phone = ?",
                session, phone);
    }

    /** The phone's units of the item; -1 when it has no row. */
    private long bought(Item item, String phone) {
        return db.number("SELECT COALESCE(MAX(units), -1) FROM buyer_item_units WHERE item_id = ? AND buyer_phone = ?",
                item.itemId(), phone);
    }

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    }
}
