package vn.chotdon.testing.fuzz;

import java.util.UUID;
import vn.chotdon.testing.Db;

/**
 * An outbox event the relay gave up on, written straight into the service's outbox table, so that
 * the admin operations on parked outbox events have one to find and retry. Its topic and type are
 * the tests' own: sending it again changes nothing any service reads.
 */
public final class ParkedOutboxRows {

    private ParkedOutboxRows() {
    }

    /** @return the parked outbox row's id */
    public static long park(Db db) {
        String eventId = UUID.randomUUID().toString();
        db.execute("INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, occurred_at, attempts,"
                + " last_error, parked_at) VALUES (?, 'chotdon.tests', 'fuzz', 'vn.chotdon.tests.nothing-happened', ?,"
                + " UTC_TIMESTAMP(6), 5, 'org.apache.kafka.common.errors.RecordTooLargeException: made up by a test',"
                + " UTC_TIMESTAMP(6))", eventId, "{\"id\":\"" + eventId + "\"}");
        return db.number("SELECT id FROM outbox_event WHERE event_id = ?", eventId);
    }
}
