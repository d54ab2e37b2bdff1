package vn.chotdon.platform.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Roles;

/** The platform operator's view of outbox events Kafka refused for good, in every service. */
@Path("/admin/outbox/parked")
@Tag(name = "Operations", description = "What the platform operator looks after")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ParkedOutboxResource {

    private final ParkedOutboxEvents parked;

    ParkedOutboxResource(ParkedOutboxEvents parked) {
        this.parked = parked;
    }

    @GET
    @Operation(operationId = "listParkedOutboxEvents",
            summary = "Outbox events Kafka refused for good (too large, invalid topic), oldest first",
            description = "A parked event no longer holds up the events behind it; its last error says why Kafka"
                    + " refused it. A broker outage never parks events: they wait in the outbox.")
    @APIResponse(responseCode = "200", description = "One page of parked outbox events, oldest first")
    public PageOf<ParkedOutboxEventView> list(@Valid @BeanParam PageParams paging) {
        ParkedOutboxEvents.Found found = parked.list(paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), ParkedOutboxEventView::of);
    }

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "retryParkedOutboxEvent", summary = "Release a parked outbox event for another try",
            description = "The relay sends it on its next round, after the events of its key written since it was"
                    + " parked, and parks it again if Kafka still refuses it. No body.")
    @APIResponse(responseCode = "200", description = "Released; parkedAt is now null",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ParkedOutboxEventView.class)))
    @APIResponse(responseCode = "404", description = "No parked outbox event with this id (never parked, released"
            + " already, or sent since). `type`: https://chotdon.vn/problems/not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedOutboxEventView retry(
            @PathParam("id") @Parameter(description = "The outbox event's id", example = "4711") long id) {
        return ParkedOutboxEventView.of(parked.release(id));
    }
}
