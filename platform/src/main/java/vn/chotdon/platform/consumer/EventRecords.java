package vn.chotdon.platform.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import vn.chotdon.events.EventEnvelope;

/**
 * Reads a Kafka record's value as an event envelope. A value that is not a JSON envelope, or
 * lacks its id, type or payload, can never be applied: it is {@link Unreadable} and parked at once
 * with what could be made out of it.
 */
public final class EventRecords {

    private static final TypeReference<EventEnvelope<JsonNode>> ENVELOPE = new TypeReference<>() {
    };

    private final ObjectMapper json;
    /** Envelopes may carry attributes this version does not know (additive changes only). */
    private final ObjectReader envelopes;

    public EventRecords(ObjectMapper json) {
        this.json = json;
        this.envelopes = json.readerFor(ENVELOPE).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** What a record's value holds. */
    public sealed interface Read permits Readable, Unreadable {
    }

    public record Readable(EventEnvelope<JsonNode> event) implements Read {
    }

    /** @param eventId, type, cooperativeId whatever could be read, or null */
    public record Unreadable(String reason, String eventId, String type, Long cooperativeId) implements Read {
    }

    public Read read(String value) {
        if (value == null || value.isBlank()) {
            return new Unreadable("the record has no value", null, null, null);
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JsonProcessingException e) {
            return new Unreadable("not JSON: " + e.getOriginalMessage(), null, null, null);
        }
        if (root == null || !root.isObject()) {
            return new Unreadable("not a JSON object", null, null, null);
        }
        String id = text(root, "id");
        String type = text(root, "type");
        Long cooperativeId = cooperativeOf(root.path("data"));
        if (id == null || type == null) {
            return new Unreadable("the envelope has no " + (id == null ? "id" : "type"), id, type, cooperativeId);
        }
        if (root.path("data").isMissingNode() || root.path("data").isNull()) {
            return new Unreadable("the envelope has no payload (data is null)", id, type, cooperativeId);
        }
        try {
            return new Readable(envelopes.readValue(root));
        } catch (IOException | IllegalArgumentException e) {
            return new Unreadable("not an event envelope: " + e.getMessage(), id, type, cooperativeId);
        }
    }

    /** The cooperative a payload is about, when it names one as a number; it decides which owner may see the parked event. */
    public static Long cooperativeOf(JsonNode data) {
        JsonNode cooperative = data == null ? null : data.path("cooperativeId");
        return cooperative != null && cooperative.isIntegralNumber() && cooperative.canConvertToLong()
                ? cooperative.asLong() : null;
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.path(field);
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
