package vn.chotdon.livestream.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.livestream.SaleSession;
import vn.chotdon.livestream.SessionStatus;
import vn.chotdon.livestream.service.SessionDetails;
import vn.chotdon.livestream.service.SessionDraft;
import vn.chotdon.livestream.service.SessionService;
import vn.chotdon.livestream.service.SessionService.SessionQuery;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

@Path("/sessions")
@Tag(name = "Sessions", description = "Live sale sessions and their lifecycle: SCHEDULED → LIVE → ENDED, or SCHEDULED → CANCELLED")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final Caller caller;

    SessionResource(SessionService sessions, Caller caller) {
        this.sessions = sessions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "Plan a session (as SCHEDULED); owner or staff, for their own cooperative")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "cooperativeId is not the caller's own cooperative",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull SessionDraft draft) {
        SaleSession created = sessions.create(draft, caller.cooperativeScope());
        return Response.created(URI.create("/sessions/" + created.id)).entity(view(created)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List sessions by cooperative, status and scheduled start (public)",
            description = "from is inclusive and to exclusive, both on the scheduled start; sorted by scheduled start."
                    + " notes is null except for the owner and staff of the session's cooperative.")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<SessionView> list(
            @QueryParam("cooperativeId") @Parameter(example = "1") Long cooperativeId,
            @QueryParam("status") @Parameter(example = "SCHEDULED", schema = @Schema(implementation = SessionStatus.class))
            String status,
            @QueryParam("from") @Parameter(description = "ISO-8601 with offset, inclusive", example = "2026-12-01T00:00:00+07:00")
            String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 with offset, exclusive", example = "2026-12-08T00:00:00+07:00")
            String to,
            @Valid @BeanParam PageParams paging) {
        SessionQuery query = ListingFilters.parse(cooperativeId, status, from, to);
        var found = sessions.list(query, paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), this::view);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Read a session (public)",
            description = "notes is null except for the owner and staff of the session's cooperative.")
    @APIResponse(responseCode = "404", description = "No such session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView get(@PathParam("id") @Min(1) long id) {
        return view(sessions.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "Change a session's details (title, platform, times, hold settings)")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is ENDED or CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView update(@PathParam("id") @Min(1) long id, @Valid @NotNull SessionDetails details) {
        return view(sessions.update(id, caller.cooperativeScope(), details));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Go live (SCHEDULED → LIVE); order-service starts taking orders")
    @APIResponse(responseCode = "409", description = "Not a legal status change; currentStatus names the state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView start(@PathParam("id") @Min(1) long id) {
        return view(sessions.start(id, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "End the live (LIVE → ENDED); unsold reserved units go back to catalog-service")
    @APIResponse(responseCode = "409", description = "Not a legal status change; currentStatus names the state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service is unavailable; the session stays LIVE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView end(@PathParam("id") @Min(1) long id) {
        return view(sessions.end(id, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel a planned session (SCHEDULED → CANCELLED); its reservations go back to catalog-service")
    @APIResponse(responseCode = "409", description = "Not a legal status change; currentStatus names the state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service is unavailable; the session stays SCHEDULED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView cancel(@PathParam("id") @Min(1) long id) {
        return view(sessions.cancel(id, caller.cooperativeScope()));
    }

    /** The notes are the cooperative's own: only its owner and staff read them. */
    private SessionView view(SaleSession session) {
        return SessionView.of(session, caller.worksForCooperative() && caller.mayActFor(session.cooperativeId));
    }
}
