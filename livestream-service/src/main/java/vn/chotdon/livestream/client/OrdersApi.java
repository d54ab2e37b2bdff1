package vn.chotdon.livestream.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

/** The part of order-service's REST API that livestream-service calls, every call with the service token. */
@RegisterRestClient(configKey = "orders")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface OrdersApi {

    /** Body of a withdrawal: the lineup item's version as livestream-service has it now. */
    record WithdrawalRequest(long version) {
    }

    /** 204: no new order for the item from now on, and no unit of it taken. */
    @PUT
    @Path("/{sessionId}/lineup/{itemId}/withdrawal")
    void withdraw(@PathParam("sessionId") long sessionId, @PathParam("itemId") long itemId, WithdrawalRequest body);

    /** 4xx become {@link ServiceRefusal} (not retried), anything else {@link OrdersUnavailable}. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500) {
            return new ServiceRefusal("order-service", status, ProblemBody.read(response));
        }
        if (status >= 500) {
            return new OrdersUnavailable("order-service answered " + status);
        }
        return new ClientWebApplicationException(status);
    }
}
