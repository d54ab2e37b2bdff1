package vn.chotdon.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quarkus refuses a body declared larger than quarkus.http.limits.max-body-size with an empty
 * 413 before any resource runs; this answers it first, in the problem+json form of every other
 * error. (A chunked body without Content-Length that runs over is still cut off by Quarkus.)
 */
@ApplicationScoped
public class OversizedBodyAnswer {

    private final Optional<MemorySize> limit;

    OversizedBodyAnswer(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        if (limit.isEmpty()) {
            return;
        }
        long maxBytes = limit.get().asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && isOver(declared, maxBytes)) {
                EarlyProblems.answer(ctx, 413, "body-too-large", "Request body too large",
                        "The request body is " + declared + " bytes; this service accepts at most " + maxBytes, true);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isOver(String contentLength, long maxBytes) {
        try {
            return Long.parseLong(contentLength.strip()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
