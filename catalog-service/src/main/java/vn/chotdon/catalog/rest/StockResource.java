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
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.catalog.StockLedgerEntry;
import vn.chotdon.catalog.service.SessionReservations;
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
    private final SessionReservations reservations;
    private final Caller caller;

    StockResource(StockLedger stock, SessionReservations reservations, Caller caller) {
        this.stock = stock;
        this.reservations = reservations;
        this.caller = caller;
    }

    @GET
    @Path("/stock")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "getStock", summary = "Current stock of a product",
            description = "Units available, units reserved for sale sessions, and both together.")
    @APIResponse(responseCode = "200", description = "The product's stock", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StockView.class)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public StockView current(@PathParam("productId") long productId) {
        return StockView.of(stock.stock(productId, caller.cooperativeScope()));
    }

    @GET
    @Path("/stock/ledger")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "getStockLedger", summary = "The product's stock ledger, newest first",
            description = "Every change of the product's stock, with the stock each one left: its available deltas sum"
                    + " to the available stock, its reserved deltas to the reserved stock.")
    @APIResponse(responseCode = "200", description = "One page of ledger entries, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "StockLedgerPage")))
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public PageOf<LedgerEntryView> ledger(@PathParam("productId") long productId, @Valid @BeanParam PageParams paging) {
        var found = stock.ledger(productId, caller.cooperativeScope(), paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), LedgerEntryView::of);
    }

    @POST
    @Path("/stock/receipts")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "receiveStock", summary = "Record goods received",
            description = "Adds the units to available stock and records a RECEIPT ledger entry.")
    @APIResponse(responseCode = "201", description = "The ledger entry",
            headers = @Header(name = "Location", description = "The product's stock ledger, which lists the new entry",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", example = "/products/42/stock/ledger")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerEntryView.class)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The product is retired and takes no more stock (`type`:"
            + " https://chotdon.vn/problems/product-retired)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response receive(@PathParam("productId") long productId, @Valid @NotNull StockRequests.Units receipt) {
        var entry = stock.receive(productId, receipt.quantity(), receipt.note(), caller.cooperativeScope());
        return created(productId, entry);
    }

    @POST
    @Path("/stock/sales")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "recordOutsideSale", summary = "Record units sold outside a livestream (at the market, to a shop)",
            description = "Takes the units from available stock and records a SALE ledger entry.")
    @APIResponse(responseCode = "201", description = "The ledger entry",
            headers = @Header(name = "Location", description = "The product's stock ledger, which lists the new entry",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", example = "/products/42/stock/ledger")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerEntryView.class)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "Not that many units are " + DocumentedAnswers.INSUFFICIENT_STOCK,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = DocumentedAnswers.STOCK_CONFLICT)))
    public Response sell(@PathParam("productId") long productId, @Valid @NotNull StockRequests.Units sale) {
        var entry = stock.sell(productId, sale.quantity(), sale.note(), caller.cooperativeScope());
        return created(productId, entry);
    }

    @POST
    @Path("/stock/adjustments")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "adjustStock", summary = "Correct the stock after a count, with a reason",
            description = "Adds delta units to available stock (removes them when it is negative) and records an"
                    + " ADJUSTMENT ledger entry with the reason. A delta of 0 is refused with 400 `validation`.")
    @APIResponse(responseCode = "201", description = "The ledger entry",
            headers = @Header(name = "Location", description = "The product's stock ledger, which lists the new entry",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", example = "/products/42/stock/ledger")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerEntryView.class)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "It would take available stock below zero: "
            + DocumentedAnswers.INSUFFICIENT_STOCK,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = DocumentedAnswers.STOCK_CONFLICT)))
    public Response adjust(@PathParam("productId") long productId, @Valid @NotNull StockRequests.Adjustment adjustment) {
        var entry = stock.adjust(productId, adjustment.delta(), adjustment.reason(), caller.cooperativeScope());
        return created(productId, entry);
    }

    @GET
    @Path("/reservations")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF, Roles.SERVICE })
    @Operation(operationId = "listReservations", summary = "Every session's reservation of the product",
            description = "Sorted by session id; each with the product's stock now.")
    @APIResponse(responseCode = "200", description = "The product's reservations")
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public List<ReservationView> reservations(@PathParam("productId") long productId) {
        return reservations.reservations(productId, caller.cooperativeScope()).stream().map(ReservationView::of).toList();
    }

    @GET
    @Path("/reservations/{sessionId}")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF, Roles.SERVICE })
    @Operation(operationId = "getReservation", summary = "A session's reservation of the product",
            description = "What the session holds of the product, what its orders sold and hold, and the product's stock.")
    @APIResponse(responseCode = "200", description = "The reservation and the product's stock", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "No such product in the caller's cooperative, or the session has"
            + " no reservation of it." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ReservationView reservation(@PathParam("productId") long productId, @PathParam("sessionId") long sessionId) {
        return ReservationView.of(reservations.reservation(productId, sessionId, caller.cooperativeScope()));
    }

    @PUT
    @Path("/reservations/{sessionId}")
    @RolesAllowed(Roles.SERVICE)
    @Operation(operationId = "reserveStock", summary = "Reserve units of an ACTIVE product for a sale session (idempotent)",
            description = "Sets the session's reservation to the given total. Repeating it changes nothing; a larger"
                    + " total takes more units from available stock, a smaller one gives units back. It also reopens a"
                    + " closed reservation.")
    @APIResponse(responseCode = "200", description = "The reservation and the product's stock after it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "No such product." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "Not enough available stock: " + DocumentedAnswers.INSUFFICIENT_STOCK
            + "; or the product is not ACTIVE (`type`: https://chotdon.vn/problems/product-not-active, with"
            + " `currentStatus`); or the total is below what the session's orders sold and hold (`type`:"
            + " https://chotdon.vn/problems/reservation-below-orders, with `sold` and `held`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = DocumentedAnswers.STOCK_CONFLICT)))
    public ReservationView reserve(@PathParam("productId") long productId, @PathParam("sessionId") long sessionId,
            @Valid @NotNull StockRequests.Reservation reservation) {
        return ReservationView.of(reservations.reserve(productId, sessionId, reservation.quantity()));
    }

    @POST
    @Path("/reservations/{sessionId}/close")
    @RolesAllowed(Roles.SERVICE)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "closeReservation", summary = "Close the reservation of a session that ended (idempotent)",
            description = "Keeps the units its orders sold or still hold and gives the rest back to available stock;"
                    + " from then on, units its orders give back go to available stock too.")
    @APIResponse(responseCode = "200", description = "The reservation and the product's stock after it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "No such product, or the session has no reservation of it."
            + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ReservationView close(@PathParam("productId") long productId, @PathParam("sessionId") long sessionId) {
        return ReservationView.of(reservations.close(productId, sessionId));
    }

    @DELETE
    @Path("/reservations/{sessionId}")
    @RolesAllowed(Roles.SERVICE)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "releaseReservation", summary = "Release everything reserved for the session (idempotent)",
            description = "Gives every reserved unit back to available stock; a session without a reservation of the"
                    + " product is answered with an empty one.")
    @APIResponse(responseCode = "200", description = "The reservation, now empty, and the product's stock after it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationView.class)))
    @APIResponse(responseCode = "404", description = "No such product." + DocumentedAnswers.NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "The session's orders sold or hold units of it (`type`:"
            + " https://chotdon.vn/problems/reservation-below-orders, with `sold` and `held`)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = DocumentedAnswers.STOCK_CONFLICT)))
    public ReservationView release(@PathParam("productId") long productId, @PathParam("sessionId") long sessionId) {
        return ReservationView.of(reservations.release(productId, sessionId));
    }

    /** A stock movement has no address of its own: it is read in the product's ledger. */
    private static Response created(long productId, StockLedgerEntry entry) {
        return Response.created(URI.create("/products/" + productId + "/stock/ledger")).entity(LedgerEntryView.of(entry))
                .build();
    }
}
