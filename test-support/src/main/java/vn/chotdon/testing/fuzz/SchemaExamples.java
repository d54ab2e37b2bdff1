package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A well-formed value for a schema: its example, else its first enum value, else a plain value of
 * its type. Fields named like a known value (cooperativeId, sessionId, code...) take that value,
 * so that a mutated body still points at data that exists and reaches the code behind validation.
 * Required fields are always there, optional ones half of the time.
 */
final class SchemaExamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DEPTH = 8;

    private final KnownValues known;
    private final RandomGenerator random;

    SchemaExamples(KnownValues known, RandomGenerator random) {
        this.known = known;
        this.random = random;
    }

    JsonNode example(JsonNode schema) {
        return example(null, schema, 0);
    }

    private JsonNode example(String name, JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > MAX_DEPTH) {
            return NODES.nullNode();
        }
        if (name != null && known.knows(List.of(name))) {
            String value = known.values(List.of(name)).get(0);
            return isNumeric(schema) && value.matches("-?\\d{1,18}") ? NODES.numberNode(Long.parseLong(value))
                    : NODES.textNode(value);
        }
        if (schema.has("example")) {
            return exampleValue(schema.get("example"), schema);
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combined) && schema.get(combined).size() > 0) {
                return example(name, schema.get(combined).get(0), depth + 1);
            }
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                Set<String> required = new HashSet<>();
                schema.path("required").forEach(field -> required.add(field.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    // Optional fields come and go, so that fields that exclude each other are not always both there.
                    boolean present = required.contains(field.getKey()) || random.nextBoolean();
                    if (present && !field.getValue().path("readOnly").asBoolean(false)) {
                        object.set(field.getKey(), example(field.getKey(), field.getValue(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                array.add(example(null, schema.path("items"), depth + 1));
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1);
            }
            case "number" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.textNode(textFor(schema));
            }
        }
    }

    /**
     * Examples of a string schema may be written as JSON text ("{...}") by the annotations. A copy,
     * never the document's own node: the malformed requests change what they are given, and the
     * document must stay as the service wrote it for the valid requests drawn from it later.
     */
    private static JsonNode exampleValue(JsonNode example, JsonNode schema) {
        if (example.isTextual() && ("object".equals(type(schema)) || "array".equals(type(schema)))) {
            try {
                return JSON.readTree(example.asText());
            } catch (Exception e) {
                return example.deepCopy();
            }
        }
        return example.deepCopy();
    }

    private static String textFor(JsonNode schema) {
        String format = schema.path("format").asText("");
        return switch (format) {
            case "date-time" -> "2026-12-01T09:00:00+07:00";
            case "date" -> "2026-12-01";
            case "uri", "url" -> "https://example.com/a.jpg";
            case "uuid" -> "6f1c2a4e-3b1d-4c3e-9f0a-1b2c3d4e5f60";
            default -> "Bánh gio";
        };
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    static boolean isNumeric(JsonNode schema) {
        String type = type(schema);
        return type.equals("integer") || type.equals("number");
    }
}
