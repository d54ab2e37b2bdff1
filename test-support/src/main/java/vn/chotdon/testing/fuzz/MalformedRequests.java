package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Generates malformed requests for the operations of an OpenAPI document. Values come from
 * {@link OddValues}; they and which part of a request goes wrong (a path parameter, a query
 * parameter, a header, a field of a body built from the schema's example, or the body's bytes)
 * are drawn from the same seeded random, so a seed and a request number name one request.
 */
final class MalformedRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] CONTENT_TYPES = { "application/json", "application/json; charset=UTF-8",
            "application/json; charset=ISO-8859-1", "application/merge-patch+json", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json;;;",
            "*/*", "application/*", "garbage", "APPLICATION/JSON", "application/json; charset=nope" };
    private static final String[] ACCEPTS = { "application/json", "*/*", "text/html", "application/xml",
            "application/problem+json", "text/event-stream", "image/png;q=0.1", "nonsense" };

    private final RandomGenerator random;
    private final SchemaExamples examples;
    private final KnownValues known;
    private final OddValues odd;

    MalformedRequests(RandomGenerator random, KnownValues known) {
        this.random = random;
        this.known = known;
        this.examples = new SchemaExamples(known, random);
        this.odd = new OddValues(random);
    }

    /** A request to the operation with one to three things wrong (or, now and then, none). */
    Draft next(ApiOperation op) {
        Draft draft = new Draft(op);
        int faults = 1 + random.nextInt(3);
        for (int i = 0; i < faults; i++) {
            switch (random.nextInt(10)) {
                case 0, 1 -> draft.path.put(pickName(op.in("path")), oddSegment());
                case 2, 3 -> oddQuery(draft);
                case 4 -> oddHeaders(draft);
                case 5 -> draft.bodyBytes = oddBodyBytes(draft);
                default -> mutateBody(draft);
            }
        }
        return draft;
    }

    /** The parts of a request as they are being built; {@link #path}'s null key stands for "no parameter". */
    final class Draft {
        final ApiOperation op;
        final Map<String, String> path = new LinkedHashMap<>();
        final List<String> query = new ArrayList<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        JsonNode body;
        String bodyText;
        byte[] bodyBytes;

        Draft(ApiOperation op) {
            this.op = op;
            for (ApiOperation.Parameter p : op.in("path")) {
                path.put(p.name(), wellFormed(KnownValues.forPath(op, p.name()), p.schema()));
            }
            for (ApiOperation.Parameter p : op.in("query")) {
                if (p.required() || random.nextInt(3) == 0) {
                    query.add(p.name() + "=" + wellFormed(KnownValues.forName(op, p.name()), p.schema()));
                }
            }
            for (ApiOperation.Parameter p : op.in("header")) {
                if (p.required() || random.nextInt(2) == 0) {
                    headers.put(p.name(), headerValue(KnownValues.forName(op, p.name()), p.name(), p.schema()));
                }
            }
            if (op.bodySchema() != null) {
                body = examples.example(op.bodySchema());
                headers.put("Content-Type", op.bodyMediaType());
            }
        }

        String rawPath() {
            String result = op.pathTemplate();
            for (Map.Entry<String, String> p : path.entrySet()) {
                if (p.getKey() != null) {
                    result = result.replace("{" + p.getKey() + "}", p.getValue());
                }
            }
            return result;
        }

        /** The request as sent: its body as a JSON tree while it is one, else as the bytes made of it. */
        FuzzRequest toRequest(int number, String caller, Map<String, String> finalHeaders) {
            byte[] raw = bodyBytes != null ? bodyBytes
                    : bodyText != null ? bodyText.getBytes(StandardCharsets.UTF_8) : null;
            return new FuzzRequest(number, FuzzRequest.Kind.MALFORMED, op, caller, rawPath(), List.copyOf(query),
                    Collections.unmodifiableMap(new LinkedHashMap<>(finalHeaders)), raw == null ? body : null,
                    raw, null, null);
        }
    }

    private String wellFormed(List<String> keys, JsonNode schema) {
        List<String> values = known.values(keys);
        if (!values.isEmpty()) {
            return JsonText.percentEncode(values.get(random.nextInt(values.size())));
        }
        JsonNode example = examples.example(schema);
        return JsonText.percentEncode(example.isValueNode() ? example.asText() : "1");
    }

    private String headerValue(List<String> keys, String name, JsonNode schema) {
        List<String> values = known.values(keys);
        if (!values.isEmpty()) {
            return values.get(random.nextInt(values.size()));
        }
        return name.toLowerCase(Locale.ROOT).contains("idempotency")
                ? "fuzz-" + Integer.toHexString(random.nextInt()) : examples.example(schema).asText();
    }

    private String oddSegment() {
        return random.nextInt(6) == 0 ? String.valueOf(random.nextInt(50)) : odd.pathSegment();
    }

    private void oddQuery(Draft draft) {
        List<ApiOperation.Parameter> params = draft.op.in("query");
        switch (random.nextInt(5)) {
            case 0 -> draft.query.add("unknown" + random.nextInt(3) + "=" + JsonText.percentEncode(odd.text()));
            case 1 -> draft.query.add(pick(List.of("%ZZ", "&&", "=", "a=%", "page", "=1", ";", "a=b=c", "%00=%00",
                    "size=%E2%82")));
            default -> {
                if (params.isEmpty()) {
                    draft.query.add("page=" + odd.number());
                    return;
                }
                ApiOperation.Parameter p = params.get(random.nextInt(params.size()));
                String value = random.nextBoolean() ? odd.number() : odd.text();
                draft.query.add(p.name() + "=" + JsonText.percentEncode(value));
                if (random.nextInt(4) == 0) {
                    draft.query.add(p.name() + "=" + JsonText.percentEncode(odd.number()));
                }
            }
        }
    }

    private void oddHeaders(Draft draft) {
        switch (random.nextInt(4)) {
            case 0 -> draft.headers.put("Content-Type", pick(List.of(CONTENT_TYPES)));
            case 1 -> draft.headers.remove("Content-Type");
            case 2 -> draft.headers.put("Accept", pick(List.of(ACCEPTS)));
            default -> {
                List<ApiOperation.Parameter> params = draft.op.in("header");
                String name = params.isEmpty() ? "X-Fuzz" : params.get(random.nextInt(params.size())).name();
                draft.headers.put(name, headerText());
            }
        }
    }

    /** Header values may only hold visible Latin-1 characters on the wire; within that anything goes. */
    private String headerText() {
        String value = random.nextInt(3) == 0 ? "k".repeat(1 + random.nextInt(5000)) : odd.text();
        StringBuilder out = new StringBuilder();
        value.chars().filter(c -> c >= 0x20 && c < 0xFF && c != 0x7F).forEach(c -> out.append((char) c));
        return out.toString().strip();
    }

    private byte[] oddBodyBytes(Draft draft) {
        String valid = draft.body == null ? "{\"a\":1}" : write(draft.body);
        return switch (random.nextInt(12)) {
            case 0 -> new byte[0];
            case 1 -> "null".getBytes(StandardCharsets.UTF_8);
            case 2 -> valid.substring(0, random.nextInt(Math.max(1, valid.length()))).getBytes(StandardCharsets.UTF_8);
            case 3 -> (valid + pick(List.of("x", "}", "]", ",", "{}", " 1", "\u0000"))).getBytes(StandardCharsets.UTF_8);
            case 4 -> concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, valid.getBytes(StandardCharsets.UTF_8));
            case 5 -> valid.replaceFirst("\"([^\"]*)\"", "\"$1\u00e1\"").getBytes(StandardCharsets.ISO_8859_1);
            case 6 -> insertBytes(valid, new byte[] { (byte) 0xFF, (byte) 0xFE });
            case 7 -> insertBytes(valid, new byte[] { (byte) 0xC3, (byte) 0x28 });
            case 8 -> insertBytes(valid, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
            case 9 -> odd.jsonValue().getBytes(StandardCharsets.UTF_8);
            case 10 -> ("{" + "\"a\":{".repeat(2000) + "}".repeat(2001)).getBytes(StandardCharsets.UTF_8);
            default -> valid.replace(":", ":" + " ".repeat(random.nextInt(3))).replace(",", ",\n")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A body from the schema's example with a field dropped, nulled, duplicated, retyped or given an odd value. */
    private void mutateBody(Draft draft) {
        if (draft.body == null) {
            draft.bodyText = odd.jsonValue();
            draft.headers.putIfAbsent("Content-Type", "application/json");
            return;
        }
        List<Slot> slots = new ArrayList<>();
        collect(draft.body, draft.op.bodySchema(), slots);
        if (slots.isEmpty() || random.nextInt(12) == 0) {
            draft.body = random.nextBoolean() ? NODES.arrayNode().add(draft.body) : rawNode(odd.jsonValue());
            return;
        }
        Slot slot = slots.get(random.nextInt(slots.size()));
        switch (random.nextInt(7)) {
            case 0 -> slot.remove();
            case 1 -> slot.set(NODES.nullNode());
            case 2 -> draft.bodyText = duplicateFirstKey(draft.body, slot.name());
            case 3 -> slot.container().set("unknown" + random.nextInt(5), rawNode(odd.jsonValue()));
            case 4 -> slot.set(rawNode(odd.number()));
            case 5 -> slot.set(rawNode(JsonText.quote(slot.maxLength() > 0 && random.nextBoolean()
                    ? odd.grownTo(slot.maxLength())
                    : odd.text())));
            default -> slot.set(rawNode(odd.jsonValue()));
        }
    }

    private String duplicateFirstKey(JsonNode body, String name) {
        String text = write(body);
        if (!text.startsWith("{") || name == null) {
            return text;
        }
        return "{" + JsonText.quote(name) + ":" + odd.jsonValue() + "," + text.substring(1);
    }

    /** A place in a body that holds a value: a field of an object or an element of an array. */
    private record Slot(ObjectNode object, String name, ArrayNode array, int index, JsonNode schema) {
        int maxLength() {
            return schema == null ? 0 : schema.path("maxLength").asInt(0);
        }

        void set(JsonNode value) {
            if (object != null) {
                object.set(name, value);
            } else {
                array.set(index, value);
            }
        }

        void remove() {
            if (object != null) {
                object.remove(name);
            } else {
                array.remove(index);
            }
        }

        ObjectNode container() {
            return object != null ? object : NODES.objectNode();
        }
    }

    private static void collect(JsonNode node, JsonNode schema, List<Slot> slots) {
        JsonNode known = schema == null ? JsonNodeFactory.instance.missingNode() : schema;
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                JsonNode fieldSchema = known.path("properties").path(name);
                slots.add(new Slot(object, name, null, -1, fieldSchema));
                collect(object.get(name), fieldSchema, slots);
            }
        } else if (node instanceof ArrayNode array) {
            JsonNode itemSchema = known.path("items");
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(null, null, array, i, itemSchema));
                collect(array.get(i), itemSchema, slots);
            }
        }
    }

    private static JsonNode rawNode(String json) {
        return NODES.rawValueNode(new RawValue(json));
    }

    private <T> T pick(List<T> options) {
        if (options.isEmpty()) {
            return null;
        }
        return options.get(random.nextInt(options.size()));
    }

    private String pickName(List<ApiOperation.Parameter> params) {
        return params.isEmpty() ? null : params.get(random.nextInt(params.size())).name();
    }

    private byte[] insertBytes(String valid, byte[] odd) {
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        int at = valid.indexOf('"', 1);
        at = at < 0 ? bytes.length / 2 : valid.substring(0, at + 1).getBytes(StandardCharsets.UTF_8).length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(odd);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
