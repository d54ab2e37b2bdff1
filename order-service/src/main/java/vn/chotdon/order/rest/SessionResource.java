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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
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

    static final String CSV = "text/csv";
    static final String SESSION_ID = "The session's id (livestream-service's)";
    static final String NO_SESSION = "No such session, or order-service has not heard of it yet. `type`: "
            + Problem.TYPE_BASE + "not-found";
    static final String NO_SESSION_OF_COOPERATIVE = "No such session in the caller's cooperative (another cooperative's"
            + " session is not found either). `type`: " + Problem.TYPE_BASE + "not-found";

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

    @Schema(name = "OrderableSession", description = "A session as order-service knows it from livestream-service's"
            + " events, and what buyers can order in it now")
    public record SessionView(
            @Schema(required = true, example = "5") long sessionId,
            @Schema(required = true, example = "Bánh gio Đan Phượng: phiên tối thứ Sáu") String title,
            @Schema(required = true, description = "Orders are taken only while LIVE",
                    enumeration = { "SCHEDULED", "LIVE", "ENDED", "CANCELLED" }, example = "LIVE") String status,
            @Schema(required = true, description = "How long a PLACED order holds its units before it expires",
                    example = "30") int holdMinutes,
            @Schema(required = true, description = "Whether cash-on-delivery orders are CONFIRMED as soon as they are"
                    + " placed", example = "true") boolean autoConfirmCod,
            @Schema(required = true, description = "The lineup in display order; items withdrawn are left out")
            List<ItemView> items) {
    }

    @Schema(name = "OrderableItem")
    public record ItemView(
            @Schema(required = true, example = "12") long itemId,
            @Schema(required = true, description = "The short code buyers type on the stream", example = "BG01")
            String code,
            @Schema(required = true, example = "Bánh gio Thanh Huệ") String productName,
            @Schema(required = true, description = "Whole VND per unit", example = "15000") long livePriceVnd,
            @Schema(required = true, description = "Units offered in the session", example = "600") long quota,
            @Schema(required = true, description = "Units not taken by orders that are neither cancelled nor expired",
                    example = "37") long remaining,
            @Schema(nullable = true, description = "Units one phone may order of the item in all; null when unlimited",
                    example = "5") Integer perBuyerLimit) {
    }

    @GET
    @Path("/orderable")
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "getOrderableSession", summary = "The session and what can be ordered now",
            description = "Public: no buyer data, no revenue. The units remaining are exact when read, from"
                    + " order-service's own counters. A session order-service has not heard of yet is not found.")
    @APIResponse(responseCode = "200", description = "The session and its lineup",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = NO_SESSION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SessionView session(@PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId) {
        SaleSession s = queries.session(sessionId);
        List<ItemView> items = queries.lineup(sessionId).stream().filter(i -> !i.removed)
                .map(SessionResource::view).toList();
        return new SessionView(s.sessionId, s.title, s.status, s.holdMinutes, s.autoConfirmCod, items);
    }

    @GET
    @Path("/tally")
    @RolesAllowed(Roles.OWNER)
    @Operation(operationId = "getTally", summary = "The order tally of a session, for the shop owner",
            description = "Per lineup item: quota, units held, confirmed, paid, cancelled or expired, remaining and"
                    + " revenue in VND; order counts per status; totals. Exact: computed from order-service's own"
                    + " orders when asked.")
    @APIResponse(responseCode = "200", description = "The tally",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TallyView.class)))
    @APIResponse(responseCode = "404", description = NO_SESSION_OF_COOPERATIVE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TallyView tally(@PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId) {
        return queries.tally(sessionId, caller.cooperativeScope());
    }

    @GET
    @Path("/orders.csv")
    @RolesAllowed(Roles.OWNER)
    @Produces(CSV)
    @Operation(operationId = "exportShippingList", summary = "The session's orders to ship, as CSV (UTF-8)",
            description = "For the courier's booking sheet: one row per order neither cancelled nor expired, oldest"
                    + " first, after a header row `code,name,phone,address,items,cod_amount_vnd,status`. UTF-8 with a"
                    + " byte order mark (so that spreadsheets show Vietnamese correctly), CRLF line ends, RFC 4180"
                    + " quoting; a field starting with = + - @ gets a leading ' so that no spreadsheet runs it."
                    + " `cod_amount_vnd` is the cash the courier collects: the total of a cash-on-delivery order not"
                    + " yet paid, otherwise 0.")
    @APIResponse(responseCode = "200", description = "The shipping list",
            headers = @Header(name = "Content-Disposition", required = true,
                    description = "attachment; filename=\"session-{sessionId}-orders.csv\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
                    example = "code,name,phone,address,items,cod_amount_vnd,status\r\n"
                            + "K7M3Q9TX,Nguyễn Văn An,+84912345678,\"Thôn Thượng Thôn, số 12, Xã Đan Phượng, Hà Nội\","
                            + "BG01 Bánh gio Thanh Huệ x2,30000,CONFIRMED\r\n")))
    @APIResponse(responseCode = "404", description = NO_SESSION_OF_COOPERATIVE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response shippingList(@PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId) {
        return Response.ok(export.csv(sessionId, caller.cooperativeScope()))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"session-" + sessionId + "-orders.csv\"")
                .build();
    }

    @PUT
    @Path("/lineup/{itemId}/withdrawal")
    @RolesAllowed(Roles.SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "withdrawLineupItem",
            summary = "Withdraw a lineup item no order holds (livestream-service, before it removes the item)",
            description = "Makes the item unsellable for good, unless orders not cancelled or expired hold units of it;"
                    + " later lineup events never make it sellable again. Idempotent. An item (or session) order-service"
                    + " has not heard of yet has no orders: its withdrawal is recorded and succeeds.")
    @APIResponse(responseCode = "204", description = "Withdrawn: no order holds the item and none can take it any more")
    @APIResponse(responseCode = "404", description = "The item belongs to another session. `type`: "
            + Problem.TYPE_BASE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = OrderResource.BODY_TOO_LARGE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Orders hold units of the item (`ordered` says how many); nothing"
            + " changed. `type`: " + Problem.TYPE_BASE + "item-has-orders",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = OrderProblem.class)))
    public void withdraw(@PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId,
            @PathParam("itemId") @Parameter(description = "The lineup item's id (livestream-service's)", example = "12")
            long itemId,
            @Valid @NotNull @RequestBody(required = true) Withdrawal withdrawal) {
        withdrawals.withdraw(sessionId, itemId, withdrawal.version());
    }

    private static ItemView view(LineupItem i) {
        return new ItemView(i.itemId, i.code, i.productName, i.livePriceVnd, i.quota, i.remaining(), i.perBuyerLimit);
    }
}
