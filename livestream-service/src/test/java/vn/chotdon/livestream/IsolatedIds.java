package vn.chotdon.livestream;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Test only. The Kafka broker is shared with the other modules' tests, which publish their own
 * order events for their own small session and item ids; starting this run's ids at a random
 * high number keeps those events from ever matching a session of these tests.
 */
@ApplicationScoped
public class IsolatedIds {

    private final EntityManager em;

    IsolatedIds(EntityManager em) {
        this.em = em;
    }

    @Transactional
    void startIdsHigh(@Observes StartupEvent event) {
        long base = ThreadLocalRandom.current().nextLong(1_000, 1_000_000) * 1_000;
        em.createNativeQuery("ALTER TABLE sale_session AUTO_INCREMENT = " + base).executeUpdate();
        em.createNativeQuery("ALTER TABLE lineup_item AUTO_INCREMENT = " + base).executeUpdate();
    }
}
