package vn.chotdon.order.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.readmodel.LineupItem;
import vn.chotdon.order.readmodel.SaleSession;
import vn.chotdon.order.service.OrderQueries;
import vn.chotdon.order.service.ShippingExport;
import vn.chotdon.order.view.TallyView;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

/**
 * What a session offers is public (no buyer, no revenue); its tally (revenue) and its shipping
 * list (phones, addresses) are for the owner of the session's cooperative only.
 */
@Path("/sessions/{sessionId}")
@Tag(name = "Sessions", description = "A live sale as order-service sees it: what can be ordered, the tally, the shipping list")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final OrderQueries queries;
    private final ShippingExport export;
    private final Caller caller;

    SessionResource(OrderQueries queries, ShippingExport export, Caller caller) {
        this.queries = queries;
        this.export = export;
        this.caller = caller;
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

    private static ItemView view(LineupItem i) {
        return new ItemView(i.itemId, i.code, i.productName, i.livePriceVnd, i.quota, i.remaining(), i.perBuyerLimit);
    }
}
