package vn.chotdon.order.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.service.OrderAttemptLimits;
import vn.chotdon.order.service.OrderLifecycle.Actor;
import vn.chotdon.order.service.OrderLifecycle;
import vn.chotdon.order.service.OrderPlacement;
import vn.chotdon.order.service.OrderQueries;
import vn.chotdon.order.service.PlaceOrder;
import vn.chotdon.order.view.OrderReceipt;
import vn.chotdon.order.view.OrderView;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;
import vn.chotdon.platform.text.VietnamPhone;
import vn.chotdon.platform.validation.StoredText;

/**
 * Buyers place orders without signing in; everything else is for the owner and staff of the
 * order's cooperative, and another cooperative's order is not found (404).
 */
@Path("/orders")
@Tag(name = "Orders", description = "Placing orders during a live sale, and staff handling them")
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderPlacement placement;
    private final OrderAttemptLimits attemptLimits;
    private final OrderLifecycle lifecycle;
    private final OrderQueries queries;
    private final Caller caller;

    OrderResource(OrderPlacement placement, OrderAttemptLimits attemptLimits, OrderLifecycle lifecycle,
            OrderQueries queries, Caller caller) {
        this.placement = placement;
        this.attemptLimits = attemptLimits;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order for a buyer watching the live sale",
            description = "Accepted only while the session is LIVE; prices come from the lineup. Send an"
                    + " Idempotency-Key: a retry with the same key and body gets the first answer.")
    @APIResponse(responseCode = "201", description = "Placed; units are held for the order",
            content = @Content(schema = @Schema(implementation = OrderReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (phone, address, quantities...), all listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Sold out (names the item and what remains), over the per-buyer"
            + " limit, over the units one phone may hold unpaid in the session (held-units-cap), session not LIVE,"
            + " or the first request with this Idempotency-Key is still running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A code not on the lineup, or an Idempotency-Key reused for another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many order attempts from this address or for this phone;"
            + " Retry-After says when to send the same request again (nothing was done)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response place(
            @HeaderParam("Idempotency-Key") @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.:-]+",
                    message = "may hold letters, digits and _ . : - only")
            @Parameter(description = "A client-generated id of this order attempt, e.g. a UUID", example = "7b0e3c9a-5f0e-4f59-9a51-2f7f0c1d9e11")
            String idempotencyKey,
            @Valid @NotNull @RequestBody(content = @Content(schema = @Schema(implementation = PlaceOrder.class)))
            PlaceOrder order,
            UriInfo uri,
            HttpServerRequest request) {
        attemptLimits.admit(request.remoteAddress().hostAddress(), VietnamPhone.normalise(order.phone()).orElseThrow());
        OrderPlacement.Answer answer = placement.place(order, idempotencyKey, "/" + uri.getPath().replaceFirst("^/", ""));
        return Response.status(answer.status())
                .type(answer.status() >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                .entity(answer.body()).build();
    }

    @GET
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "List the orders of the caller's cooperative, filtered by session, status and phone")
    public PageOf<OrderView> list(
            @QueryParam("sessionId") @Parameter(example = "5") Long sessionId,
            @QueryParam("status") @Parameter(example = "PLACED") OrderStatus status,
            @QueryParam("phone") @Parameter(description = "Any usual form; matched normalised", example = "0912345678") String phone,
            @Valid @BeanParam PageParams paging) {
        var found = queries.list(caller.cooperativeScope(), sessionId, status, phone, paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "Read an order of the caller's cooperative")
    public OrderView get(@PathParam("id") long id) {
        return view(queries.byId(id, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm a PLACED order")
    @APIResponse(responseCode = "409", description = "Not a legal status change; names the current status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderView confirm(@PathParam("id") long id) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.CONFIRMED, Actor.STAFF, null));
    }

    @POST
    @Path("/{id}/pay")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Record the payment of a PLACED or CONFIRMED order (bank transfer received)")
    public OrderView pay(@PathParam("id") long id) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.PAID, Actor.STAFF, null));
    }

    @POST
    @Path("/{id}/ship")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Hand a PAID order (or a CONFIRMED cash-on-delivery order) to the courier")
    public OrderView ship(@PathParam("id") long id) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.SHIPPED, Actor.STAFF, null));
    }

    @POST
    @Path("/{id}/deliver")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Record delivery of a SHIPPED order (cash on delivery is then paid)")
    public OrderView deliver(@PathParam("id") long id) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.DELIVERED, Actor.STAFF, null));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel an order not yet shipped; its units go back to the session's quota")
    public OrderView cancel(@PathParam("id") long id,
            @QueryParam("reason") @Size(max = 500) @StoredText(max = 500, multiline = true) @Parameter(example = "Khách đổi ý") String reason) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.CANCELLED, Actor.STAFF, reason));
    }

    /** Owners see their buyers' phones and addresses whole; staff see them masked. */
    private OrderView view(Order order) {
        return caller.is(Roles.OWNER) ? OrderView.of(order) : OrderView.masked(order);
    }
}
