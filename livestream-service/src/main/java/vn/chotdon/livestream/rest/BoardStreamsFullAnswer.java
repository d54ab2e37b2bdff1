package vn.chotdon.livestream.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.chotdon.livestream.board.BoardStreamsFull;

/** 503 problem+json with the Retry-After header a client or a proxy can act on. */
public class BoardStreamsFullAnswer {

    @ServerExceptionMapper
    public Response full(BoardStreamsFull e, UriInfo uri) {
        return e.toProblem("/" + uri.getPath().replaceFirst("^/", ""))
                .toResponseRetryingAfter(e.retryAfterSeconds());
    }
}
