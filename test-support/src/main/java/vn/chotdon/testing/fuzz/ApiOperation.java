package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation of a service's OpenAPI document, with its schemas resolved: what a fuzzer needs
 * to build requests for it.
 *
 * @param operationId its operationId, or null when the document gives none
 * @param bodySchema the JSON schema of the request body, or null when it takes none
 * @param bodyMediaType the media type the body is documented with (application/json...), or null
 * @param bodyRequired whether the document says the body must be there
 * @param secured whether the document declares a security requirement (a bearer token)
 * @param roles the roles the document lets call it (scopes of its security requirement, an
 *        {@code x-roles} extension, or roles named in its description); empty when it names none
 */
public record ApiOperation(String operationId, String method, String pathTemplate, List<Parameter> parameters,
        JsonNode bodySchema, String bodyMediaType, boolean bodyRequired, boolean secured, List<String> roles) {

    public String name() {
        return method + " " + pathTemplate;
    }

    /** The operationId, or the method and path when the document gives none. */
    public String id() {
        return operationId != null ? operationId : name();
    }

    public List<Parameter> in(String location) {
        return parameters.stream().filter(p -> p.in().equals(location)).toList();
    }

    /** A path, query or header parameter. */
    public record Parameter(String name, String in, JsonNode schema, boolean required) {
    }
}
