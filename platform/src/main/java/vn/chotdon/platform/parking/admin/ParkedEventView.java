package vn.chotdon.platform.parking.admin;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.parking.ParkedEvent;
import vn.chotdon.platform.parking.ParkedEventStatus;

/** A parked event as the admin endpoints show it. */
@Schema(name = "ParkedEvent", description = "An event a consumer gave up on, with the record as received and the last error")
public record ParkedEventView(
        @Schema(required = true, example = "12") long id,
        @Schema(required = true, description = "The consumer group that parked it", example = "order-service.read-model")
        String consumer,
        @Schema(required = true, example = "chotdon.livestream.sessions") String topic,
        @Schema(required = true, example = "0") int partition,
        @Schema(required = true, example = "4711") long offset,
        @Schema(required = true, nullable = true, description = "The record's key; null when the record had none",
                example = "5") String key,
        @Schema(required = true, nullable = true, description = "Null when the record could not be read far enough",
                example = "0b6f2f64-3a4e-4f1c-9d55-0e9f0f7c2a11") String eventId,
        @Schema(required = true, nullable = true, description = "Null when the record could not be read far enough",
                example = "vn.chotdon.livestream.lineup.item-added") String eventType,
        @Schema(required = true, nullable = true, description = "The payload's cooperative, when it names one",
                example = "7") Long cooperativeId,
        @Schema(required = true, nullable = true, description = "The record's value exactly as received; null when the"
                + " record had none", example = "{\"eventId\":\"0b6f2f64-3a4e-4f1c-9d55-0e9f0f7c2a11\"}") String payload,
        @Schema(required = true, description = "False for a record that is not a readable event: it can be looked at,"
                + " not replayed") boolean replayable,
        @Schema(required = true, description = "The last failure: exception class and message",
                example = "java.lang.IllegalStateException: lineup item 41 not found") String error,
        @Schema(required = true, description = "Failed attempts, replays included", example = "5") int attempts,
        @Schema(required = true) ParkedEventStatus status,
        @Schema(required = true, implementation = String.class, format = "date-time", example = "2026-12-01T12:00:00Z")
        Instant parkedAt,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time",
                description = "When it was replayed; null while PARKED", example = "2026-12-01T12:05:00Z")
        Instant replayedAt) {

    public static ParkedEventView of(ParkedEvent event) {
        return new ParkedEventView(event.id, event.consumer, event.topic, event.partition, event.offset,
                event.recordKey, event.eventId, event.eventType, event.cooperativeId, event.payload, event.readable,
                event.error, event.attempts, event.status, event.parkedAt, event.replayedAt);
    }
}
