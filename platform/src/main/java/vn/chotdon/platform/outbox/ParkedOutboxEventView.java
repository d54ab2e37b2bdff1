package vn.chotdon.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A parked outbox row as an admin sees it: what it is and why Kafka refused it, not its payload. */
@Schema(name = "ParkedOutboxEvent", description = "An outbox event Kafka refused for good, without its payload")
public record ParkedOutboxEventView(
        @Schema(required = true, example = "4711") long id,
        @Schema(required = true, example = "0b6f2f64-3a4e-4f1c-9d55-0e9f0f7c2a11") String eventId,
        @Schema(required = true, example = "chotdon.orders") String topic,
        @Schema(required = true, description = "The Kafka record key (the id whose events stay in order)", example = "5")
        String key,
        @Schema(required = true, example = "vn.chotdon.order.placed") String type,
        @Schema(required = true, implementation = String.class, format = "date-time", example = "2026-12-01T12:00:00Z")
        Instant occurredAt,
        @Schema(required = true, description = "Attempts to send it", example = "1") int attempts,
        @Schema(required = true, nullable = true, description = "Why Kafka refused it the last time",
                example = "org.apache.kafka.common.errors.RecordTooLargeException: The message is 2097240 bytes")
        String lastError,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time",
                description = "Null once released: the relay sends it again", example = "2026-12-01T12:00:05Z")
        Instant parkedAt,
        @Schema(required = true, description = "Size of the payload in UTF-8", example = "2097152") long payloadBytes) {

    public static ParkedOutboxEventView of(OutboxEvent row) {
        return new ParkedOutboxEventView(row.id, row.eventId, row.topic, row.messageKey, row.eventType, row.occurredAt,
                row.attempts, row.lastError, row.parkedAt, row.payload.getBytes(StandardCharsets.UTF_8).length);
    }
}
