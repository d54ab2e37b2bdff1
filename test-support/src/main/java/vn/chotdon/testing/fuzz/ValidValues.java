package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Values that keep a schema: its type and format (date-time, int32, int64...), enum, pattern,
 * minimum and maximum, minLength and maxLength, minItems and maxItems, required and nullable
 * fields. Free text is Vietnamese a person would write; now and then a value sits on a limit
 * (the longest text, the largest number). A field or parameter named like a known value takes
 * that value, so that valid requests reach data that exists; now and then it takes a generated
 * one instead, an id that does not exist.
 */
final class ValidValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] WORDS = { "Bánh", "gio", "Thanh", "Huệ", "Gạo", "ST25", "Sóc", "Trăng", "Mật", "ong",
            "bạc", "hà", "HTX", "Nông", "nghiệp", "Đan", "Phượng", "Xã", "Hà", "Nội", "Thôn", "Thượng", "số", "12",
            "giao", "giờ", "hành", "chính", "chè", "Thái", "Nguyên", "nhãn", "lồng", "Hưng", "Yên", "cam", "Vinh",
            "bưởi", "Diễn", "Chị", "Lan", "Anh", "Tuấn", "hộ", "bà", "Nguyễn", "Thị", "làm", "thủ", "công" };
    private static final String LONG_TEXT_LETTERS = "aăâđeêoôơuưệữ";
    private static final ZoneOffset[] OFFSETS = { ZoneOffset.UTC, ZoneOffset.ofHours(7), ZoneOffset.ofHours(-5) };

    private final KnownValues known;
    private final RandomGenerator random;

    ValidValues(KnownValues known, RandomGenerator random) {
        this.known = known;
        this.random = random;
    }

    /** A value for a field or parameter looked up by these keys (none for an array element). */
    JsonNode value(List<String> keys, JsonNode schema, Map<String, String> bundle) {
        JsonNode effective = Schemas.effective(schema, random);
        if (!keys.isEmpty() && known.knows(keys) && random.nextInt(12) != 0) {
            String value = known.draw(keys, bundle, random);
            return numeric(effective) && value.matches("-?\\d+") ? NODES.numberNode(new BigInteger(value))
                    : NODES.textNode(value);
        }
        return generate(effective, bundle, 0);
    }

    private JsonNode generate(JsonNode schema, Map<String, String> bundle, int depth) {
        if (Schemas.nullable(schema) && random.nextInt(8) == 0) {
            return NODES.nullNode();
        }
        if (schema.path("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        if (schema.has("example") && random.nextInt(3) == 0 && Schemas.fits(schema, schema.get("example"))) {
            return schema.get("example").deepCopy();
        }
        return switch (Schemas.type(schema)) {
            case "object" -> object(schema, bundle, depth);
            case "array" -> array(schema, bundle, depth);
            case "integer" -> NODES.numberNode(integer(schema));
            case "number" -> NODES.numberNode(new BigDecimal(integer(schema)));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode(string(schema));
        };
    }

    private ObjectNode object(JsonNode schema, Map<String, String> bundle, int depth) {
        ObjectNode object = NODES.objectNode();
        Set<String> required = Schemas.required(schema);
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.path("properties").fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode fieldSchema = Schemas.effective(field.getValue(), random);
            if (Schemas.readOnly(fieldSchema) || (!required.contains(field.getKey()) && random.nextBoolean())) {
                continue;
            }
            object.set(field.getKey(), depth > 6 ? NODES.nullNode()
                    : fieldValue(field.getKey(), fieldSchema, bundle, depth + 1));
        }
        return object;
    }

    private JsonNode fieldValue(String name, JsonNode schema, Map<String, String> bundle, int depth) {
        List<String> keys = List.of(name);
        if (known.knows(keys) && random.nextInt(12) != 0) {
            String value = known.draw(keys, bundle, random);
            return numeric(schema) && value.matches("-?\\d+") ? NODES.numberNode(new BigInteger(value))
                    : NODES.textNode(value);
        }
        return generate(schema, bundle, depth);
    }

    private ArrayNode array(JsonNode schema, Map<String, String> bundle, int depth) {
        int min = schema.path("minItems").asInt(0);
        int max = Math.min(schema.path("maxItems").asInt(Integer.MAX_VALUE), Math.max(min, 3));
        int size = Math.max(min, Math.min(max, min + (min == 0 ? 1 : 0) + random.nextInt(Math.max(1, max - min + 1))));
        ArrayNode array = NODES.arrayNode();
        JsonNode items = Schemas.effective(schema.path("items"), random);
        for (int i = 0; i < size * 4 && array.size() < size; i++) {
            JsonNode item = generate(items, bundle, depth + 1);
            if (!schema.path("uniqueItems").asBoolean(false) || !contains(array, item)) {
                array.add(item);
            }
        }
        return array;
    }

    private static boolean contains(ArrayNode array, JsonNode item) {
        for (JsonNode present : array) {
            if (present.equals(item)) {
                return true;
            }
        }
        return false;
    }

    /** Mostly small (just above the least), sometimes on a limit, sometimes anywhere in range. */
    private BigInteger integer(JsonNode schema) {
        BigDecimal minDecimal = Schemas.minimum(schema);
        BigDecimal maxDecimal = Schemas.maximum(schema);
        BigInteger min = minDecimal == null ? BigInteger.valueOf(Long.MIN_VALUE) : minDecimal.toBigInteger();
        BigInteger max = maxDecimal == null ? BigInteger.valueOf(Long.MAX_VALUE) : maxDecimal.toBigInteger();
        BigInteger low = min.max(BigInteger.ONE).min(max);
        int draw = random.nextInt(8);
        if (draw == 0) {
            return min;
        }
        if (draw == 1) {
            return max;
        }
        if (draw == 2) {
            BigInteger span = max.subtract(min);
            return min.add(new BigInteger(span.bitLength(), new java.util.Random(random.nextLong())).mod(span.add(BigInteger.ONE)));
        }
        return low.add(BigInteger.valueOf(random.nextInt(5))).min(max);
    }

    private String string(JsonNode schema) {
        int minLength = schema.path("minLength").asInt(0);
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        String format = schema.path("format").asText("");
        String formatted = formatted(format);
        if (formatted != null) {
            return formatted;
        }
        if (schema.has("pattern")) {
            return patterned(schema, minLength, maxLength);
        }
        if (maxLength < 10_000 && random.nextInt(10) == 0) {
            return longest(maxLength);
        }
        return text(minLength, maxLength);
    }

    private String formatted(String format) {
        OffsetDateTime when = OffsetDateTime.now(OFFSETS[random.nextInt(OFFSETS.length)])
                .plusMinutes(random.nextInt(-60 * 24 * 30, 60 * 24 * 60)).truncatedTo(ChronoUnit.SECONDS);
        return switch (format) {
            case "date-time" -> when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case "date" -> when.toLocalDate().toString();
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "uri", "url" -> "https://chotdon.vn/anh/banh-gio-" + random.nextInt(1000) + ".jpg";
            case "email" -> "lan" + random.nextInt(1000) + "@htx-danphuong.vn";
            default -> null;
        };
    }

    /**
     * A string the pattern matches whole. An unanchored pattern only asks that some part of the
     * value matches: half of the time such a value is plain text that contains a match.
     */
    private String patterned(JsonNode schema, int minLength, int maxLength) {
        String pattern = schema.get("pattern").asText();
        if (!RegexStrings.anchored(pattern) && random.nextBoolean()) {
            String text = text(minLength, maxLength);
            if (Schemas.fits(schema, NODES.textNode(text))) {
                return text;
            }
        }
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                String value = RegexStrings.generate(pattern, random);
                if (Schemas.fits(schema, NODES.textNode(value))) {
                    return value;
                }
            } catch (RegexStrings.Unsupported e) {
                break;
            }
        }
        return schema.has("example") ? schema.get("example").asText() : text(minLength, maxLength);
    }

    /** As long as the field may be, in letters that take two or three bytes in UTF-8. */
    private String longest(int maxLength) {
        StringBuilder out = new StringBuilder(maxLength);
        for (int i = 0; i < maxLength; i++) {
            out.append(LONG_TEXT_LETTERS.charAt(random.nextInt(LONG_TEXT_LETTERS.length())));
        }
        return out.toString();
    }

    /** Words, between the lengths allowed (at least one character unless 0 is the most). */
    String text(int minLength, int maxLength) {
        int target = Math.min(maxLength, Math.max(minLength, 1 + random.nextInt(40)));
        StringBuilder out = new StringBuilder();
        while (out.length() < target) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(WORDS[random.nextInt(WORDS.length)]);
        }
        String text = out.substring(0, target).strip();
        while (text.length() < minLength) {
            text = text + "a";
        }
        return text;
    }

    private static boolean numeric(JsonNode schema) {
        String type = Schemas.type(schema);
        return type.equals("integer") || type.equals("number");
    }
}
