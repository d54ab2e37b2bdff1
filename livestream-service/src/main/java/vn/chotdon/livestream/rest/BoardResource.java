package vn.chotdon.livestream.rest;

import static vn.chotdon.livestream.rest.ProblemTypes.TYPE;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.livestream.board.Board;
import vn.chotdon.livestream.board.BoardHub;
import vn.chotdon.livestream.board.BoardView;
import vn.chotdon.livestream.board.HostView;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

@Path("/sessions/{sessionId}/board")
@Tag(name = "Live board", description = "Per-item counters of ordered, held, confirmed and cancelled units, moved by order events")
public class BoardResource {

    private final Board board;
    private final BoardHub hub;
    private final Caller caller;

    BoardResource(Board board, BoardHub hub, Caller caller) {
        this.board = board;
        this.hub = hub;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "getBoard", summary = "Snapshot of the live board (public)",
            description = "Every item's counters and the ticker of the latest order lines. confirmedRevenueVnd (per"
                    + " item and in the totals) is there only for the owner of the session's cooperative; for everyone"
                    + " else it is null.")
    @APIResponse(responseCode = "200", description = "The board now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BoardView.class)))
    @APIResponse(responseCode = "404", description = ProblemTypes.NOT_FOUND_SESSION, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = ProblemTypes.BAD_TOKEN,
            headers = @Header(name = "WWW-Authenticate", description = "Bearer",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = ProblemTypes.TOKEN_WITHOUT_COOPERATIVE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BoardView snapshot(@PathParam("sessionId") @Parameter(description = "The session", example = "5") @Min(1)
            long sessionId) {
        return board.snapshot(sessionId, caller.is(Roles.OWNER) ? caller.cooperativeScope() : null);
    }

    @GET
    @Path("/host")
    @RolesAllowed({Roles.OWNER, Roles.STAFF})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHostBoard",
            summary = "The pace of the live for its host (owner, staff of the session's cooperative)",
            description = "Orders and units placed in the last minute and the order codes of the latest order lines,"
                    + " for the host page (/host.html).")
    @APIResponse(responseCode = "200", description = "The pace now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HostView.class)))
    @APIResponse(responseCode = "404", description = "No such session, or one of another cooperative." + TYPE
            + "not-found", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HostView host(@PathParam("sessionId") @Parameter(description = "The session", example = "5") @Min(1)
            long sessionId) {
        return board.pace(sessionId, caller.cooperativeScope());
    }

    @GET
    @Path("/stream")
    @PermitAll
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @SecurityRequirements
    @Operation(operationId = "streamBoard",
            summary = "Server-Sent Events: the board now, then again after every order event or lineup change (public)",
            description = "Each event's data is a Board (see the schema Board) as JSON, never with revenue"
                    + " (confirmedRevenueVnd is null): the stream is the same for every follower, on every instance. A"
                    + " slow client gets the latest snapshot, not every one. A comment line (': heartbeat') comes when"
                    + " nothing else did for a while. When the session ends or is cancelled the stream sends its last"
                    + " snapshot and closes; a connect to a session that is over gets that snapshot and the end at"
                    + " once. Errors come as application/problem+json before any event.")
    @APIResponse(responseCode = "200", description = "A text/event-stream whose events' data are Board snapshots",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    description = "Server-Sent Events; each event's data is one Board as JSON",
                    example = "data:{\"sessionId\":5,\"title\":\"Chốt đơn bánh gio Đan Phượng tối thứ Sáu\",\"status\":\"LIVE\",...}\n\n")))
    @APIResponse(responseCode = "404", description = ProblemTypes.NOT_FOUND_SESSION, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "This server serves as many streams as it may (connect again"
            + " after Retry-After seconds, perhaps to another instance), or the database cannot be reached." + TYPE
            + "board-streams-full, " + ProblemTypes.DATABASE_UNAVAILABLE,
            headers = @Header(name = "Retry-After", required = true, description = "Seconds to wait before connecting again",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LivestreamProblem.class)))
    public Multi<OutboundSseEvent> stream(@PathParam("sessionId") @Parameter(description = "The session", example = "5")
            @Min(1) long sessionId) {
        return hub.follow(sessionId);
    }
}
