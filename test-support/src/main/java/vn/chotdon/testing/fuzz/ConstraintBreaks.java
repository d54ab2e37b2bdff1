package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Turns a valid request into one that breaks exactly one constraint of the document: a value of
 * the wrong type, a required field or parameter missing, a number out of range, a text too long
 * or too short, a value the pattern or the enum refuses, a malformed date-time, too many or too
 * few items, an unknown field, or control characters in free text (NUL, C0, C1, bidi overrides:
 * refused everywhere by the rule of issue 10, whether the schema says so or not).
 */
final class ConstraintBreaks {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Never a line break or tab: multi-line text (a note, an address) may hold those. */
    private static final String[] CONTROLS = { "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u009B", "\u202E",
            "\u2066" };

    /** Categories whose break the schema itself may not state: the rules. */
    static final String UNKNOWN_FIELD = "unknown field";
    static final String CONTROL_CHARACTERS = "control characters";

    private final RandomGenerator random;

    ConstraintBreaks(RandomGenerator random) {
        this.random = random;
    }

    /** One way to break the request: its category, where, and what it does to a copy of the request. */
    record Break(String category, String where, String what, Consumer<RequestParts> apply) {
        String describe() {
            return category + " at " + where + " (" + what + ")";
        }
    }

    /** Every break this request allows, in a fixed order (the caller draws one). */
    List<Break> all(RequestParts valid) {
        List<Break> breaks = new ArrayList<>();
        for (ApiOperation.Parameter p : valid.op.in("path")) {
            String value = valid.path.get(p.name());
            scalar(breaks, "path:" + p.name(), Schemas.effective(p.schema(), random), value, false,
                    bad -> parts -> parts.path.put(p.name(), bad));
        }
        for (ApiOperation.Parameter p : valid.op.in("query")) {
            String value = valid.query.stream().filter(q -> q[0].equals(p.name())).map(q -> q[1]).findFirst()
                    .orElse(null);
            if (value == null && p.required()) {
                continue;
            }
            if (p.required()) {
                breaks.add(new Break("missing required", "query:" + p.name(), "left out",
                        parts -> parts.removeQuery(p.name())));
            }
            scalar(breaks, "query:" + p.name(), Schemas.effective(p.schema(), random), value, true, bad -> parts -> {
                parts.removeQuery(p.name());
                parts.query.add(new String[] { p.name(), bad });
            });
        }
        for (ApiOperation.Parameter p : valid.op.in("header")) {
            if (p.required() && valid.headers.containsKey(p.name())) {
                breaks.add(new Break("missing required", "header:" + p.name(), "left out",
                        parts -> parts.headers.remove(p.name())));
            }
        }
        if (valid.body != null) {
            if (valid.op.bodyRequired()) {
                breaks.add(new Break("missing required", "body", "no body at all", parts -> parts.body = null));
            }
            body(breaks, valid.op.bodySchema(), valid.body, "");
        }
        return breaks;
    }

    /** Breaks of a path or query parameter, given as text. */
    private void scalar(List<Break> breaks, String where, JsonNode schema, String value, boolean freeTextMatters,
            java.util.function.Function<String, Consumer<RequestParts>> put) {
        String type = Schemas.type(schema);
        if (type.equals("integer") || type.equals("number")) {
            breaks.add(new Break("wrong type", where, "text for a number", put.apply("abc")));
            outOfRange(schema).forEach(n -> breaks.add(new Break("out of range", where, n.toString(),
                    put.apply(n.toString()))));
        } else if (type.equals("boolean")) {
            breaks.add(new Break("wrong type", where, "not a boolean", put.apply("maybe")));
        } else if (type.equals("string")) {
            String current = value == null ? "a" : value;
            textBreaks(schema, current).forEach(b -> breaks.add(new Break(b.category(), where, b.what(),
                    put.apply(b.value().asText()))));
            if (freeTextMatters && value != null && Schemas.freeText(schema)) {
                String control = withControl(current, schema);
                breaks.add(new Break(CONTROL_CHARACTERS, where, describeControls(control), put.apply(control)));
            }
        }
    }

    private void body(List<Break> breaks, JsonNode schema, JsonNode root, String pointer) {
        JsonNode node = root.at(pointer.isEmpty() ? "" : pointer);
        JsonNode effective = Schemas.effective(schema, random);
        if (node instanceof ObjectNode object) {
            for (String name : Schemas.required(effective)) {
                if (object.has(name)) {
                    breaks.add(new Break("missing required", "body:" + pointer + "/" + name, "left out",
                            parts -> ((ObjectNode) parts.body.at(pointer)).remove(name)));
                }
            }
            JsonNode additional = effective.get("additionalProperties");
            if (additional == null || additional.isBoolean() && !additional.asBoolean()) {
                breaks.add(new Break(UNKNOWN_FIELD, "body:" + pointer + "/unknownField", "a field the schema does not name",
                        parts -> ((ObjectNode) parts.body.at(pointer)).put("unknownField", "Bánh gio")));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode fieldSchema = effective.path("properties").path(field.getKey());
                if (!fieldSchema.isMissingNode()) {
                    value(breaks, fieldSchema, field.getValue(), pointer + "/" + field.getKey(),
                            Schemas.required(effective).contains(field.getKey()));
                    body(breaks, fieldSchema, root, pointer + "/" + field.getKey());
                }
            }
        } else if (node instanceof ArrayNode array) {
            JsonNode items = effective.path("items");
            int max = effective.path("maxItems").asInt(-1);
            if (max >= 0 && array.size() > 0) {
                breaks.add(new Break("too many items", "body:" + pointer, (max + 1) + " items", parts -> {
                    ArrayNode target = (ArrayNode) parts.body.at(pointer);
                    while (target.size() <= max) {
                        target.add(target.get(target.size() - 1).deepCopy());
                    }
                }));
            }
            int min = effective.path("minItems").asInt(0);
            if (min > 0 && array.size() >= min) {
                breaks.add(new Break("too few items", "body:" + pointer, (min - 1) + " items", parts -> {
                    ArrayNode target = (ArrayNode) parts.body.at(pointer);
                    while (target.size() >= min) {
                        target.remove(target.size() - 1);
                    }
                }));
            }
            for (int i = 0; i < array.size(); i++) {
                value(breaks, items, array.get(i), pointer + "/" + i, true);
                body(breaks, items, root, pointer + "/" + i);
            }
        }
    }

    /** Breaks of one value of the body: its type, its range, its text. */
    private void value(List<Break> breaks, JsonNode schema, JsonNode value, String pointer, boolean required) {
        JsonNode effective = Schemas.effective(schema, random);
        String type = Schemas.type(effective);
        String where = "body:" + pointer;
        JsonNode wrong = switch (type) {
            case "string" -> NODES.numberNode(12);
            case "integer", "number" -> NODES.textNode("12");
            case "boolean" -> NODES.textNode("true");
            case "array" -> NODES.objectNode();
            case "object" -> NODES.textNode("Bánh gio");
            default -> null;
        };
        if (wrong != null) {
            breaks.add(new Break("wrong type", where, type + " given as " + wrong.getNodeType(), set(pointer, wrong)));
        }
        if (required && !Schemas.nullable(effective)) {
            breaks.add(new Break("wrong type", where, "null where the schema is not nullable", set(pointer, NODES.nullNode())));
        }
        if (type.equals("integer")) {
            breaks.add(new Break("wrong type", where, "a fraction for an integer", set(pointer, NODES.numberNode(new BigDecimal("1.5")))));
        }
        if (type.equals("integer") || type.equals("number")) {
            outOfRange(effective).forEach(n -> breaks.add(new Break("out of range", where, n.toString(),
                    set(pointer, NODES.numberNode(n)))));
        }
        if (type.equals("string") && value.isTextual()) {
            textBreaks(effective, value.asText()).forEach(b -> breaks.add(new Break(b.category(), where, b.what(),
                    set(pointer, b.value()))));
            if (Schemas.freeText(effective)) {
                String control = withControl(value.asText(), effective);
                breaks.add(new Break(CONTROL_CHARACTERS, where, describeControls(control), set(pointer, NODES.textNode(control))));
            }
        }
    }

    private static Consumer<RequestParts> set(String pointer, JsonNode value) {
        int slash = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, slash);
        String name = pointer.substring(slash + 1);
        return parts -> {
            JsonNode container = parts.body.at(parent);
            if (container instanceof ObjectNode object) {
                object.set(name, value.deepCopy());
            } else if (container instanceof ArrayNode array) {
                array.set(Integer.parseInt(name), value.deepCopy());
            }
        };
    }

    private record TextBreak(String category, String what, JsonNode value) {
    }

    private List<TextBreak> textBreaks(JsonNode schema, String current) {
        List<TextBreak> found = new ArrayList<>();
        if (schema.path("enum").size() > 0) {
            found.add(new TextBreak("not in enum", "NOT_A_VALUE", NODES.textNode("NOT_A_VALUE")));
            return found;
        }
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) {
            found.add(new TextBreak("bad format", "date-time with day 30 of February",
                    NODES.textNode("2026-02-30T09:00:00+07:00")));
            found.add(new TextBreak("bad format", "date-time without offset", NODES.textNode("2026-12-01T09:00:00")));
        } else if (format.equals("date")) {
            found.add(new TextBreak("bad format", "date 2026-13-01", NODES.textNode("2026-13-01")));
        }
        String base = current.isEmpty() ? "a" : current;
        int max = schema.path("maxLength").asInt(-1);
        if (max >= 0 && max < 100_000) {
            String longer = grow(base, max + 1);
            if (keepsPattern(schema, longer)) {
                found.add(new TextBreak("too long", (max + 1) + " characters (maxLength " + max + ")", NODES.textNode(longer)));
            }
        }
        int min = schema.path("minLength").asInt(0);
        if (min > 0) {
            String shorter = base.substring(0, base.offsetByCodePoints(0, Math.min(min - 1, base.codePointCount(0, base.length()))));
            if (keepsPattern(schema, shorter)) {
                found.add(new TextBreak("too short", (min - 1) + " characters (minLength " + min + ")", NODES.textNode(shorter)));
            }
        }
        if (schema.has("pattern")) {
            String pattern = schema.get("pattern").asText();
            for (String candidate : List.of(" ", "", "!!", "\u00A0", base + " !", "Đ" + base, "-1", "a b")) {
                int length = candidate.codePointCount(0, candidate.length());
                if (!Pattern.compile(pattern).matcher(candidate).find() && length >= min
                        && (max < 0 || length <= max)) {
                    found.add(new TextBreak("bad pattern", "'" + candidate + "' against " + pattern, NODES.textNode(candidate)));
                    break;
                }
            }
        }
        return found;
    }

    private static boolean keepsPattern(JsonNode schema, String text) {
        return !schema.has("pattern") || Pattern.compile(schema.get("pattern").asText()).matcher(text).find();
    }

    /** The text, longer by repeating its last character, to exactly this many code points. */
    private static String grow(String text, int length) {
        int[] points = text.codePoints().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(i < points.length ? points[i] : points[points.length - 1]);
        }
        return out.toString();
    }

    /** Numbers just past the declared minimum and maximum (or past int32 for an int32 without them). */
    private static List<BigInteger> outOfRange(JsonNode schema) {
        List<BigInteger> out = new ArrayList<>();
        BigDecimal min = Schemas.minimum(schema);
        BigDecimal max = Schemas.maximum(schema);
        if (min != null && min.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) > 0) {
            out.add(min.toBigInteger().subtract(BigInteger.ONE));
        }
        if (max != null && max.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            out.add(max.toBigInteger().add(BigInteger.ONE));
        }
        return out;
    }

    /** The text with a control character in it, no longer than its maxLength allows. */
    private String withControl(String text, JsonNode schema) {
        String control = CONTROLS[random.nextInt(CONTROLS.length)];
        String base = text.isEmpty() ? "Bánh gio" : text;
        int middle = base.offsetByCodePoints(0, base.codePointCount(0, base.length()) / 2);
        String result = base.substring(0, middle) + control + base.substring(middle);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        while (result.codePointCount(0, result.length()) > max && result.length() > control.length() + 1) {
            result = result.substring(0, result.length() - 1);
            if (!result.contains(control)) {
                return control;
            }
        }
        return result;
    }

    private static String describeControls(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().filter(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT)
                .forEach(c -> out.append(String.format("U+%04X ", c)));
        return out.toString().strip();
    }

    /** A copy of the valid request with one break drawn and applied; null when the request allows none. */
    RequestParts next(RequestParts valid) {
        List<Break> breaks = all(valid);
        if (breaks.isEmpty()) {
            return null;
        }
        Break chosen = breaks.get(random.nextInt(breaks.size()));
        RequestParts broken = valid.copy();
        chosen.apply().accept(broken);
        broken.breaks = chosen.describe();
        broken.kept = chosen.where();
        return broken;
    }
}
