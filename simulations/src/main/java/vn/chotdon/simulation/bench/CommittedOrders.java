package vn.chotdon.simulation.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Every order of a session as order-service's database holds it: its placed_at (set in the
 * order's transaction, just before the commit) and its units. Read from the database rather than
 * from the 201s because a tap that timed out may still have been committed, and the views count it.
 */
final class CommittedOrders {

    private CommittedOrders() {
    }

    /** By placed_at, on this JVM's nanoTime scale. */
    static List<EventLag.Committed> of(Database database, long session, WallClock clock) throws Exception {
        List<EventLag.Committed> committed = new ArrayList<>();
        try (Connection c = database.connect("chotdon_order");
             PreparedStatement q = c.prepareStatement("SELECT DATE_FORMAT(o.placed_at, '%Y-%m-%dT%H:%i:%s.%fZ'),"
                     + " SUM(l.quantity) FROM orders o JOIN order_line l ON l.order_id = o.id WHERE o.session_id = ?"
                     + " GROUP BY o.id, o.placed_at ORDER BY o.placed_at")) {
            q.setLong(1, session);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    committed.add(new EventLag.Committed(clock.toNanoTime(rs.getString(1)), rs.getInt(2)));
                }
            }
        }
        return committed;
    }
}
