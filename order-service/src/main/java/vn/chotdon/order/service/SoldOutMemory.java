package vn.chotdon.order.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.chotdon.order.config.OrderSettings;
import vn.chotdon.order.readmodel.LiveLineups;

/**
 * Remembers for a moment which items were just found sold out, so that the flood of orders
 * after a sell-out is refused from memory, before any database work, instead of queueing on the
 * item's row lock. Units released by a cancellation or expiry in any instance are seen again
 * once the memory lapses.
 */
@ApplicationScoped
public class SoldOutMemory {

    /** What a refusal names. */
    public record SoldOutItem(long itemId, String code, String productName, long until) {
    }

    private final ConcurrentHashMap<Long, SoldOutItem> byItem = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SoldOutItem> byCode = new ConcurrentHashMap<>();
    private final long memoryNanos;

    SoldOutMemory(OrderSettings settings) {
        this.memoryNanos = settings.soldOutMemory().toNanos();
    }

    public boolean isSoldOut(long itemId) {
        return fresh(byItem.get(itemId)).isPresent();
    }

    /** The item of this session with this code, if it was just found sold out. */
    public Optional<SoldOutItem> soldOut(long sessionId, String code) {
        return fresh(byCode.get(key(sessionId, code)));
    }

    public Optional<SoldOutItem> soldOut(long itemId) {
        return fresh(byItem.get(itemId));
    }

    public void remember(LiveLineups.Item item) {
        SoldOutItem soldOut = new SoldOutItem(item.itemId(), item.code(), item.productName(),
                System.nanoTime() + memoryNanos);
        byItem.put(item.itemId(), soldOut);
        byCode.put(key(item.sessionId(), item.code()), soldOut);
    }

    public void forget(long itemId) {
        SoldOutItem gone = byItem.remove(itemId);
        if (gone != null) {
            byCode.values().remove(gone);
        }
    }

    private static Optional<SoldOutItem> fresh(SoldOutItem item) {
        return item != null && System.nanoTime() - item.until() < 0 ? Optional.of(item) : Optional.empty();
    }

    private static String key(long sessionId, String code) {
        return sessionId + "/" + code.toUpperCase(Locale.ROOT);
    }
}
