package vn.chotdon.platform.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import vn.chotdon.events.EventEnvelope;

/**
 * Applies one event to a service's own data. It runs inside the transaction that also records
 * the event as processed, so it is applied once however often the event is delivered.
 * Throw when the event cannot be applied: it is retried a few times with a growing wait (the
 * partitions paused meanwhile), then parked for someone to look at and replay, and the consumer
 * goes on. A failure because the database cannot be reached is retried until it can, never
 * parked. An event that needs no change (unknown type, an aggregate this service does not
 * know) should be ignored by returning normally.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(EventEnvelope<JsonNode> event) throws Exception;
}
