package vn.chotdon.order.buyer.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** A DATETIME(6) column read by a native query: the driver may give it as any of these; it holds UTC. */
final class StoredInstant {

    private StoredInstant() {
    }

    static Instant of(Object column) {
        if (column instanceof Timestamp t) {
            return t.toInstant();
        }
        if (column instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        return (Instant) column;
    }
}
