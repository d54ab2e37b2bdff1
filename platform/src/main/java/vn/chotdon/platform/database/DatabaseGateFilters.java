package vn.chotdon.platform.database;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.chotdon.platform.problem.Problem;

/**
 * Answers API requests 503 at once while the {@link DatabaseGate} is closed, and closes it when a
 * request found the database server gone (a pool merely too busy to lend a connection in time
 * answers that one request 503 and closes nothing). Health, metrics and the API document are not API
 * requests: readiness keeps asking the pool itself.
 */
public class DatabaseGateFilters {

    private static final String UNAVAILABLE = Problem.TYPE_BASE + DatabaseOutage.SLUG;

    private final DatabaseGate gate;

    DatabaseGateFilters(DatabaseGate gate) {
        this.gate = gate;
    }

    @ServerRequestFilter
    public Response refuseWhileTheDatabaseIsAway(UriInfo uri) {
        return gate.isClosed() ? DatabaseOutage.answer("/" + uri.getPath().replaceFirst("^/", "")) : null;
    }

    @ServerResponseFilter
    public void noticeTheDatabaseIsAway(ContainerResponseContext response, Throwable failure) {
        if (failure != null && response.getStatus() == 503 && response.getEntity() instanceof Problem problem
                && UNAVAILABLE.equals(problem.type) && DatabaseOutage.showsTheServerGone(failure)) {
            gate.close();
        }
    }
}
