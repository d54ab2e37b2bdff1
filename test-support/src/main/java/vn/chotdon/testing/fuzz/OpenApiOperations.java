package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the operations of an OpenAPI 3 document (as /q/openapi?format=json serves it). */
public final class OpenApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    /** Schemas nest; a cycle (a tree of categories...) would recurse for ever without a bound. */
    private static final int MAX_DEPTH = 12;
    /** A sentence (or line) of a description that speaks of roles. */
    private static final Pattern ROLES_SENTENCE = Pattern.compile("(?i)[^.\\n]*\\broles?\\b[^.\\n]*");
    private static final Pattern QUOTED_ROLE = Pattern.compile("(?i)`(admin|owner|staff|service)`");
    /** A role named in plain words; "livestream-service" names a service, not the role. */
    private static final Pattern ROLE_NAME = Pattern.compile("(?i)(?<![-\\w])(admin|owner|staff|service)(?![-\\w])");

    private OpenApiOperations() {
    }

    public static List<ApiOperation> read(String openApiJson) {
        JsonNode document;
        try {
            document = JSON.readTree(openApiJson);
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations.add(operation(document, path.getKey(), path.getValue(), op.getKey(), op.getValue()));
            }
        }
        return operations;
    }

    private static ApiOperation operation(JsonNode document, String template, JsonNode pathItem, String method,
            JsonNode op) {
        List<ApiOperation.Parameter> parameters = new ArrayList<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode param = resolve(document, p, 0);
                parameters.add(new ApiOperation.Parameter(param.path("name").asText(), param.path("in").asText(),
                        resolve(document, param.path("schema"), 0), param.path("required").asBoolean(false)));
            }
        }
        JsonNode body = resolve(document, op.path("requestBody"), 0);
        JsonNode schema = null;
        String mediaType = null;
        for (Iterator<Map.Entry<String, JsonNode>> types = body.path("content").fields(); types.hasNext();) {
            Map.Entry<String, JsonNode> type = types.next();
            if (mediaType == null || type.getKey().equals("application/json")) {
                mediaType = type.getKey();
                schema = resolve(document, type.getValue().path("schema"), 0);
            }
        }
        JsonNode security = op.has("security") ? op.get("security") : document.path("security");
        return new ApiOperation(op.hasNonNull("operationId") ? op.get("operationId").asText() : null,
                method.toUpperCase(Locale.ROOT), template, List.copyOf(parameters), schema, mediaType,
                body.path("required").asBoolean(false), isSecured(security), roles(op, security));
    }

    /** A requirement list with an empty requirement ({}) in it makes the token optional. */
    private static boolean isSecured(JsonNode security) {
        if (security.size() == 0) {
            return false;
        }
        for (JsonNode requirement : security) {
            if (requirement.size() == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The roles, wherever the document says them: the scopes of the security requirement, an
     * {@code x-roles} extension, or a sentence of the description that speaks of roles
     * ("Roles: `owner`, `staff`").
     */
    static List<String> roles(JsonNode op, JsonNode security) {
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : security) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(scope -> roles.add(scope.asText())));
        }
        op.path("x-roles").forEach(role -> roles.add(role.asText()));
        if (roles.isEmpty()) {
            Matcher sentence = ROLES_SENTENCE.matcher(op.path("description").asText("") + "\n"
                    + op.path("summary").asText(""));
            while (sentence.find()) {
                // Where roles are quoted as code, only the quoted words are roles.
                Matcher role = (sentence.group().contains("`") ? QUOTED_ROLE : ROLE_NAME).matcher(sentence.group());
                while (role.find()) {
                    roles.add(role.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(roles);
    }

    /** The node with every $ref inside it replaced by what it points at, to a bounded depth. */
    static JsonNode resolve(JsonNode document, JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || depth > MAX_DEPTH) {
            return node;
        }
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            JsonNode target = document.at(ref.startsWith("#") ? ref.substring(1) : ref);
            return resolve(document, target, depth + 1);
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(), resolve(document, field.getValue(), depth + 1)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(resolve(document, item, depth + 1)));
            return copy;
        }
        return node;
    }
}
