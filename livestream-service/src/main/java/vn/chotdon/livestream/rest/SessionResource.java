package vn.chotdon.livestream.rest;

import static vn.chotdon.livestream.rest.ProblemTypes.BASE;
import static vn.chotdon.livestream.rest.ProblemTypes.TYPE;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
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
    @Operation(operationId = "planSession", summary = "Plan a session (as SCHEDULED)",
            description = "Owner or staff, for their own cooperative (an admin for any). The session starts SCHEDULED,"
                    + " with an empty lineup; order-service learns of it from its event.")
    @APIResponse(responseCode = "201", description = "Planned; Location is its URL",
            headers = @Header(name = "Location", required = true, description = "The new session's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "422", description = "cooperativeId is not the caller's own cooperative (listed in"
            + " `errors`)." + TYPE + "invalid-reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull SessionDraft draft) {
        SaleSession created = sessions.create(draft, caller.cooperativeScope());
        return Response.created(URI.create("/sessions/" + created.id)).entity(view(created)).build();
    }

    @GET
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "listSessions", summary = "List sessions by cooperative, status and scheduled start (public)",
            description = "from is inclusive and to exclusive, both on the scheduled start; sorted by scheduled start."
                    + " notes is null except for the owner and staff of the session's cooperative. An unknown status"
                    + " or a date-time without offset is a 400 naming the parameter.")
    @APIResponse(responseCode = "200", description = "One page of sessions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionPage.class)))
    @APIResponse(responseCode = "401", description = ProblemTypes.BAD_TOKEN,
            headers = @Header(name = "WWW-Authenticate", description = "Bearer",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ProblemTypes.TOKEN_WITHOUT_COOPERATIVE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionPage list(
            @QueryParam("cooperativeId") @Parameter(description = "Only this cooperative's sessions", example = "1")
            Long cooperativeId,
            @QueryParam("status") @Parameter(description = "Only sessions in this status", example = "SCHEDULED",
                    schema = @Schema(implementation = SessionStatus.class)) String status,
            @QueryParam("from") @Parameter(description = "ISO-8601 with offset, inclusive", example = "2026-12-01T00:00:00+07:00",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(description = "ISO-8601 with offset, exclusive", example = "2026-12-08T00:00:00+07:00",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @Valid @BeanParam PageParams paging) {
        SessionQuery query = ListingFilters.parse(cooperativeId, status, from, to);
        var found = sessions.list(query, paging.page, paging.size);
        return SessionPage.of(PageOf.of(found.items(), paging.page, paging.size, found.total(), this::view));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "getSession", summary = "Read a session (public)",
            description = "notes is null except for the owner and staff of the session's cooperative.")
    @APIResponse(responseCode = "200", description = "The session",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = ProblemTypes.NOT_FOUND_SESSION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ProblemTypes.BAD_TOKEN,
            headers = @Header(name = "WWW-Authenticate", description = "Bearer",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ProblemTypes.TOKEN_WITHOUT_COOPERATIVE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView get(@PathParam("id") @Parameter(description = "The session", example = "5") @Min(1) long id) {
        return view(sessions.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "changeSession", summary = "Change a session's details (title, platform, times, hold settings)",
            description = "Replaces every detail: an optional field left out or null is removed (or back to its"
                    + " default). Allowed while SCHEDULED or LIVE; order-service applies new hold settings to orders"
                    + " placed after the change.")
    @APIResponse(responseCode = "200", description = "The session as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session, or one of another cooperative." + TYPE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is ENDED or CANCELLED; currentStatus names its"
            + " status." + TYPE + "session-closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LivestreamProblem.class)))
    public SessionView update(@PathParam("id") @Parameter(description = "The session", example = "5") @Min(1) long id,
            @Valid @NotNull SessionDetails details) {
        return view(sessions.update(id, caller.cooperativeScope(), details));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "startSession", summary = "Go live (SCHEDULED → LIVE)",
            description = "order-service starts taking orders for the lineup when it reads the event; startedAt is set.")
    @APIResponse(responseCode = "200", description = "The session, LIVE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session, or one of another cooperative." + TYPE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is not SCHEDULED; currentStatus names its status."
            + TYPE + "illegal-status-change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LivestreamProblem.class)))
    public SessionView start(@PathParam("id") @Parameter(description = "The session", example = "5") @Min(1) long id) {
        return view(sessions.start(id, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "endSession", summary = "End the live (LIVE → ENDED)",
            description = "catalog-service first closes each item's reservation, keeping only the units the session's"
                    + " orders sold or still hold; the rest goes back to stock. If catalog-service fails, the session"
                    + " stays LIVE and nothing is given back.")
    @APIResponse(responseCode = "200", description = "The session, ENDED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session, or one of another cooperative." + TYPE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is not LIVE (currentStatus names its status), or"
            + " its lineup kept changing while it was closing (try again)." + TYPE + "illegal-status-change, " + BASE
            + "concurrent-modification",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LivestreamProblem.class)))
    @APIResponse(responseCode = "502", description = "catalog-service refused a call it should accept; the session"
            + " stays LIVE." + TYPE + "catalog-refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service cannot be reached (the session stays LIVE; try"
            + " again in a moment), or the database cannot." + TYPE + "catalog-unavailable, "
            + ProblemTypes.DATABASE_UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = "Seconds to wait (with database-unavailable)",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView end(@PathParam("id") @Parameter(description = "The session", example = "5") @Min(1) long id) {
        return view(sessions.end(id, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "cancelSession", summary = "Cancel a planned session (SCHEDULED → CANCELLED)",
            description = "catalog-service first gives every reserved unit of the lineup back to stock. If"
                    + " catalog-service fails, the session stays SCHEDULED and keeps its reservations.")
    @APIResponse(responseCode = "200", description = "The session, CANCELLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session, or one of another cooperative." + TYPE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is not SCHEDULED (currentStatus names its status),"
            + " or its lineup kept changing while it was closing (try again)." + TYPE + "illegal-status-change, " + BASE
            + "concurrent-modification",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LivestreamProblem.class)))
    @APIResponse(responseCode = "502", description = "catalog-service refused a call it should accept; the session"
            + " stays SCHEDULED." + TYPE + "catalog-refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service cannot be reached (the session stays SCHEDULED;"
            + " try again in a moment), or the database cannot." + TYPE + "catalog-unavailable, "
            + ProblemTypes.DATABASE_UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = "Seconds to wait (with database-unavailable)",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView cancel(@PathParam("id") @Parameter(description = "The session", example = "5") @Min(1) long id) {
        return view(sessions.cancel(id, caller.cooperativeScope()));
    }

    /** The notes are the cooperative's own: only its owner and staff read them. */
    private SessionView view(SaleSession session) {
        return SessionView.of(session, caller.worksForCooperative() && caller.mayActFor(session.cooperativeId));
    }
}
