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
    @Operation(summary = "List parked events, newest first",
            description = "An owner sees only the events about their cooperative.")
    public PageOf<ParkedEventView> list(
            @QueryParam("status") @Parameter(description = "PARKED or REPLAYED", example = "PARKED") ParkedEventStatus status,
            @QueryParam("consumer") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]*",
                    message = "a consumer group is letters, digits, dots, dashes and underscores") @Parameter(description = "A consumer group",
                    example = "order-service.read-model") String consumer,
            @Valid @BeanParam PageParams paging) {
        var found = parked.list(caller.cooperativeScope(), status, consumer, paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), ParkedEventView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one parked event, with its payload and last error")
    @APIResponse(responseCode = "404", description = "No such parked event (or not about the owner's cooperative)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedEventView get(@PathParam("id") long id) {
        return ParkedEventView.of(replay.find(id, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Run a parked event through its consumer's handler now",
            description = "Applied once, in one transaction with the consumer's processed-event record; success marks"
                    + " it REPLAYED. Replaying an event already REPLAYED changes nothing.")
    @APIResponse(responseCode = "200", description = "Applied (or had been before); the event is REPLAYED",
            content = @Content(schema = @Schema(implementation = ParkedEventView.class)))
    @APIResponse(responseCode = "404", description = "No such parked event (or not about the owner's cooperative)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The handler failed again (parked-event-replay-failed, with the"
            + " error; it stays parked), the record is not a readable event (parked-event-unreadable), or its consumer"
            + " does not run in this service (consumer-not-running)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database cannot be reached; nothing was changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedEventView replay(@PathParam("id") long id) {
        return ParkedEventView.of(replay.replay(id, caller.cooperativeScope()));
    }
}
