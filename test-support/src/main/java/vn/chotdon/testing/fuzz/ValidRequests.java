package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Requests an operation's document allows: every path parameter, the required query parameters
 * and headers and some optional ones, and a body that keeps the schema, all from
 * {@link ValidValues}.
 */
final class ValidRequests {

    private final KnownValues known;
    private final ValidValues values;
    private final RandomGenerator random;

    ValidRequests(KnownValues known, RandomGenerator random) {
        this.known = known;
        this.values = new ValidValues(known, random);
        this.random = random;
    }

    RequestParts next(ApiOperation op) {
        RequestParts parts = new RequestParts(op);
        Map<String, String> bundle = known.bundleFor(op, random);
        for (ApiOperation.Parameter p : op.in("path")) {
            parts.path.put(p.name(), text(values.value(KnownValues.forPath(op, p.name()), p.schema(), bundle)));
        }
        for (ApiOperation.Parameter p : op.in("query")) {
            if (p.required() || random.nextInt(3) == 0) {
                JsonNode value = values.value(KnownValues.forName(op, p.name()), p.schema(), bundle);
                if (!value.isNull()) {
                    parts.query.add(new String[] { p.name(), text(value) });
                }
            }
        }
        for (ApiOperation.Parameter p : op.in("header")) {
            if (p.required() || random.nextBoolean() || known.knows(KnownValues.forName(op, p.name()))) {
                JsonNode value = values.value(KnownValues.forName(op, p.name()), p.schema(), bundle);
                if (!value.isNull()) {
                    parts.headers.put(p.name(), headerSafe(text(value)));
                }
            }
        }
        if (op.bodySchema() != null && (op.bodyRequired() || random.nextInt(8) != 0)) {
            parts.body = values.value(List.of(), op.bodySchema(), bundle);
            parts.headers.put("Content-Type", op.bodyMediaType());
        }
        return parts;
    }

    static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : MalformedRequests.write(value);
    }

    /** Header values on the wire are Latin-1 without control characters. */
    private static String headerSafe(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().filter(c -> c >= 0x20 && c < 0x7F).forEach(c -> out.append((char) c));
        String safe = out.toString().strip();
        return safe.isEmpty() ? "fuzz-" + Integer.toHexString(value.hashCode()).toLowerCase(Locale.ROOT) : safe;
    }
}
