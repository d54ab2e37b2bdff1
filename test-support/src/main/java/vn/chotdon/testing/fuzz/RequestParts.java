package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A request being built from an operation's schemas: values as they are meant, encoded only when sent. */
final class RequestParts {

    final ApiOperation op;
    final Map<String, String> path = new LinkedHashMap<>();
    /** Query parameters in order, each {name, value}; a name may repeat. */
    final List<String[]> query = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    JsonNode body;
    String caller;
    String breaks;
    String kept;

    RequestParts(ApiOperation op) {
        this.op = op;
    }

    RequestParts copy() {
        RequestParts copy = new RequestParts(op);
        copy.path.putAll(path);
        query.forEach(q -> copy.query.add(q.clone()));
        copy.headers.putAll(headers);
        copy.body = body == null ? null : body.deepCopy();
        copy.caller = caller;
        copy.breaks = breaks;
        copy.kept = kept;
        return copy;
    }

    void removeQuery(String name) {
        query.removeIf(q -> q[0].equals(name));
    }

    String rawPath() {
        String result = op.pathTemplate();
        for (Map.Entry<String, String> p : path.entrySet()) {
            result = result.replace("{" + p.getKey() + "}", JsonText.percentEncode(p.getValue()));
        }
        return result;
    }

    FuzzRequest toRequest(int number, FuzzRequest.Kind kind) {
        List<String> rawQuery = query.stream().map(q -> JsonText.percentEncode(q[0]) + "=" + JsonText.percentEncode(q[1]))
                .toList();
        return new FuzzRequest(number, kind, op, caller, rawPath(), rawQuery,
                Collections.unmodifiableMap(new LinkedHashMap<>(headers)), body, null, breaks, kept);
    }
}
