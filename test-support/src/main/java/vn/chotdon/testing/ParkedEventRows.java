package vn.chotdon.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Parked events written straight into the service's table, for tests of the admin endpoints that need one to exist. */
public final class ParkedEventRows {

    private ParkedEventRows() {
    }

    /**
     * Parks an event about this cooperative for this consumer group. Its type is one no handler
     * knows, so a replay applies nothing and succeeds.
     *
     * @return the parked event's id
     */
    public static long parkHarmless(Db db, String consumer, long cooperativeId) {
        long offset = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String eventId = java.util.UUID.randomUUID().toString();
        String payload = "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/chotdon/tests\","
                + "\"type\":\"vn.chotdon.tests.nothing-happened\",\"time\":\"2026-01-01T00:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"schemaversion\":1,\"data\":{\"cooperativeId\":"
                + cooperativeId + "}}";
        db.execute("INSERT INTO parked_event (consumer, topic, kafka_partition, kafka_offset, record_key, event_id,"
                + " event_type, cooperative_id, payload, readable, error, attempts, status, parked_at)"
                + " VALUES (?, 'chotdon.tests', 0, ?, NULL, ?, 'vn.chotdon.tests.nothing-happened', ?, ?, TRUE,"
                + " 'java.lang.IllegalStateException: made up by a test', 3, 'PARKED', UTC_TIMESTAMP(6))",
                consumer, offset, eventId, cooperativeId, payload);
        return db.number("SELECT id FROM parked_event WHERE consumer = ? AND topic = 'chotdon.tests' AND kafka_offset = ?",
                consumer, offset);
    }
}
