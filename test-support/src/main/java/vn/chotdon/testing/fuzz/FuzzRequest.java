package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated request, exactly as it is sent: the raw (already encoded) path, the raw query
 * items ({@code name=value}), the headers and the body (a JSON tree, or bytes when it is not
 * JSON). {@link #describe()} prints it so that a failure can be replayed.
 *
 * @param number its place in the run: the same seed generates the same request at this number
 * @param kind whether the document allows it, it breaks one of its constraints, or it is malformed
 * @param caller who it is sent as (a role, "none", or "forged token"), for the report
 * @param breaks for an invalid request, the one constraint it breaks; otherwise null
 * @param kept where that constraint sits ({@code query:size}, {@code header:X-Order-Token},
 *        {@code body:/items/0/quantity}), which shrinking must not drop; or null
 */
public record FuzzRequest(int number, Kind kind, ApiOperation operation, String caller, String rawPath,
        List<String> query, Map<String, String> headers, JsonNode json, byte[] raw, String breaks, String kept) {

    /** What a request is meant to be, and so what its answer must be. */
    public enum Kind {
        /** Keeps the document: must not be refused as invalid (400), unauthorised (401/403) or unsupported (406/415). */
        VALID,
        /** Breaks exactly one constraint: must be refused with a 4xx the document gives. */
        INVALID,
        /** Broken in odd ways (bytes, encodings, headers, several things at once): must not get a 5xx. */
        MALFORMED
    }

    public String method() {
        return operation.method();
    }

    public String target() {
        return query.isEmpty() ? rawPath : rawPath + "?" + String.join("&", query);
    }

    public byte[] body() {
        if (raw != null) {
            return raw;
        }
        return json == null ? null : MalformedRequests.write(json).getBytes(StandardCharsets.UTF_8);
    }

    FuzzRequest with(List<String> query, Map<String, String> headers, JsonNode json) {
        return new FuzzRequest(number, kind, operation, caller, rawPath, List.copyOf(query), Collections.unmodifiableMap(new LinkedHashMap<>(headers)), json,
                raw, breaks, kept);
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append('#').append(number).append(' ').append(kind).append(" [").append(operation.id()).append("] as ")
                .append(caller);
        if (breaks != null) {
            out.append(", breaks: ").append(breaks);
        }
        out.append('\n').append(method()).append(' ').append(abbreviate(target(), 600)).append('\n');
        headers.forEach((name, value) -> out.append(name).append(": ")
                .append(name.equalsIgnoreCase("Authorization") ? abbreviate(value, 24) : abbreviate(value, 200))
                .append('\n'));
        byte[] body = body();
        if (body != null) {
            out.append('\n').append(abbreviate(new String(body, StandardCharsets.UTF_8), 2000))
                    .append(" (").append(body.length).append(" bytes)");
        }
        return out.toString();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…[" + text.length() + " chars]";
    }
}
