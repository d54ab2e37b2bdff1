package vn.chotdon.simulation.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommittedOrdersTest {

    private final WallClock clock = new WallClock();

    @Test
    void an_order_is_placed_at_its_receipts_moment_not_at_the_whole_second_the_database_kept() {
        // MariaDB through Connector/J: placed_at lost its fractions.
        List<CommittedOrders.Stored> stored = List.of(
                new CommittedOrders.Stored("K7M3Q9TX", "2026-12-01T17:30:05.000000Z", 2),
                new CommittedOrders.Stored("H4N8R2WZ", "2026-12-01T17:30:05.000000Z", 1));
        List<String> receipts = List.of(receipt("K7M3Q9TX", "2026-12-01T17:30:05.875123Z"),
                receipt("H4N8R2WZ", "2026-12-01T17:30:05.250000Z"));

        List<EventLag.Committed> committed = CommittedOrders.moments(stored, receipts, clock);

        // In placing order, 625.123 ms apart (the clock converts to the microsecond), each with its own units.
        assertThat(committed).extracting(EventLag.Committed::units).containsExactly(1, 2);
        assertThat(committed.get(1).at() - committed.get(0).at()).isCloseTo(625_123_000L, within(1_000L));
    }

    @Test
    void an_order_whose_answer_never_came_keeps_the_databases_moment() {
        List<CommittedOrders.Stored> stored = List.of(
                new CommittedOrders.Stored("K7M3Q9TX", "2026-12-01T17:30:06.000000Z", 2),
                new CommittedOrders.Stored("H4N8R2WZ", "2026-12-01T17:30:05.000000Z", 1));
        List<String> receipts = List.of(receipt("H4N8R2WZ", "2026-12-01T17:30:05.500000Z"));

        List<EventLag.Committed> committed = CommittedOrders.moments(stored, receipts, clock);

        assertThat(committed.get(0).at()).isEqualTo(clock.toNanoTime("2026-12-01T17:30:05.500000Z"));
        assertThat(committed.get(1).at()).isEqualTo(clock.toNanoTime("2026-12-01T17:30:06.000000Z"));
    }

    /** A 201's body as order-service answers it, with what the benchmark reads of it. */
    private static String receipt(String code, String placedAt) {
        return "{\"order\":{\"code\":\"" + code + "\",\"placedAt\":\"" + placedAt + "\"},\"accessToken\":\"t\"}";
    }
}
