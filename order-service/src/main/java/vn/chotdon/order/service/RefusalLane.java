package vn.chotdon.order.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import vn.chotdon.order.config.OrderSettings;

/**
 * The threads that answer order requests refused from memory (an item just found sold out). In a
 * flash sale most taps come after the item sold out; answered on the worker pool they would wait
 * behind every order still queued there, seconds for a refusal that needs one indexed read (the
 * Idempotency-Key's earlier order, if any). A few threads of their own keep that read off the
 * worker queue.
 */
@ApplicationScoped
public class RefusalLane {

    private final ExecutorService threads;

    RefusalLane(OrderSettings settings) {
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(settings.refusalLaneThreads(), task -> {
            Thread thread = new Thread(task, "refusal-lane-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public ExecutorService threads() {
        return threads;
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
