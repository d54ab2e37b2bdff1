package vn.chotdon.platform.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import vn.chotdon.events.EventEnvelope;

/**
 * Applies one event to a service's own data. It runs inside the transaction that also records
 * the event as processed, so it is applied once however often the event is delivered.
 * Throw only for a failure that may pass (the event is retried until it succeeds); an event
 * that can never apply (unknown type, an aggregate this service does not know) should be
 * ignored by returning normally.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(EventEnvelope<JsonNode> event) throws Exception;
}
