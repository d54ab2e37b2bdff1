package vn.chotdon.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.chotdon.testing.Db;
import vn.chotdon.platform.inbox.ProcessedEvents;

/** The idempotent-consumer record of the platform module, against the real database. */
@QuarkusTest
class ProcessedEventsTest {

    @Inject
    ProcessedEvents processed;

    Db db = Db.ofApplication();

    @Test
    void concurrentDeliveriesOfOneEventAreProcessedOnce() throws Exception {
        String eventId = UUID.randomUUID().toString();
        int deliveries = 16;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> firsts = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                firsts.add(pool.submit(() -> {
                    start.await();
                    return QuarkusTransaction.requiringNew().call(() -> processed.firstDelivery("race-test", eventId));
                }));
            }
            start.countDown();
            int processedCount = 0;
            for (Future<Boolean> first : firsts) {
                processedCount += first.get() ? 1 : 0;
            }
            assertThat(processedCount).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.number("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", eventId)).isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.firstDelivery("another-consumer", eventId)))
                .as("each consumer keeps its own record").isTrue();
    }

    @Test
    void anEffectThatRollsBackLeavesTheEventToBeProcessedAgain() {
        String eventId = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            assertThat(processed.firstDelivery("rollback-test", eventId)).isTrue();
            throw new IllegalStateException("the effect failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.firstDelivery("rollback-test", eventId)))
                .isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> processed.firstDelivery("rollback-test", eventId)))
                .isFalse();
    }
}
