package vn.chotdon.livestream.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Snapshot of the live board (public)",
            description = "confirmedRevenueVnd (per item and in the totals) is there only for the owner of the"
                    + " session's cooperative; for everyone else it is null.")
    @APIResponse(responseCode = "404", description = "No such session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BoardView snapshot(@PathParam("sessionId") @Min(1) long sessionId) {
        return board.snapshot(sessionId, caller.is(Roles.OWNER) ? caller.cooperativeScope() : null);
    }

    @GET
    @Path("/host")
    @RolesAllowed({Roles.OWNER, Roles.STAFF})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The pace of the live for its host (owner, staff of the session's cooperative)",
            description = "Orders and units placed in the last minute and the order codes of the latest order lines,"
                    + " for the host page (/host.html). Another cooperative's session is 404.")
    @APIResponse(responseCode = "404", description = "No such session, or one of another cooperative",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HostView host(@PathParam("sessionId") @Min(1) long sessionId) {
        return board.pace(sessionId, caller.cooperativeScope());
    }

    @GET
    @Path("/stream")
    @PermitAll
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-Sent Events: the board now, then again after every order event or lineup change (public)",
            description = "Each event's data is a Board as JSON, never with revenue (confirmedRevenueVnd is null):"
                    + " the stream is the same for every follower, on every instance. A slow client gets the latest"
                    + " snapshot, not every one. A comment line (': heartbeat') comes when nothing else did for a while."
                    + " When the session ends or is cancelled the stream sends its last snapshot and closes; a connect"
                    + " to a session that is over gets that snapshot and the end at once.")
    @APIResponse(responseCode = "200", description = "text/event-stream of Board snapshots",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = BoardView.class)))
    @APIResponse(responseCode = "404", description = "No such session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "This server serves as many streams as it may; Retry-After says"
            + " when to connect again",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(@PathParam("sessionId") @Min(1) long sessionId) {
        return hub.follow(sessionId);
    }
}
