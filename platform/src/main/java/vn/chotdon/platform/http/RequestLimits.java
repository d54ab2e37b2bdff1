package vn.chotdon.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.chotdon.platform.problem.EarlyProblems;

/**
 * The request line and header limits, enforced here so that a refusal is problem+json: Vert.x's
 * own limits (quarkus.http.limits.*, set well above these) answer with an empty body before any
 * route runs. (A request line Java's URI parser refuses, such as {@code ?a=%}, is answered 400
 * with an empty body by Quarkus before the router, where no route can see it.)
 */
@ApplicationScoped
public class RequestLimits {

    /** "HTTP/1.1" and the two spaces around the target, as Vert.x counts the initial line. */
    private static final int LINE_FRAME = " HTTP/1.1".length() + 1;
    /** ": " and CRLF of each header line. */
    private static final int HEADER_FRAME = 4;

    private final int maxLine;
    private final long maxHeaders;

    RequestLimits(@ConfigProperty(name = "chotdon.http.max-request-line", defaultValue = "4K") MemorySize maxLine,
            @ConfigProperty(name = "chotdon.http.max-header-size", defaultValue = "16K") MemorySize maxHeaders) {
        this.maxLine = (int) maxLine.asLongValue();
        this.maxHeaders = maxHeaders.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        int line = request.method().name().length() + request.uri().length() + LINE_FRAME;
        if (line > maxLine) {
            EarlyProblems.answer(ctx, 414, "uri-too-long", "URI too long", "The request line is " + line
                    + " bytes; this service accepts at most " + maxLine + ". Send long data in a body", true);
            return;
        }
        long headers = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headers += header.getKey().length() + header.getValue().length() + HEADER_FRAME;
        }
        if (headers > maxHeaders) {
            EarlyProblems.answer(ctx, 431, "headers-too-large", "Request headers too large", "The request headers are "
                    + headers + " bytes; this service accepts at most " + maxHeaders, true);
            return;
        }
        ctx.next();
    }
}
