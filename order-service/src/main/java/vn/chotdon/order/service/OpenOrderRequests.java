package vn.chotdon.order.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import vn.chotdon.order.config.OrderSettings;

/**
 * The order requests this instance holds open, up to {@code chotdon.orders.max-open-requests}: in a
 * flood of taps each open request holds heap until it is answered, and past the cap one more is
 * refused at once rather than risking the heap every other request needs.
 */
@ApplicationScoped
public class OpenOrderRequests {

    private final AtomicInteger open = new AtomicInteger();
    private final int most;

    OpenOrderRequests(OrderSettings settings, MeterRegistry metrics) {
        this.most = settings.maxOpenRequests();
        metrics.gauge("chotdon.orders.open.requests", open);
    }

    /** @return whether the request is taken; if it is, {@link #close()} once it is answered */
    public boolean open() {
        if (open.incrementAndGet() > most) {
            open.decrementAndGet();
            return false;
        }
        return true;
    }

    public void close() {
        open.decrementAndGet();
    }
}
