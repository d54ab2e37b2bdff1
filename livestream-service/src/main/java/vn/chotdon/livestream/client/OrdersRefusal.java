package vn.chotdon.livestream.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** order-service answered a 4xx: an answer about this request, which retrying cannot change. */
public class OrdersRefusal extends RuntimeException {

    private final int status;
    private final JsonNode problem;

    public OrdersRefusal(int status, JsonNode problem) {
        super("order-service answered " + status + (problem == null ? "" : ": " + problem.path("detail").asText()));
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

    /** @return whether the problem's type ends with this slug, e.g. {@code item-has-orders} */
    public boolean is(String slug) {
        return problem.path("type").asText().endsWith("/" + slug);
    }
}
