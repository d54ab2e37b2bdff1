package vn.chotdon.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers for a moment which items were just found sold out, so that the flood of orders
 * after a sell-out is refused from memory instead of queueing on the item's row lock. Units
 * released by a cancellation or expiry in any instance are seen again once the memory lapses.
 */
@ApplicationScoped
public class SoldOutMemory {

    private final ConcurrentHashMap<Long, Long> soldOutUntil = new ConcurrentHashMap<>();
    private final long memoryNanos;

    SoldOutMemory(@ConfigProperty(name = "chotdon.orders.sold-out-memory", defaultValue = "1s") Duration memory) {
        this.memoryNanos = memory.toNanos();
    }

    public boolean isSoldOut(long itemId) {
        Long until = soldOutUntil.get(itemId);
        if (until == null) {
            return false;
        }
        if (System.nanoTime() - until >= 0) {
            soldOutUntil.remove(itemId, until);
            return false;
        }
        return true;
    }

    public void remember(long itemId) {
        soldOutUntil.put(itemId, System.nanoTime() + memoryNanos);
    }

    public void forget(long itemId) {
        soldOutUntil.remove(itemId);
    }
}
