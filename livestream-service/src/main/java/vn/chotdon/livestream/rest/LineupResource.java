package vn.chotdon.livestream.rest;

import static vn.chotdon.livestream.rest.ProblemTypes.BASE;
import static vn.chotdon.livestream.rest.ProblemTypes.TYPE;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.livestream.LineupItem;
import vn.chotdon.livestream.service.LineupItemChange;
import vn.chotdon.livestream.service.LineupItemDraft;
import vn.chotdon.livestream.service.LineupService;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

@Path("/sessions/{sessionId}/lineup")
@Tag(name = "Lineup", description = "Items offered in a session: short codes, live prices, quotas reserved in catalog-service, the pinned item")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LineupResource {

    private final LineupService lineup;
    private final Caller caller;

    LineupResource(LineupService lineup, Caller caller) {
        this.lineup = lineup;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "addLineupItem", summary = "Add an item; its quota is reserved in catalog-service",
            description = "Allowed while SCHEDULED or LIVE. The product must exist in catalog-service, be ACTIVE and"
                    + " belong to the session's cooperative; one item per product; codes are unique in any case."
                    + " catalog-service reserves the quota first: if it cannot be reached, nothing is added.")
    @APIResponse(responseCode = "201", description = "Added; Location is its URL",
            headers = @Header(name = "Location", required = true, description = "The new item's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineupItemView.class)))
    @APIResponse(responseCode = "404", description = "No such session, or one of another cooperative." + TYPE + "not-found", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is ENDED or CANCELLED (currentStatus), the code is"
            + " already used (code), the product is already in the lineup (productId), the product is not ACTIVE"
            + " (currentStatus), or catalog-service has not enough stock (available, requested)."
            + TYPE + "lineup-closed, " + BASE + "duplicate-code, " + BASE + "product-already-in-lineup, " + BASE
            + "product-not-active, " + BASE + "insufficient-stock",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LivestreamProblem.class)))
    @APIResponse(responseCode = "422", description = "productId names no product, or one of another cooperative"
            + " (listed in `errors`)." + TYPE + "invalid-reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "catalog-service refused a call it should accept; nothing was"
            + " added." + TYPE + "catalog-refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service cannot be reached (nothing was added; try again"
            + " in a moment), or the database cannot." + TYPE + "catalog-unavailable, "
            + ProblemTypes.DATABASE_UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = "Seconds to wait (with database-unavailable)",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("sessionId") @Parameter(description = "The session", example = "5") @Min(1)
            long sessionId, @Valid @NotNull LineupItemDraft draft) {
        LineupItem item = lineup.add(sessionId, caller.cooperativeScope(), draft);
        return Response.created(URI.create("/sessions/" + sessionId + "/lineup/" + item.id))
                .entity(LineupItemView.of(item)).build();
    }

    @GET
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "listLineup", summary = "List the lineup in display order (public)",
            description = "Every item of the session, smallest displayOrder first; an empty list when none was added.")
    @APIResponse(responseCode = "200", description = "The lineup",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LineupItemView.class)))
    @APIResponse(responseCode = "404", description = ProblemTypes.NOT_FOUND_SESSION, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<LineupItemView> list(@PathParam("sessionId") @Parameter(description = "The session", example = "5")
            @Min(1) long sessionId) {
        return lineup.items(sessionId).stream().map(LineupItemView::of).toList();
    }

    @GET
    @Path("/{itemId}")
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "getLineupItem", summary = "Read a lineup item (public)",
            description = "The item must belong to the session named in the path.")
    @APIResponse(responseCode = "200", description = "The item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineupItemView.class)))
    @APIResponse(responseCode = "404", description = ProblemTypes.NOT_FOUND_ITEM, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LineupItemView get(@PathParam("sessionId") @Parameter(description = "The session", example = "5") @Min(1)
            long sessionId, @PathParam("itemId") @Parameter(description = "The item", example = "17") @Min(1) long itemId) {
        return LineupItemView.of(lineup.item(sessionId, itemId));
    }

    @PUT
    @Path("/{itemId}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "changeLineupItem",
            summary = "Change an item's code, live price, quota, per-buyer limit or position",
            description = "Replaces those fields: a perBuyerLimit left out or null removes the limit. Allowed while"
                    + " SCHEDULED or LIVE. While LIVE the code is fixed and the quota can only grow; a new quota is"
                    + " reserved in catalog-service first (if it cannot be reached, nothing changes). A new live price"
                    + " applies to orders placed after the change.")
    @APIResponse(responseCode = "200", description = "The item as changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineupItemView.class)))
    @APIResponse(responseCode = "404", description = "No such session or item in it, or a session of another"
            + " cooperative." + TYPE + "not-found", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is ENDED or CANCELLED (currentStatus), the quota"
            + " shrinks while LIVE (currentQuota), the code changes while LIVE, the code is already used, the item"
            + " was changed by another request at the same moment (read it again), catalog-service has not enough"
            + " stock (available, requested), or the product is no longer ACTIVE." + TYPE + "lineup-closed, " + BASE
            + "quota-cannot-shrink, " + BASE + "code-fixed-while-live, " + BASE + "duplicate-code, " + BASE
            + "concurrent-modification, " + BASE + "insufficient-stock, " + BASE + "product-not-active",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LivestreamProblem.class)))
    @APIResponse(responseCode = "422", description = "catalog-service no longer knows the item's product (listed in"
            + " `errors`)." + TYPE + "invalid-reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "catalog-service refused a call it should accept; nothing was"
            + " changed." + TYPE + "catalog-refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service cannot be reached (nothing was changed; try again"
            + " in a moment), or the database cannot." + TYPE + "catalog-unavailable, "
            + ProblemTypes.DATABASE_UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = "Seconds to wait (with database-unavailable)",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LineupItemView change(@PathParam("sessionId") @Parameter(description = "The session", example = "5") @Min(1)
            long sessionId, @PathParam("itemId") @Parameter(description = "The item", example = "17") @Min(1) long itemId,
            @Valid @NotNull LineupItemChange change) {
        return LineupItemView.of(lineup.change(sessionId, caller.cooperativeScope(), itemId, change));
    }

    @DELETE
    @Path("/{itemId}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "removeLineupItem", summary = "Remove an item; its reservation goes back to catalog-service",
            description = "order-service decides: it withdraws the item from sale only if none of its units is taken"
                    + " (otherwise 409 item-has-orders with ordered, the units its orders took). Only then is the"
                    + " reservation given back to catalog-service and the item deleted. Allowed while SCHEDULED or LIVE.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such session or item in it, or a session of another"
            + " cooperative." + TYPE + "not-found", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The item has orders (ordered: the units they took), or the session"
            + " is ENDED or CANCELLED (currentStatus)." + TYPE + "item-has-orders, " + BASE + "lineup-closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LivestreamProblem.class)))
    @APIResponse(responseCode = "502", description = "order-service or catalog-service refused a call it should accept;"
            + " the item stays." + TYPE + "orders-refused, " + BASE + "catalog-refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "order-service cannot say whether the item has orders, or has not"
            + " caught up with the LIVE session (orders-unavailable), catalog-service cannot be reached"
            + " (catalog-unavailable), or the database cannot; the item stays, try again in a moment." + TYPE
            + "orders-unavailable, " + BASE + "catalog-unavailable, " + ProblemTypes.DATABASE_UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = "Seconds to wait (with database-unavailable)",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response remove(@PathParam("sessionId") @Parameter(description = "The session", example = "5") @Min(1)
            long sessionId, @PathParam("itemId") @Parameter(description = "The item", example = "17") @Min(1) long itemId) {
        lineup.remove(sessionId, caller.cooperativeScope(), itemId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{itemId}/pin")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "pinLineupItem", summary = "Pin the item on screen (LIVE only)",
            description = "The item pinned before is unpinned; pinning the pinned item changes nothing. The overlay and"
                    + " the board show the pinned item.")
    @APIResponse(responseCode = "200", description = "The item, pinned",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LineupItemView.class)))
    @APIResponse(responseCode = "404", description = "No such session or item in it, or a session of another"
            + " cooperative." + TYPE + "not-found", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is not LIVE; currentStatus names its status." + TYPE
            + "session-not-live", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = LivestreamProblem.class)))
    public LineupItemView pin(@PathParam("sessionId") @Parameter(description = "The session", example = "5") @Min(1)
            long sessionId, @PathParam("itemId") @Parameter(description = "The item", example = "17") @Min(1) long itemId) {
        return LineupItemView.of(lineup.pin(sessionId, caller.cooperativeScope(), itemId));
    }
}
