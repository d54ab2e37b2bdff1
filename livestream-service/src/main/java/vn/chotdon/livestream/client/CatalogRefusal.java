package vn.chotdon.livestream.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** catalog-service answered a 4xx: the request is wrong, retrying it cannot help. */
public class CatalogRefusal extends RuntimeException {

    private final int status;
    private final JsonNode problem;

    public CatalogRefusal(int status, JsonNode problem) {
        super("catalog-service answered " + status + (problem == null ? "" : ": " + problem.path("detail").asText()));
        this.status = status;
        this.problem = problem == null ? MissingNode.getInstance() : problem;
    }

    public int status() {
        return status;
    }

    /** The problem+json body, or a missing node when there was none. */
    public JsonNode problem() {
        return problem;
    }

    /** @return whether the problem's type ends with this slug, e.g. {@code insufficient-stock} */
    public boolean is(String slug) {
        return problem.path("type").asText().endsWith("/" + slug);
    }
}
