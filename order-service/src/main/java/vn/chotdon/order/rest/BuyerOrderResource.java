package vn.chotdon.order.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.Order;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.service.OrderLifecycle;
import vn.chotdon.order.service.OrderLifecycle.Actor;
import vn.chotdon.order.service.OrderQueries;
import vn.chotdon.order.service.OrderTransfers;
import vn.chotdon.order.view.OrderView;
import vn.chotdon.platform.problem.Problem;

/**
 * What a buyer (who does not log in) can do with the access token they got when ordering. Public:
 * the order's access token, not a bearer token, opens it; without it the order is not found.
 */
@Path("/buyer/orders/{code}")
@Tag(name = "Buyer", description = "A buyer's own order, opened with its access token")
@Produces(MediaType.APPLICATION_JSON)
public class BuyerOrderResource {

    static final String TOKEN_HEADER = "X-Order-Token";
    /**
     * Checked before any query: the code column is ASCII, and MySQL refuses to compare it with
     * other text ("Illegal mix of collations"), which would be a 500.
     */
    static final String ORDER_CODE = "[A-Za-z0-9]{1,16}";
    static final String ORDER_CODE_MESSAGE = "must be an order code such as K7M3Q9TX";
    static final String TOKEN_DESCRIPTION = "The `accessToken` of the placement's answer. Without it, or with"
            + " another order's, the order is not found (404).";
    static final String NO_ORDER = "No order with this code and access token (a missing or wrong token gets the same"
            + " answer as an unknown code). `type`: " + Problem.TYPE_BASE + "not-found";

    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;
    private final OrderTransfers transfers;

    BuyerOrderResource(OrderQueries queries, OrderLifecycle lifecycle, OrderTransfers transfers) {
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.transfers = transfers;
    }

    @GET
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "getMyOrder", summary = "Read my order",
            description = "Public, no bearer token: the order's access token (from the placement's answer) opens it,"
                    + " sent as the " + TOKEN_HEADER + " header. The buyer sees their phone and address whole; a"
                    + " bank-transfer order has its `transfer` details (the account number masked) and VietQR code.")
    @APIResponse(responseCode = "200", description = "The order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OrderView get(@PathParam("code") @Pattern(regexp = ORDER_CODE, message = ORDER_CODE_MESSAGE)
            @Parameter(description = "The order's code", example = "K7M3Q9TX",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^" + ORDER_CODE + "$")) String code,
            @HeaderParam(TOKEN_HEADER) @Parameter(required = true, description = TOKEN_DESCRIPTION,
                    example = "q3Jx0b2yR1c8m1o3v5L0l6kG7d2d9b8S2Zb4n1pW3eY") String token) {
        return view(queries.forBuyer(code, token));
    }

    @GET
    @PermitAll
    @SecurityRequirements
    @Path("/qr.png")
    @Produces(TransferQr.PNG)
    @Operation(operationId = "getMyOrderQr", summary = "The VietQR code to pay my order, as a PNG",
            description = "Public, no bearer token: the order's access token opens it, sent as the " + TOKEN_HEADER
                    + " header. " + TransferQr.DESCRIPTION)
    @APIResponse(responseCode = "200", description = TransferQr.IMAGE,
            content = @Content(mediaType = TransferQr.PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = TransferQr.NONE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    public Response qr(@PathParam("code") @Pattern(regexp = ORDER_CODE, message = ORDER_CODE_MESSAGE)
            @Parameter(description = "The order's code", example = "K7M3Q9TX",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^" + ORDER_CODE + "$")) String code,
            @HeaderParam(TOKEN_HEADER) @Parameter(required = true, description = TOKEN_DESCRIPTION,
                    example = "q3Jx0b2yR1c8m1o3v5L0l6kG7d2d9b8S2Zb4n1pW3eY") String token) {
        return TransferQr.answer(transfers.qrPng(queries.forBuyer(code, token)));
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @Path("/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "cancelMyOrder", summary = "Cancel my order while it is still PLACED",
            description = "Public, no bearer token: the order's access token opens it, sent as the " + TOKEN_HEADER
                    + " header. Its units go back to the session's quota. Cancelling an order already CANCELLED"
                    + " changes nothing and answers it as it is; once the cooperative confirmed it, only they can"
                    + " cancel it.")
    @APIResponse(responseCode = "200", description = "The order, CANCELLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderView.class)))
    @APIResponse(responseCode = "404", description = NO_ORDER,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order is no longer PLACED (`currentStatus` names its status);"
            + " nothing changed. `type`: " + Problem.TYPE_BASE + "illegal-status-change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    public OrderView cancel(@PathParam("code") @Pattern(regexp = ORDER_CODE, message = ORDER_CODE_MESSAGE)
            @Parameter(description = "The order's code", example = "K7M3Q9TX",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^" + ORDER_CODE + "$")) String code,
            @HeaderParam(TOKEN_HEADER) @Parameter(required = true, description = TOKEN_DESCRIPTION,
                    example = "q3Jx0b2yR1c8m1o3v5L0l6kG7d2d9b8S2Zb4n1pW3eY") String token) {
        long id = queries.forBuyer(code, token).id;
        return view(lifecycle.change(id, null, OrderStatus.CANCELLED, Actor.BUYER, "cancelled by the buyer"));
    }

    /** The buyer sees their own order whole, but the cooperative's account number masked. */
    private OrderView view(Order order) {
        return OrderView.of(order, transfers.of(order, OrderTransfers.Audience.BUYER));
    }
}
