package vn.chotdon.catalog.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.catalog.service.StockLedger;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

/**
 * A product's stock is kept by its cooperative's owner and staff. Reservations for sale sessions
 * are set, closed and released only by livestream-service (the service role), which knows the
 * sessions: staff cannot take stock for a session directly.
 */
@Path("/products/{productId}")
@Tag(name = "Stock", description = "Stock on hand, its ledger, and reservations for sale sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StockResource {

    private final StockLedger stock;
    private final Caller caller;

    StockResource(StockLedger stock, Caller caller) {
        this.stock = stock;
        this.caller = caller;
    }

    @GET
    @Path("/stock")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "Current stock of a product")
    public StockView current(@PathParam("productId") long productId) {
        return StockView.of(stock.stock(productId, caller.cooperativeScope()));
    }

    @GET
    @Path("/stock/ledger")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "The product's stock ledger, newest first")
    public PageOf<LedgerEntryView> ledger(@PathParam("productId") long productId, @Valid @BeanParam PageParams paging) {
        var found = stock.ledger(productId, caller.cooperativeScope(), paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), LedgerEntryView::of);
    }

    @POST
    @Path("/stock/receipts")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "Record goods received")
    @APIResponse(responseCode = "201", description = "The ledger entry")
    public Response receive(@PathParam("productId") long productId, @Valid @NotNull StockRequests.Units receipt) {
        var entry = stock.receive(productId, receipt.quantity(), receipt.note(), caller.cooperativeScope());
        return Response.status(Response.Status.CREATED).entity(LedgerEntryView.of(entry)).build();
    }

    @POST
    @Path("/stock/sales")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "Record units sold outside a livestream (at the market, to a shop)")
    @APIResponse(responseCode = "201", description = "The ledger entry")
    @APIResponse(responseCode = "409", description = "Not that many units available; says how many are",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sell(@PathParam("productId") long productId, @Valid @NotNull StockRequests.Units sale) {
        var entry = stock.sell(productId, sale.quantity(), sale.note(), caller.cooperativeScope());
        return Response.status(Response.Status.CREATED).entity(LedgerEntryView.of(entry)).build();
    }

    @POST
    @Path("/stock/adjustments")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(summary = "Correct the stock after a count, with a reason")
    @APIResponse(responseCode = "201", description = "The ledger entry")
    @APIResponse(responseCode = "409", description = "It would take available stock below zero; says how much is available",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response adjust(@PathParam("productId") long productId, @Valid @NotNull StockRequests.Adjustment adjustment) {
        var entry = stock.adjust(productId, adjustment.delta(), adjustment.reason(), caller.cooperativeScope());
        return Response.status(Response.Status.CREATED).entity(LedgerEntryView.of(entry)).build();
    }

    @GET
    @Path("/reservations")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF, Roles.SERVICE })
    @Operation(summary = "Every session's reservation of the product")
    public List<ReservationView> reservations(@PathParam("productId") long productId) {
        return stock.reservations(productId, caller.cooperativeScope()).stream().map(ReservationView::of).toList();
    }

    @GET
    @Path("/reservations/{sessionId}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF, Roles.SERVICE })
    @Operation(summary = "A session's reservation of the product")
    public ReservationView reservation(@PathParam("productId") long productId, @PathParam("sessionId") long sessionId) {
        return ReservationView.of(stock.reservation(productId, sessionId, caller.cooperativeScope()));
    }

    @PUT
    @Path("/reservations/{sessionId}")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Reserve units of an ACTIVE product for a sale session (idempotent)",
            description = "Sets the session's reservation to the given total. Repeating it changes nothing; a larger"
                    + " total takes more units from available stock, a smaller one gives units back.")
    @APIResponse(responseCode = "200", description = "The reservation and the product's stock after it")
    @APIResponse(responseCode = "409", description = "Not enough available stock (the body says how much is available),"
            + " or the product is not ACTIVE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReservationView reserve(@PathParam("productId") long productId, @PathParam("sessionId") long sessionId,
            @Valid @NotNull StockRequests.Reservation reservation) {
        return ReservationView.of(stock.reserve(productId, sessionId, reservation.quantity()));
    }

    @POST
    @Path("/reservations/{sessionId}/close")
    @RolesAllowed(Roles.SERVICE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Close the reservation of a session that ended (idempotent)",
            description = "Keeps the units its orders sold or still hold and gives the rest back to available stock;"
                    + " from then on, units its orders give back go to available stock too.")
    public ReservationView close(@PathParam("productId") long productId, @PathParam("sessionId") long sessionId) {
        return ReservationView.of(stock.close(productId, sessionId));
    }

    @DELETE
    @Path("/reservations/{sessionId}")
    @RolesAllowed(Roles.SERVICE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Release everything reserved for the session (idempotent)")
    public ReservationView release(@PathParam("productId") long productId, @PathParam("sessionId") long sessionId) {
        return ReservationView.of(stock.release(productId, sessionId));
    }
}
