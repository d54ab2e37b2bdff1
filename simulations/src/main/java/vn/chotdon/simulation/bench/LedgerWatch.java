package vn.chotdon.simulation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Polls catalog-service's reservations of the sale's products every 100 ms (as staff watching
 * stock would) and notes the units its stock ledger counts as held or sold for the session.
 */
final class LedgerWatch {

    static final long EVERY_MILLIS = 100;

    final Progress progress = new Progress();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "ledger-watch");
        thread.setDaemon(true);
        return thread;
    });

    static LedgerWatch follow(Services services, Sale sale) {
        LedgerWatch watch = new LedgerWatch();
        watch.clock.scheduleWithFixedDelay(() -> watch.poll(services, sale), 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    private void poll(Services services, Sale sale) {
        try {
            long units = 0;
            for (Sale.Item item : sale.items()) {
                JsonNode reservation = services.get(services.catalog + "/products/" + item.productId()
                        + "/reservations/" + sale.sessionId(), sale.ownerToken());
                if (reservation == null) {
                    return;
                }
                units += reservation.path("held").asLong() + reservation.path("sold").asLong();
            }
            progress.saw(System.nanoTime(), units);
        } catch (RuntimeException e) {
            // catalog-service busy or restarting: the next poll tries again.
        }
    }

    void stop() {
        clock.shutdownNow();
    }
}
