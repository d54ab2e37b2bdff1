package vn.chotdon.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.chotdon.platform.problem.Problem;

/**
 * 401 and 403 as problem+json. The detail never says why a token was refused (expired, wrong
 * issuer, bad signature): that helps an attacker more than a client.
 */
public class AccessProblems {

    private static final String CHALLENGE = "Bearer";

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(new Problem("unauthorized", "Sign-in required", 401,
                "This request needs a valid bearer token (Authorization: Bearer ...)", path(uri), null, null)
                .toResponse()).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return new Problem("forbidden", "Not allowed", 403,
                "Your role does not allow this request", path(uri), null, null).toResponse();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
