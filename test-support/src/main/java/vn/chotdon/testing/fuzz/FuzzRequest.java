package vn.chotdon.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request, exactly as it is sent: the raw (already encoded) path and query, the
 * headers and the body bytes. {@link #describe()} prints it so that a failure can be replayed.
 *
 * @param number its place in the run: the same seed generates the same request at this number
 * @param caller who it is sent as (a role, "none", or "bad token"), for the report
 */
public record FuzzRequest(int number, ApiOperation operation, String method, String rawPath, String rawQuery,
        Map<String, String> headers, byte[] body, String caller) {

    public String target() {
        return rawQuery == null || rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append('#').append(number).append(" [").append(operation.name()).append("] as ").append(caller).append('\n')
                .append(method).append(' ').append(target()).append('\n');
        headers.forEach((name, value) -> out.append(name).append(": ").append(abbreviate(value, 200)).append('\n'));
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
