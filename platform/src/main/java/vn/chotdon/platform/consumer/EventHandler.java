package vn.chotdon.platform.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import vn.chotdon.events.EventEnvelope;

/**
 * Applies one event to a service's own data. It runs inside the transaction that also records
 * the event as processed, so it is applied once however often the event is delivered. Several
 * events may share one transaction (the consumer applies a poll's records together, in their
 * order), so a handler must not assume the transaction holds only its event.
 * Throw when the event cannot be applied: it is retried a few times with a growing wait (the
 * partitions paused meanwhile), then parked for someone to look at and replay, and the consumer
 * goes on. A failure because the database cannot be reached is retried until it can, never
 * parked. An event that needs no change (unknown type, an aggregate this service does not
 * know) should be ignored by returning normally.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(EventEnvelope<JsonNode> event) throws Exception;

    /**
     * Called once at the end of a transaction that applied at least one event, after the last
     * {@link #handle} of it: for work done once per transaction rather than per event, such as
     * touching a row that must be the last one the transaction locks.
     */
    default void beforeCommit() throws Exception {
    }
}
