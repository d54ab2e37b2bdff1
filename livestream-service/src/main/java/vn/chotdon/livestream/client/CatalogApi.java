package vn.chotdon.livestream.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.ClientWebApplicationException;

/** The part of catalog-service's REST API that livestream-service calls, every call with the service token. */
@RegisterRestClient(configKey = "catalog")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CatalogApi {

    /** Body of a reservation: the units the session holds in total. */
    record ReservationRequest(long quantity) {
    }

    @GET
    @Path("/{id}")
    CatalogProduct product(@PathParam("id") long productId);

    @PUT
    @Path("/{id}/reservations/{sessionId}")
    void reserve(@PathParam("id") long productId, @PathParam("sessionId") long sessionId,
            ReservationRequest body);

    @POST
    @Path("/{id}/reservations/{sessionId}/close")
    void close(@PathParam("id") long productId, @PathParam("sessionId") long sessionId);

    @DELETE
    @Path("/{id}/reservations/{sessionId}")
    void release(@PathParam("id") long productId, @PathParam("sessionId") long sessionId);

    /** 4xx become {@link ServiceRefusal} (not retried), anything else {@link CatalogUnavailable}. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status >= 400 && status < 500) {
            return new ServiceRefusal("catalog-service", status, ProblemBody.read(response));
        }
        if (status >= 500) {
            return new CatalogUnavailable("catalog-service answered " + status);
        }
        return new ClientWebApplicationException(status);
    }
}
