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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.OrderStatus;
import vn.chotdon.order.service.OrderLifecycle;
import vn.chotdon.order.service.OrderLifecycle.Actor;
import vn.chotdon.order.service.OrderQueries;
import vn.chotdon.order.view.OrderView;

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

    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;

    BuyerOrderResource(OrderQueries queries, OrderLifecycle lifecycle) {
        this.queries = queries;
        this.lifecycle = lifecycle;
    }

    @GET
    @PermitAll
    @Operation(summary = "Read my order", description = "404 unless the token is this order's")
    public OrderView get(@PathParam("code") @Pattern(regexp = ORDER_CODE, message = ORDER_CODE_MESSAGE)
            @Parameter(example = "K7M3Q9TX") String code,
            @HeaderParam(TOKEN_HEADER) String token) {
        return OrderView.of(queries.forBuyer(code, token));
    }

    @POST
    @PermitAll
    @Path("/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel my order while it is still PLACED")
    public OrderView cancel(@PathParam("code") @Pattern(regexp = ORDER_CODE, message = ORDER_CODE_MESSAGE) String code,
            @HeaderParam(TOKEN_HEADER) String token) {
        long id = queries.forBuyer(code, token).id;
        return OrderView.of(lifecycle.change(id, null, OrderStatus.CANCELLED, Actor.BUYER, "cancelled by the buyer"));
    }
}
