package vn.chotdon.platform.parking.admin;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.parking.ParkedEvent;
import vn.chotdon.platform.parking.ParkedEventStatus;

/** A parked event as the admin endpoints show it. */
@Schema(name = "ParkedEvent", description = "An event a consumer gave up on, with the record as received and the last error")
public record ParkedEventView(
        @Schema(example = "12") long id,
        @Schema(description = "The consumer group that parked it", example = "order-service.read-model") String consumer,
        @Schema(example = "chotdon.livestream.sessions") String topic,
        @Schema(example = "0") int partition,
        @Schema(example = "4711") long offset,
        @Schema(description = "The record's key", example = "5") String key,
        @Schema(description = "Null when the record could not be read far enough") String eventId,
        @Schema(example = "vn.chotdon.livestream.lineup.item-added") String eventType,
        @Schema(description = "The payload's cooperative, when it names one", example = "7") Long cooperativeId,
        @Schema(description = "The record's value exactly as received") String payload,
        @Schema(description = "False for a record that is not a readable event: it can be looked at, not replayed") boolean replayable,
        @Schema(description = "The last failure: exception class and message") String error,
        @Schema(description = "Failed attempts, replays included", example = "5") int attempts,
        ParkedEventStatus status,
        Instant parkedAt,
        Instant replayedAt) {

    public static ParkedEventView of(ParkedEvent event) {
        return new ParkedEventView(event.id, event.consumer, event.topic, event.partition, event.offset,
                event.recordKey, event.eventId, event.eventType, event.cooperativeId, event.payload, event.readable,
                event.error, event.attempts, event.status, event.parkedAt, event.replayedAt);
    }
}
