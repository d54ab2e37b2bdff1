package vn.chotdon.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A parked outbox row as an admin sees it: what it is and why Kafka refused it, not its payload. */
@Schema(name = "ParkedOutboxEvent")
public record ParkedOutboxEventView(
        @Schema(example = "4711") long id,
        @Schema(example = "0b6f2f64-3a4e-4f1c-9d55-0e9f0f7c2a11") String eventId,
        @Schema(example = "chotdon.orders") String topic,
        @Schema(description = "The Kafka record key (the id whose events stay in order)", example = "5") String key,
        @Schema(example = "vn.chotdon.order.placed") String type,
        Instant occurredAt,
        @Schema(example = "1") int attempts,
        @Schema(example = "org.apache.kafka.common.errors.RecordTooLargeException: The message is 2097240 bytes")
        String lastError,
        @Schema(description = "Null once released: the relay sends it again") Instant parkedAt,
        @Schema(example = "2097152") long payloadBytes) {

    public static ParkedOutboxEventView of(OutboxEvent row) {
        return new ParkedOutboxEventView(row.id, row.eventId, row.topic, row.messageKey, row.eventType, row.occurredAt,
                row.attempts, row.lastError, row.parkedAt, row.payload.getBytes(StandardCharsets.UTF_8).length);
    }
}
