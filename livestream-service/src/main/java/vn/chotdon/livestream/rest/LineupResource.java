package vn.chotdon.livestream.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Add an item; its quota is reserved in catalog-service",
            description = "Allowed while SCHEDULED or LIVE. The product must exist in catalog-service, be ACTIVE and"
                    + " belong to the session's cooperative; one item per product; codes are unique in any case.")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Duplicate code or product, product not ACTIVE, not enough stock"
            + " (available says how much), or the session is ENDED/CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown product, or a product of another cooperative",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service is unavailable; nothing was added",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("sessionId") @Min(1) long sessionId, @Valid @NotNull LineupItemDraft draft) {
        LineupItem item = lineup.add(sessionId, caller.cooperativeScope(), draft);
        return Response.created(URI.create("/sessions/" + sessionId + "/lineup/" + item.id))
                .entity(LineupItemView.of(item)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List the lineup in display order (public)")
    @APIResponse(responseCode = "404", description = "No such session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<LineupItemView> list(@PathParam("sessionId") @Min(1) long sessionId) {
        return lineup.items(sessionId).stream().map(LineupItemView::of).toList();
    }

    @GET
    @Path("/{itemId}")
    @PermitAll
    @Operation(summary = "Read a lineup item (public)")
    @APIResponse(responseCode = "404", description = "No such session or item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LineupItemView get(@PathParam("sessionId") @Min(1) long sessionId, @PathParam("itemId") @Min(1) long itemId) {
        return LineupItemView.of(lineup.item(sessionId, itemId));
    }

    @GET
    @Path("/codes/{code}")
    @PermitAll
    @Operation(summary = "Find a lineup item by the code buyers type, in any case (bg01 finds BG01; public)")
    @APIResponse(responseCode = "404", description = "No item with that code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LineupItemView byCode(@PathParam("sessionId") @Min(1) long sessionId,
            @PathParam("code") @Parameter(example = "bg01") String code) {
        return LineupItemView.of(lineup.byCode(sessionId, code));
    }

    @PUT
    @Path("/{itemId}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "Change an item's code, live price, quota, per-buyer limit or position",
            description = "While LIVE the code is fixed and the quota can only grow (catalog-service reserves more);"
                    + " a new live price applies to orders placed after the change.")
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session or item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Quota shrinks or code changes while LIVE, duplicate code,"
            + " not enough stock, or the session is ENDED/CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "catalog-service is unavailable; nothing was changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LineupItemView change(@PathParam("sessionId") @Min(1) long sessionId,
            @PathParam("itemId") @Min(1) long itemId, @Valid @NotNull LineupItemChange change) {
        return LineupItemView.of(lineup.change(sessionId, caller.cooperativeScope(), itemId, change));
    }

    @DELETE
    @Path("/{itemId}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Remove an item; its reservation goes back to catalog-service",
            description = "order-service decides: it withdraws the item from sale only if none of its units is taken"
                    + " (otherwise 409 item-has-orders with ordered, the units its orders took). Only then is the"
                    + " reservation given back to catalog-service and the item deleted.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such session or item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The item has orders (ordered: units taken), or the session is"
            + " ENDED/CANCELLED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "order-service cannot say whether the item has orders"
            + " (orders-unavailable), or catalog-service is unavailable (catalog-unavailable); the item stays",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response remove(@PathParam("sessionId") @Min(1) long sessionId, @PathParam("itemId") @Min(1) long itemId) {
        lineup.remove(sessionId, caller.cooperativeScope(), itemId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{itemId}/pin")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Pin the item on screen (LIVE only); the item pinned before is unpinned")
    @APIResponse(responseCode = "404", description = "No such session or item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The session is not LIVE; currentStatus names its state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LineupItemView pin(@PathParam("sessionId") @Min(1) long sessionId, @PathParam("itemId") @Min(1) long itemId) {
        return LineupItemView.of(lineup.pin(sessionId, caller.cooperativeScope(), itemId));
    }
}
