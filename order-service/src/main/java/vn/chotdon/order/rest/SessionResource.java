package vn.chotdon.order.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import vn.chotdon.order.readmodel.LineupItem;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.order.service.LineupWithdrawals;
import vn.chotdon.order.service.OrderQueries;
import vn.chotdon.order.service.ShippingExport;
import vn.chotdon.order.view.TallyView;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

/**
 * What a session offers is public (no buyer, no revenue); its tally (revenue) and its shipping
 * list (phones, addresses) are for the owner of the session's cooperative only; withdrawing a
 * lineup item is for livestream-service (role service) only.
 */
@Path("/sessions/{sessionId}")
@Tag(name = "Sessions", description = "A live sale as order-service sees it: what can be ordered, the tally, the shipping list")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final OrderQueries queries;
    private final ShippingExport export;
    private final LineupWithdrawals withdrawals;
    private final Caller caller;

    SessionResource(OrderQueries queries, ShippingExport export, LineupWithdrawals withdrawals, Caller caller) {
        this.queries = queries;
        this.export = export;
        this.withdrawals = withdrawals;
        this.caller = caller;
    }

    @Schema(name = "LineupWithdrawal")
    public record Withdrawal(
            @NotNull @Schema(description = "livestream-service's current version of the item", example = "3")
            Long version) {
    }

    @Schema(name = "OrderableSession")
    public record SessionView(long sessionId, String title, String status, int holdMinutes, boolean autoConfirmCod,
            List<ItemView> items) {
    }

    @Schema(name = "OrderableItem")
    public record ItemView(long itemId, @Schema(example = "BG01") String code, String productName,
            @Schema(example = "15000") long livePriceVnd, long quota, long remaining, Integer perBuyerLimit) {
    }

    @GET
    @PermitAll
    @Operation(summary = "The session and what can be ordered now, with the units remaining")
    public SessionView session(@PathParam("sessionId") long sessionId) {
        SaleSession s = queries.session(sessionId);
        List<ItemView> items = queries.lineup(sessionId).stream().filter(i -> !i.removed)
                .map(SessionResource::view).toList();
        return new SessionView(s.sessionId, s.title, s.status, s.holdMinutes, s.autoConfirmCod, items);
    }

    @GET
    @Path("/tally")
    @RolesAllowed(Roles.OWNER)
    @Operation(summary = "The order tally of a session, for the shop owner",
            description = "Per lineup item: quota, units held, confirmed, paid, cancelled or expired, remaining and"
                    + " revenue in VND; order counts per status; totals. Exact: computed from order-service's own data.")
    public TallyView tally(@PathParam("sessionId") long sessionId) {
        return queries.tally(sessionId, caller.cooperativeScope());
    }

    @GET
    @Path("/orders.csv")
    @RolesAllowed(Roles.OWNER)
    @Produces("text/csv")
    @Operation(summary = "The session's orders to ship, as CSV (UTF-8)",
            description = "One row per order not cancelled or expired: code, name, phone, full address, items, cash to collect in VND, status.")
    public Response shippingList(@PathParam("sessionId") long sessionId) {
        return Response.ok(export.csv(sessionId, caller.cooperativeScope()))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"session-" + sessionId + "-orders.csv\"")
                .build();
    }

    @PUT
    @Path("/lineup/{itemId}/withdrawal")
    @RolesAllowed(Roles.SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw a lineup item no order holds (livestream-service, before it removes the item)",
            description = "Makes the item unsellable for good, unless orders not cancelled or expired hold units of it;"
                    + " later lineup events never make it sellable again. Idempotent. An item (or session) order-service"
                    + " has not heard of yet has no orders: its withdrawal is recorded and succeeds.")
    @APIResponse(responseCode = "204", description = "Withdrawn: no order holds the item and none can take it any more")
    @APIResponse(responseCode = "404", description = "The item belongs to another session",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Orders hold units of the item (item-has-orders; `ordered` says"
            + " how many); nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void withdraw(@PathParam("sessionId") long sessionId, @PathParam("itemId") long itemId,
            @Valid @NotNull Withdrawal withdrawal) {
        withdrawals.withdraw(sessionId, itemId, withdrawal.version());
    }

    private static ItemView view(LineupItem i) {
        return new ItemView(i.itemId, i.code, i.productName, i.livePriceVnd, i.quota, i.remaining(), i.perBuyerLimit);
    }
}
