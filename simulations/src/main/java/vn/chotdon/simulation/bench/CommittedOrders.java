package vn.chotdon.simulation.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every order of a session as order-service's database holds it, with the moment it was placed
 * (set in the order's transaction, just before the commit) and its units. Read from the database
 * rather than from the 201s because a tap that timed out may still have been committed, and the
 * views count it. The moment comes from the order's receipt where the benchmark has it: the
 * database's placed_at has whole seconds only on MariaDB (Connector/J reads its version as 5.5.5
 * and drops the fractions it sends), which made every lag look up to a second longer.
 */
final class CommittedOrders {

    /** An order as the database holds it: its code, placed_at (ISO-8601, UTC) and units. */
    record Stored(String code, String placedAt, int units) {
    }

    private CommittedOrders() {
    }

    /** By the moment each was placed, on this JVM's nanoTime scale. */
    static List<EventLag.Committed> of(Database database, long session, WallClock clock, List<String> receipts)
            throws Exception {
        List<Stored> stored = new ArrayList<>();
        try (Connection c = database.connect("chotdon_order");
             PreparedStatement q = c.prepareStatement("SELECT o.code, DATE_FORMAT(o.placed_at, '%Y-%m-%dT%H:%i:%s.%fZ'),"
                     + " SUM(l.quantity) FROM orders o JOIN order_line l ON l.order_id = o.id WHERE o.session_id = ?"
                     + " GROUP BY o.id, o.code, o.placed_at")) {
            q.setLong(1, session);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.add(new Stored(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
        }
        return moments(stored, receipts, clock);
    }

    /** Each stored order at its receipt's placedAt when a 201 brought one, else at its placed_at; by time. */
    static List<EventLag.Committed> moments(List<Stored> stored, List<String> receipts, WallClock clock) {
        Map<String, String> placedAt = new HashMap<>();
        for (String receipt : receipts) {
            JsonNode order = Services.read(receipt).path("order");
            placedAt.put(order.path("code").asText(), order.path("placedAt").asText());
        }
        List<EventLag.Committed> committed = new ArrayList<>();
        for (Stored order : stored) {
            committed.add(new EventLag.Committed(clock.toNanoTime(placedAt.getOrDefault(order.code(), order.placedAt())),
                    order.units()));
        }
        committed.sort(Comparator.comparingLong(EventLag.Committed::at));
        return committed;
    }
}
