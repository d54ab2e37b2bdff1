package vn.chotdon.testing.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation of a service's OpenAPI document, with its schemas resolved: what a fuzzer needs
 * to build requests for it.
 *
 * @param bodySchema the JSON schema of the request body, or null when it takes none
 * @param bodyMediaType the media type the body is documented with (application/json...), or null
 * @param secured whether the document declares a security requirement (a bearer token)
 */
public record ApiOperation(String method, String pathTemplate, List<Parameter> parameters, JsonNode bodySchema,
        String bodyMediaType, boolean secured) {

    public String name() {
        return method + " " + pathTemplate;
    }

    public List<Parameter> in(String location) {
        return parameters.stream().filter(p -> p.in().equals(location)).toList();
    }

    /** A path, query or header parameter. */
    public record Parameter(String name, String in, JsonNode schema, boolean required) {
    }
}
