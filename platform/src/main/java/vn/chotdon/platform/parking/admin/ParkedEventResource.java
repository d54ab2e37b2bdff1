package vn.chotdon.platform.parking.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.parking.ParkedEventStatus;
import vn.chotdon.platform.parking.ParkedEvents;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

/**
 * The events this service's consumers parked, served by every service. The platform admin sees
 * and replays all of them; a cooperative's owner only those about their cooperative (another's
 * answers 404, as if it did not exist).
 */
@Path("/admin/parked-events")
@Tag(name = "Parked events", description = "Events a consumer could not apply, kept to be looked at and replayed")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.OWNER })
public class ParkedEventResource {

    private final ParkedEvents parked;
    private final ParkedEventReplay replay;
    private final Caller caller;

    ParkedEventResource(ParkedEvents parked, ParkedEventReplay replay, Caller caller) {
        this.parked = parked;
        this.replay = replay;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listParkedEvents", summary = "List parked events, newest first",
            description = "Events this service's consumers could not apply after their retries, kept with the record"
                    + " as received and the last error. The platform admin sees all of them; a cooperative's owner"
                    + " only those about their cooperative.")
    @APIResponse(responseCode = "200", description = "One page of parked events, newest first")
    public PageOf<ParkedEventView> list(
            @QueryParam("status") @Parameter(description = "Only events in this status", example = "PARKED") ParkedEventStatus status,
            @QueryParam("consumer") @Size(max = 100) @Pattern(regexp = "^[A-Za-z0-9._-]*$",
                    message = "a consumer group is letters, digits, dots, dashes and underscores") @Parameter(description = "Only events of this consumer group",
                    example = "order-service.read-model") String consumer,
            @Valid @BeanParam PageParams paging) {
        var found = parked.list(caller.cooperativeScope(), status, consumer, paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), ParkedEventView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getParkedEvent", summary = "Read one parked event",
            description = "With the record's value as received, whether it can be replayed, and the last error.")
    @APIResponse(responseCode = "200", description = "The parked event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParkedEventView.class)))
    @APIResponse(responseCode = "404", description = "No such parked event (or not about the owner's cooperative)."
            + " `type`: https://chotdon.vn/problems/not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedEventView get(@PathParam("id") @Parameter(description = "The parked event's id", example = "12") long id) {
        return ParkedEventView.of(replay.find(id, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "replayParkedEvent", summary = "Run a parked event through its consumer's handler now",
            description = "Applied once, in one transaction with the consumer's processed-event record; success marks"
                    + " it REPLAYED. Replaying an event already REPLAYED changes nothing. No body.")
    @APIResponse(responseCode = "200", description = "Applied (or had been before); the event is REPLAYED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParkedEventView.class)))
    @APIResponse(responseCode = "404", description = "No such parked event (or not about the owner's cooperative)."
            + " `type`: https://chotdon.vn/problems/not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The handler failed again (it stays parked; `error` and"
            + " `attempts` say how), the record is not a readable event, or its consumer does not run in this service."
            + " `type`: https://chotdon.vn/problems/parked-event-replay-failed,"
            + " https://chotdon.vn/problems/parked-event-unreadable, https://chotdon.vn/problems/consumer-not-running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be reached; nothing was changed. Replay it"
            + " again later. `type`: https://chotdon.vn/problems/database-unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedEventView replay(@PathParam("id") @Parameter(description = "The parked event's id", example = "12") long id) {
        return ParkedEventView.of(replay.replay(id, caller.cooperativeScope()));
    }
}
