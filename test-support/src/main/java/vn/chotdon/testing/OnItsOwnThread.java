package vn.chotdon.testing;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Blocking work a test runs beside itself (a request that waits for a row lock, a crowd of buyers),
 * each on a thread of its own. Not CompletableFuture's default pool: on 2 cores the common pool has
 * one thread, and JDK 25 runs async tasks there (JDK 17 gave each its own thread), so a second
 * waiting request queued behind the first and never reached the server.
 */
public final class OnItsOwnThread {

    private OnItsOwnThread() {
    }

    public static <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, task -> {
            Thread thread = new Thread(task, "test-background");
            thread.setDaemon(true);
            thread.start();
        });
    }
}
