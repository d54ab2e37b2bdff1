package vn.chotdon.order.rest;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.buyer.BuyerSummary;
import vn.chotdon.order.buyer.service.BuyerRecords;
import vn.chotdon.order.buyer.service.BuyerScreening;
import vn.chotdon.order.service.OpenOrderRequests;
import vn.chotdon.order.service.OrderAttemptLimits;
import vn.chotdon.order.service.OrderLifecycle.Actor;
import vn.chotdon.order.service.OrderLifecycle;
import vn.chotdon.order.service.OrderPlacement;
import vn.chotdon.order.service.OrderQueries;
import vn.chotdon.order.service.OrderTransfers;
import vn.chotdon.order.service.PlaceOrder;
import vn.chotdon.order.service.Placement;
import vn.chotdon.order.service.UnitsInFlight;
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

    static final String IDEMPOTENCY_KEY = "[A-Za-z0-9_.:-]+";
    /** The platform answers it before any resource runs, for a Content-Length over quarkus.http.limits.max-body-size. */
    static final String BODY_TOO_LARGE = "The body is larger than the 256 KiB this service accepts; nothing was read."
            + " `type`: " + Problem.TYPE_BASE + "body-too-large";
    static final String NO_ORDER = "No order with this id in the caller's cooperative (another cooperative's order"
            + " is not found either). `type`: " + Problem.TYPE_BASE + "not-found";
    static final String ILLEGAL_CHANGE = "The order's status does not allow this change (`currentStatus` names it);"
            + " nothing changed. `type`: " + Problem.TYPE_BASE + "illegal-status-change.";

    private static final String BUSY = "orders-busy";
    private static final int BUSY_RETRY_AFTER_SECONDS = 1;

    private final OrderPlacement placement;
    private final BuyerScreening screening;
    private final BuyerRecords records;
    private final OrderAttemptLimits attemptLimits;
    private final OrderLifecycle lifecycle;
    private final OrderQueries queries;
    private final OrderTransfers transfers;
    private final Caller caller;
    private final OpenOrderRequests openRequests;

    OrderResource(OrderPlacement placement, BuyerScreening screening, BuyerRecords records,
            OrderAttemptLimits attemptLimits, OrderLifecycle lifecycle, OrderQueries queries, OrderTransfers transfers,
            Caller caller, OpenOrderRequests openRequests) {
        this.placement = placement;
        this.screening = screening;
        this.records = records;
        this.attemptLimits = attemptLimits;
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.transfers = transfers;
        this.caller = caller;
        this.openRequests = openRequests;
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeOrder", summary = "Place an order for a buyer watching the live sale",
            description = "Public: buyers do not sign in. Accepted only while the session is LIVE; prices come from"
                    + " the lineup, never from the client. Units are held for the order until it is confirmed or"
                    + " paid, or its hold expires (`holdExpiresAt`); a cash-on-delivery order in a session that"
                    + " confirms COD at once comes back CONFIRMED.\n\n"
                    + "Send an `Idempotency-Key`: a retry with the same key and the same body gets the first order"
                    + " again, byte for byte (201 with the same order and access token), and places nothing more; a"
                    + " retry sent while the first request is still running waits for it and gets the same answer."
                    + " Only a placed order is kept with the key: a refusal (sold out, a limit, session not live,"
                    + " unknown item, invalid fields) did nothing and keeps nothing, so a retry with the same key is"
                    + " decided again and may be placed once units come back.")
    @APIResponse(responseCode = "201", description = "Placed, or the replay of the placement with this Idempotency-Key."
            + " The body is the order and the buyer's access token, shown only in this answer.",
            headers = @Header(name = HttpHeaders.LOCATION, required = true,
                    description = "The buyer's URL of the order, /buyer/orders/{code}; read it with the access"
                            + " token as " + BuyerOrderResource.TOKEN_HEADER,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (phone, address, quantities, an item giving both"
            + " or neither of code and itemId...), all listed in `errors`; or a malformed Idempotency-Key or body."
            + " `type`: " + Problem.TYPE_BASE + "validation, " + Problem.TYPE_BASE + "malformed-json, "
            + Problem.TYPE_BASE + "unstorable-value",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session (or order-service has not heard of it yet)."
            + " `type`: " + Problem.TYPE_BASE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Nothing was placed:\n"
            + "- sold out or not enough left (`itemCode`, `itemId`, `remaining`); when the units left are being ordered by"
            + " other buyers right now, `beingOrdered` says how many (a few may come back if those orders are refused)."
            + " `type`: " + Problem.TYPE_BASE + "sold-out\n"
            + "- over an item's per-buyer limit for this phone (`itemCode`, `limit`, `alreadyOrdered`). `type`: "
            + Problem.TYPE_BASE + "buyer-limit\n"
            + "- over the units one phone may hold unpaid in the session (`cap`, `held`, `asked`). `type`: "
            + Problem.TYPE_BASE + "held-units-cap\n"
            + "- the session is not LIVE (`currentStatus`). `type`: " + Problem.TYPE_BASE + "session-not-live\n"
            + "- this shop takes this buyer's order only paid in advance (the session's buyer policy): place it again"
            + " with paymentMethod BANK_TRANSFER. `type`: " + Problem.TYPE_BASE + "pay-first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    @APIResponse(responseCode = "413", description = BODY_TOO_LARGE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "An item not on the session's lineup (each listed in `errors`)."
            + " `type`: " + Problem.TYPE_BASE + "unknown-item. Or an Idempotency-Key already used for another body,"
            + " or for an order already placed. `type`: " + Problem.TYPE_BASE + "idempotency-key-reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many order attempts from this network or for this phone;"
            + " nothing was done, send the same request again after Retry-After seconds (`retryAfterSeconds`)."
            + " `type`: " + Problem.TYPE_BASE + "too-many-attempts",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, required = true, description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    @APIResponse(responseCode = "503", description = "Nothing was done; send the same request again (with the same"
            + " Idempotency-Key) after Retry-After seconds:\n"
            + "- the database cannot be reached for now. `type`: " + Problem.TYPE_BASE + "database-unavailable\n"
            + "- this instance holds as many orders as it can at once (chotdon.orders.max-open-requests, a flood of"
            + " taps). `type`: " + Problem.TYPE_BASE + BUSY,
            headers = @Header(name = HttpHeaders.RETRY_AFTER, required = true, description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> place(
            @HeaderParam("Idempotency-Key") @Size(max = 100) @Pattern(regexp = IDEMPOTENCY_KEY,
                    message = "may hold letters, digits and _ . : - only")
            @Parameter(description = "A client-generated id of this order attempt, e.g. a UUID. Optional, but"
                    + " without it a retry after a lost answer places a second order. Kept for 2 days with the order"
                    + " it placed; a refusal keeps nothing (nothing was done), so a retry is decided again.",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 100, pattern = "^" + IDEMPOTENCY_KEY + "$"),
                    example = "7b0e3c9a-5f0e-4f59-9a51-2f7f0c1d9e11")
            String idempotencyKey,
            @Valid @NotNull @RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaceOrder.class)))
            PlaceOrder order,
            HttpServerRequest request) {
        String phone = VietnamPhone.normalise(order.phone()).orElseThrow();
        attemptLimits.admit(request.remoteAddress().hostAddress(), phone);
        if (!openRequests.open()) {
            return Uni.createFrom().item(busy());
        }
        try {
            return answer(order, idempotencyKey, phone).onTermination().invoke(openRequests::close);
        } catch (RuntimeException e) {
            openRequests.close();
            throw e;
        }
    }

    private Uni<Response> answer(PlaceOrder order, String idempotencyKey, String phone) {
        // Most taps of a flash sale come after the item sold out: decided where they arrive, they never
        // queue behind the orders waiting for a worker thread.
        // So do the taps for an item whose units left are all being ordered by the requests let through.
        OrderPlacement.Arrival arrival = placement.arrive(order, idempotencyKey);
        if (arrival instanceof OrderPlacement.Arrival.Refused refused) {
            return Uni.createFrom().completionStage(placement.answerRefused(order, idempotencyKey, refused.refusal()))
                    .map(OrderResource::created);
        }
        UnitsInFlight.Claim claim = ((OrderPlacement.Arrival.LetThrough) arrival).claim();
        // Closed however the request ends, also if it is cancelled before a worker takes it.
        return Uni.createFrom().item(() -> placement.place(order, idempotencyKey,
                screening.forOrder(phone, order.paymentMethod()), claim))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(OrderResource::created).onTermination().invoke(claim::close);
    }

    /** Nothing was done; the same request, with the same Idempotency-Key, may be sent again. */
    private static Response busy() {
        Problem problem = new Problem(BUSY, "Too many orders at once", 503, "This instance holds as many orders as it"
                + " can at once; send the same request again (with the same Idempotency-Key) after Retry-After seconds",
                "/orders", null, null);
        return problem.toResponseRetryingAfter(BUSY_RETRY_AFTER_SECONDS);
    }

    /** The receipt's stored bytes, so that a replay is the first answer byte for byte. */
    private static Response created(Placement placed) {
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON).entity(placed.receiptJson())
                .location(URI.create("/buyer/orders/" + placed.orderCode())).build();
    }

    @GET
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "listOrders", summary = "List the orders of the caller's cooperative",
            description = "Filtered by session, status and buyer phone, oldest first. Owners see phones and addresses"
                    + " whole; staff see the phone masked and no street or house.")
    @APIResponse(responseCode = "200", description = "One page of orders")
    public PageOf<OrderView> list(
            @QueryParam("sessionId") @Parameter(description = "Only this session's orders", example = "5") Long sessionId,
            @QueryParam("status") @Parameter(description = "Only orders in this status", example = "PLACED") OrderStatus status,
            @QueryParam("phone") @Pattern(regexp = PlaceOrder.PHONE_PATTERN, message = "must be a Vietnamese phone number")
            @Parameter(description = "Only this buyer's orders; any usual form, matched normalised"
                    + " (a number that is not Vietnamese answers 400)", example = "0912345678",
                    schema = @Schema(type = SchemaType.STRING, pattern = PlaceOrder.PHONE_PATTERN)) String phone,
            @Valid @BeanParam PageParams paging) {
        var found = queries.list(caller.cooperativeScope(), sessionId, status, phone, paging.page, paging.size);
        // Every order of the page is the caller's cooperative's: its buyers' summaries in one read.
        Map<Long, Map<String, BuyerSummary>> buyers = new HashMap<>();
        found.items().stream().collect(Collectors.groupingBy(o -> o.cooperativeId,
                Collectors.mapping(o -> o.buyerPhone, Collectors.toSet())))
                .forEach((cooperative, phones) -> buyers.put(cooperative, records.summaries(cooperative, phones)));
        return PageOf.of(found.items(), paging.page, paging.size, found.total(),
                order -> view(order, buyers.get(order.cooperativeId).get(order.buyerPhone)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "getOrder", summary = "Read an order of the caller's cooperative",
            description = "Owners see the phone and address whole; staff see the phone masked and no street or house.")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderView get(@PathParam("id") @Parameter(description = "The order's id", example = "1201") long id) {
        return view(queries.byId(id, caller.cooperativeScope()));
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "confirmOrder", summary = "Confirm a PLACED order",
            description = "Its units stay sold and its hold no longer expires. Confirming an order already CONFIRMED"
                    + " changes nothing and answers it as it is.")
    @APIResponse(responseCode = "200", description = "The order, CONFIRMED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL_CHANGE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    public OrderView confirm(@PathParam("id") @Parameter(description = "The order's id", example = "1201") long id) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.CONFIRMED, Actor.STAFF, null));
    }

    @POST
    @Path("/{id}/pay")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "payOrder", summary = "Record the payment of a PLACED or CONFIRMED order",
            description = "For a bank transfer received (the order code is its memo). Paying a PLACED order confirms it"
                    + " too. Paying an order already PAID changes nothing and answers it as it is.")
    @APIResponse(responseCode = "200", description = "The order, PAID",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL_CHANGE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    public OrderView pay(@PathParam("id") @Parameter(description = "The order's id", example = "1201") long id) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.PAID, Actor.STAFF, null));
    }

    @POST
    @Path("/{id}/ship")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "shipOrder", summary = "Hand an order to the courier",
            description = "A PAID order, or a CONFIRMED cash-on-delivery order (the courier collects the cash). Shipping"
                    + " an order already SHIPPED changes nothing and answers it as it is.")
    @APIResponse(responseCode = "200", description = "The order, SHIPPED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL_CHANGE + " A CONFIRMED bank-transfer order ships only"
            + " once paid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    public OrderView ship(@PathParam("id") @Parameter(description = "The order's id", example = "1201") long id) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.SHIPPED, Actor.STAFF, null));
    }

    @POST
    @Path("/{id}/deliver")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deliverOrder", summary = "Record delivery of a SHIPPED order",
            description = "A cash-on-delivery order is then paid too (`paidAt`). Delivering an order already DELIVERED"
                    + " changes nothing and answers it as it is.")
    @APIResponse(responseCode = "200", description = "The order, DELIVERED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL_CHANGE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    public OrderView deliver(@PathParam("id") @Parameter(description = "The order's id", example = "1201") long id) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.DELIVERED, Actor.STAFF, null));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "cancelOrder", summary = "Cancel an order not yet shipped",
            description = "A PLACED, CONFIRMED or PAID order; its units go back to the session's quota and to the"
                    + " buyer's per-item limits. Cancelling an order already CANCELLED changes nothing (the first"
                    + " reason stays) and answers it as it is.")
    @APIResponse(responseCode = "200", description = "The order, CANCELLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL_CHANGE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    public OrderView cancel(@PathParam("id") @Parameter(description = "The order's id", example = "1201") long id,
            @QueryParam("reason") @Size(max = 500) @StoredText(max = 500, multiline = true)
            @Parameter(description = "Why, kept as `cancelReason`", example = "Khách đổi ý") String reason) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.CANCELLED, Actor.STAFF, reason));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "returnOrder", summary = "Record that a SHIPPED or DELIVERED order came back",
            description = "Refused at the door (\"bom hàng\") after shipping, or sent back after delivery. Its units stay"
                    + " sold (they do not go back into the session's quota) and its money no longer counts"
                    + " (`countedRevenueVnd` of the tally; settlement reverses it): the event"
                    + " vn.chotdon.order.returned says so. Returning an order already RETURNED changes nothing (the first"
                    + " reason stays) and answers it as it is.")
    @APIResponse(responseCode = "200", description = "The order, RETURNED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "400", description = "The reason is too long or not storable text. `type`: "
            + Problem.TYPE_BASE + "validation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = ILLEGAL_CHANGE + " Only a SHIPPED or DELIVERED order can come back.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    public OrderView returned(@PathParam("id") @Parameter(description = "The order's id", example = "1201") long id,
            @QueryParam("reason") @Size(max = 500) @StoredText(max = 500, multiline = true)
            @Parameter(description = "Why, kept as `returnReason`", example = "Khách không nhận hàng") String reason) {
        return view(lifecycle.change(id, caller.cooperativeScope(), OrderStatus.RETURNED, Actor.STAFF, reason));
    }

    @GET
    @Path("/{id}/qr.png")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Produces(TransferQr.PNG)
    @Operation(operationId = "getOrderQr", summary = "The VietQR code of a bank-transfer order, as a PNG",
            description = TransferQr.DESCRIPTION + " The same code as `transfer.qrPayload` of the order.")
    @APIResponse(responseCode = "200", description = TransferQr.IMAGE,
            content = @Content(mediaType = TransferQr.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = TransferQr.NONE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    public Response qr(@PathParam("id") @Parameter(description = "The order's id", example = "1201") long id) {
        return TransferQr.answer(transfers.qrPng(queries.byId(id, caller.cooperativeScope())));
    }

    private OrderView view(Order order) {
        return view(order, records.summary(order.cooperativeId, order.buyerPhone));
    }

    /**
     * Owners see their buyers' phones and addresses whole; staff see them masked; both see the
     * account number and the buyer's record.
     */
    private OrderView view(Order order, BuyerSummary buyer) {
        OrderView.Transfer transfer = transfers.of(order, OrderTransfers.Audience.COOPERATIVE);
        OrderView view = caller.is(Roles.OWNER) ? OrderView.of(order, transfer) : OrderView.masked(order, transfer);
        return view.forCooperative(order.heldForReview, buyer);
    }
}
