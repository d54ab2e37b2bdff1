package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** Reading the constraints of an OpenAPI 3.0 schema (resolved, without $ref). */
final class Schemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Schemas() {
    }

    /** The schema with its allOf merged in, or one of its oneOf/anyOf alternatives. */
    static JsonNode effective(JsonNode schema, RandomGenerator random) {
        if (schema == null || !schema.isObject()) {
            return schema == null ? NODES.objectNode() : schema;
        }
        JsonNode current = schema;
        for (String combined : List.of("oneOf", "anyOf")) {
            if (current.path(combined).size() > 0) {
                JsonNode chosen = current.get(combined).get(random.nextInt(current.get(combined).size()));
                ObjectNode merged = ((ObjectNode) current).deepCopy();
                merged.remove(combined);
                current = merge(merged, effective(chosen, random));
            }
        }
        if (current.path("allOf").size() > 0) {
            ObjectNode merged = ((ObjectNode) current).deepCopy();
            merged.remove("allOf");
            for (JsonNode part : current.get("allOf")) {
                merged = merge(merged, effective(part, random));
            }
            current = merged;
        }
        return current;
    }

    private static ObjectNode merge(ObjectNode into, JsonNode part) {
        ObjectNode merged = into.deepCopy();
        part.fields().forEachRemaining(field -> {
            if (field.getKey().equals("properties") && merged.has("properties")) {
                ((ObjectNode) merged.get("properties")).setAll((ObjectNode) field.getValue());
            } else if (field.getKey().equals("required") && merged.has("required")) {
                ((ArrayNode) merged.get("required")).addAll((ArrayNode) field.getValue());
            } else if (!merged.has(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    static String type(JsonNode schema) {
        if (schema.hasNonNull("type")) {
            return schema.get("type").asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return "";
    }

    static Set<String> required(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    static boolean nullable(JsonNode schema) {
        return schema.path("nullable").asBoolean(false);
    }

    static boolean readOnly(JsonNode schema) {
        return schema.path("readOnly").asBoolean(false);
    }

    /** The least value an integer or number may have, format and minimum together. */
    static BigDecimal minimum(JsonNode schema) {
        BigDecimal min = formatRange(schema)[0];
        if (schema.has("minimum")) {
            BigDecimal declared = schema.get("minimum").decimalValue();
            if (schema.path("exclusiveMinimum").asBoolean(false)) {
                declared = declared.add(BigDecimal.ONE);
            }
            min = min == null ? declared : min.max(declared);
        }
        return min;
    }

    static BigDecimal maximum(JsonNode schema) {
        BigDecimal max = formatRange(schema)[1];
        if (schema.has("maximum")) {
            BigDecimal declared = schema.get("maximum").decimalValue();
            if (schema.path("exclusiveMaximum").asBoolean(false)) {
                declared = declared.subtract(BigDecimal.ONE);
            }
            max = max == null ? declared : max.min(declared);
        }
        return max;
    }

    private static BigDecimal[] formatRange(JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("int32")) {
            return new BigDecimal[] { BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE) };
        }
        if (format.equals("int64") || type(schema).equals("integer")) {
            return new BigDecimal[] { BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE) };
        }
        return new BigDecimal[] { null, null };
    }

    /** Whether a string keeps the schema's length, pattern and enum (used to trust an example). */
    static boolean fits(JsonNode schema, JsonNode value) {
        if (value == null || value.isNull()) {
            return nullable(schema);
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.equals(value);
            }
            if (!listed) {
                return false;
            }
        }
        String type = type(schema);
        if (type.equals("string")) {
            if (!value.isTextual()) {
                return false;
            }
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            return length >= schema.path("minLength").asInt(0)
                    && length <= schema.path("maxLength").asInt(Integer.MAX_VALUE)
                    && (!schema.has("pattern") || Pattern.compile(schema.get("pattern").asText()).matcher(text).find());
        }
        if (type.equals("integer") || type.equals("number")) {
            if (!value.isNumber() || (type.equals("integer") && !value.isIntegralNumber())) {
                return false;
            }
            BigDecimal number = value.decimalValue();
            BigDecimal min = minimum(schema);
            BigDecimal max = maximum(schema);
            return (min == null || number.compareTo(min) >= 0) && (max == null || number.compareTo(max) <= 0);
        }
        if (type.equals("boolean")) {
            return value.isBoolean();
        }
        if (type.equals("array")) {
            return value.isArray() && value.size() >= schema.path("minItems").asInt(0)
                    && value.size() <= schema.path("maxItems").asInt(Integer.MAX_VALUE);
        }
        return type.equals("object") ? value.isObject() : true;
    }

    /** Free text: a string with no enum or format, where a person writes what they like. */
    static boolean freeText(JsonNode schema) {
        return type(schema).equals("string") && !schema.has("enum") && !schema.has("format");
    }
}
