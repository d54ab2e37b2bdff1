package vn.chotdon.order.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.chotdon.order.readmodel.LiveLineups.Item;
import vn.chotdon.order.readmodel.LiveLineups.Lineup;
import vn.chotdon.order.service.NewOrders.Want;
import vn.chotdon.order.service.UnitsInFlight.AllClaimed;
import vn.chotdon.order.service.UnitsInFlight.Claim;
import vn.chotdon.order.service.UnitsInFlight.LetThrough;
import vn.chotdon.order.service.UnitsInFlight.Outcome;

class UnitsInFlightTest {

    private final UnitsInFlight inFlight = new UnitsInFlight();

    @Test
    void theUnitsLeftAreLetThroughAndTheNextTapIsRefusedSayingHowManyAreBeingOrdered() {
        Lineup copy = copy(item(12, 600, 597));

        Claim first = letThrough(inFlight.claim(copy, want(copy, 12, 2), "k1"));
        Claim second = letThrough(inFlight.claim(copy, want(copy, 12, 1), "k2"));
        Outcome third = inFlight.claim(copy, want(copy, 12, 1), "k3");

        assertThat(third).isEqualTo(new AllClaimed(want(copy, 12, 1).get(0), 3, 0, 3));
        assertThat(inFlight.running(12)).isEqualTo(3);
        second.close();
        assertThat(inFlight.running(12)).isEqualTo(2);
        assertThat(inFlight.claim(copy, want(copy, 12, 2), "k3")).isEqualTo(new AllClaimed(want(copy, 12, 2).get(0), 3, 1, 2));
        assertThat(inFlight.claim(copy, want(copy, 12, 1), "k3")).isInstanceOf(LetThrough.class);
        first.close();
    }

    @Test
    void aCommitIsCountedUntilACopyReadAfterItsBeginningShowsIt() {
        Lineup before = copy(item(12, 5, 0));
        Claim order = letThrough(inFlight.claim(before, want(before, 12, 5), "k1"));
        order.committing();
        order.committed();
        order.close();

        assertThat(inFlight.claim(before, want(before, 12, 1), "k2")).as("the copy read before the commit")
                .isInstanceOf(AllClaimed.class);
        Lineup after = copyReadNow(item(12, 5, 5));
        assertThat(inFlight.running(12)).isZero();
        assertThat(inFlight.claim(after, want(after, 12, 1), "k3")).as("refused by the copy itself, not here")
                .isEqualTo(new AllClaimed(want(after, 12, 1).get(0), 0, 0, 0));
    }

    @Test
    void aCommitBegunBeforeTheCopysReadEndedIsNotCountedTwice() {
        Claim order = letThrough(inFlight.claim(copy(item(12, 5, 0)), want(copy(item(12, 5, 0)), 12, 2), null));
        order.committing();
        Lineup readAfter = copyReadNow(item(12, 5, 2));

        assertThat(inFlight.claim(readAfter, want(readAfter, 12, 3), null)).isInstanceOf(LetThrough.class);
        order.committed();
    }

    @Test
    void aCommitThatFailedCountsAsRunningAgainAndAClaimClosedWithoutAnOrderGivesItsUnitsBack() {
        Lineup copy = copy(item(12, 4, 0));
        Claim order = letThrough(inFlight.claim(copy, want(copy, 12, 4), null));
        order.committing();
        order.notCommitted();
        assertThat(inFlight.running(12)).isEqualTo(4);
        assertThat(inFlight.claim(copyReadNow(item(12, 4, 0)), want(copy, 12, 1), null)).isInstanceOf(AllClaimed.class);

        order.close();
        order.close();

        assertThat(inFlight.running(12)).isZero();
        assertThat(inFlight.claim(copy, want(copy, 12, 4), null)).isInstanceOf(LetThrough.class);
    }

    @Test
    void aRetryOfARequestStillRunningIsLetThroughWithoutClaimingSoItWaitsForTheFirstsAnswer() {
        Lineup copy = copy(item(12, 1, 0));
        Claim first = letThrough(inFlight.claim(copy, want(copy, 12, 1), "same-key"));

        Claim retry = letThrough(inFlight.claim(copy, want(copy, 12, 1), "same-key"));

        assertThat(retry.holdsUnits()).isFalse();
        retry.close();
        assertThat(inFlight.running(12)).isEqualTo(1);
        first.close();
        assertThat(inFlight.claim(copy, want(copy, 12, 1), "same-key")).isInstanceOf(LetThrough.class);
    }

    @Test
    void anOrderOfSeveralItemsClaimsAllOrNothing() {
        Lineup copy = copy(item(12, 10, 0), item(13, 1, 0));
        letThrough(inFlight.claim(copy, want(copy, 13, 1), null));

        Outcome both = inFlight.claim(copy, List.of(new Want(copy.byId().get(13L), 1), new Want(copy.byId().get(12L), 3)),
                null);

        assertThat(both).isInstanceOf(AllClaimed.class);
        assertThat(((AllClaimed) both).want().item().itemId()).isEqualTo(13);
        assertThat(inFlight.running(12)).as("nothing claimed of the item that had units").isZero();
    }

    @Test
    void racingTapsClaimExactlyTheUnitsLeft() throws Exception {
        Lineup copy = copy(item(12, 300, 0), item(13, 50, 0));
        int threads = 16;
        int tapsEach = 500;
        ConcurrentLinkedQueue<Claim> held = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < tapsEach; i++) {
                        // Every third tap also wants the small item: an order of two items claims both or neither.
                        List<Want> wants = (thread + i) % 3 == 0
                                ? List.of(new Want(copy.byId().get(13L), 1), new Want(copy.byId().get(12L), 1))
                                : want(copy, 12, 1);
                        Outcome outcome = inFlight.claim(copy, wants, thread + "-" + i);
                        if (outcome instanceof LetThrough through) {
                            held.add(through.claim());
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(inFlight.running(12)).isEqualTo(300);
        assertThat(inFlight.running(13)).isLessThanOrEqualTo(50);
        assertThat(held.size() + refused.get()).isEqualTo(threads * tapsEach);
        assertThat(held).hasSize(300);
        held.forEach(Claim::close);
        assertThat(inFlight.running(12)).isZero();
        assertThat(inFlight.running(13)).isZero();
    }

    private static Claim letThrough(Outcome outcome) {
        assertThat(outcome).isInstanceOf(LetThrough.class);
        return ((LetThrough) outcome).claim();
    }

    private static List<Want> want(Lineup copy, long itemId, long units) {
        return List.of(new Want(copy.byId().get(itemId), units));
    }

    private static Item item(long itemId, long quota, long taken) {
        return new Item(itemId, 5, "I" + itemId, 100 + itemId, "Bánh gio", 15000, null, quota, taken, false, 1);
    }

    /** Read a second ago: before anything this test commits. */
    private static Lineup copy(Item... items) {
        return lineup(System.nanoTime() - 1_000_000_000L, items);
    }

    private static Lineup copyReadNow(Item... items) {
        return lineup(System.nanoTime(), items);
    }

    private static Lineup lineup(long readDone, Item... items) {
        Map<Long, Item> byId = new HashMap<>();
        Map<String, Item> byCode = new HashMap<>();
        for (Item item : items) {
            byId.put(item.itemId(), item);
            byCode.put(item.code(), item);
        }
        return new Lineup(5, 7, "LIVE", 30, false, 1, Map.copyOf(byId), Map.copyOf(byCode), readDone, readDone);
    }
}
