package vn.chotdon.livestream.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Another service answered a 4xx: an answer about this request, which retrying cannot change. */
public class ServiceRefusal extends RuntimeException {

    private final int status;
    private final JsonNode problem;

    public ServiceRefusal(String service, int status, JsonNode problem) {
        super(service + " answered " + status + (problem == null ? "" : ": " + problem.path("detail").asText()));
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

    /** @return whether the problem's type ends with this slug, e.g. {@code insufficient-stock} or {@code item-has-orders} */
    public boolean is(String slug) {
        return problem.path("type").asText().endsWith("/" + slug);
    }
}
