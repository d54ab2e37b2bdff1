package vn.chotdon.order.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.chotdon.order.service.TooManyAttempts;

/** 429 problem+json with the Retry-After header a client or a proxy can act on. */
public class TooManyAttemptsAnswer {

    @ServerExceptionMapper
    public Response tooMany(TooManyAttempts e, UriInfo uri) {
        return e.toProblem("/" + uri.getPath().replaceFirst("^/", ""))
                .toResponseRetryingAfter(e.retryAfterSeconds());
    }
}
