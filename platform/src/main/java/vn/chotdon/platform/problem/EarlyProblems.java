package vn.chotdon.platform.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers problem+json from a Vert.x route, for refusals made before any REST resource runs
 * (and so before the JAX-RS exception mappers could).
 */
public final class EarlyProblems {

    private EarlyProblems() {
    }

    /** Ends the request with this problem; {@code close} drops the connection after it (a body left unread). */
    public static void answer(RoutingContext ctx, int status, String slug, String title, String detail,
            boolean close) {
        JsonObject problem = new JsonObject()
                .put("type", Problem.TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        String instance = instance(ctx);
        if (instance != null) {
            problem.put("instance", instance);
        }
        String body = problem.encode();
        var response = ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body);
    }

    /** The path as sent, or nothing when even that cannot be told (it is then what the problem is about). */
    private static String instance(RoutingContext ctx) {
        String path = ctx.request().path();
        return path != null && path.length() <= 2048 ? path : null;
    }
}
