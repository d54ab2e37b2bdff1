package vn.chotdon.platform.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import vn.chotdon.platform.rest.ResourceRoutes;

/**
 * OPTIONS on a path answers the methods that path has. RESTEasy Reactive would list every method
 * of the resource class, on any of its paths. A CORS preflight (Origin with
 * Access-Control-Request-Method) is left to Quarkus' CORS filter.
 */
@ApplicationScoped
public class OptionsAnswer {

    private final ResourceRoutes routes;

    OptionsAnswer(ResourceRoutes routes) {
        this.routes = routes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.OPTIONS || isPreflight(ctx)) {
            ctx.next();
            return;
        }
        Set<String> allowed = routes.allowed(ctx.normalizedPath());
        if (allowed.isEmpty()) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(200).putHeader(HttpHeaders.ALLOW, String.join(", ", allowed))
                .putHeader(HttpHeaders.CONTENT_LENGTH, "0").end();
    }

    private static boolean isPreflight(RoutingContext ctx) {
        return ctx.request().getHeader(HttpHeaders.ORIGIN) != null
                && ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    }
}
