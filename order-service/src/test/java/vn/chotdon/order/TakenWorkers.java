package vn.chotdon.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Every worker thread taken, as by the orders of a flood waiting on the database, until released:
 * requests that need a worker wait meanwhile.
 */
final class TakenWorkers implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);

    private TakenWorkers() {
    }

    static TakenWorkers all(int workerThreads) throws InterruptedException {
        TakenWorkers taken = new TakenWorkers();
        CountDownLatch busy = new CountDownLatch(workerThreads);
        for (int i = 0; i < workerThreads; i++) {
            Infrastructure.getDefaultWorkerPool().execute(() -> {
                busy.countDown();
                try {
                    taken.release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(busy.await(30, TimeUnit.SECONDS)).as("all worker threads taken").isTrue();
        return taken;
    }

    void release() {
        release.countDown();
    }

    @Override
    public void close() {
        release();
    }
}
