package vn.chotdon.order.waitlist.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.service.OrderAttemptLimits;
import vn.chotdon.order.waitlist.WaitlistState;
import vn.chotdon.order.waitlist.service.EntryInLine;
import vn.chotdon.order.waitlist.service.JoinWaitlist;
import vn.chotdon.order.waitlist.service.WaitlistEntries;
import vn.chotdon.order.waitlist.service.WaitlistJoins;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;
import vn.chotdon.platform.text.VietnamPhone;

/**
 * A session's waitlists: buyers join one for a sold-out item without signing in, as they place
 * orders; the owner and staff of the session's cooperative see who waits (another cooperative's
 * session is not found).
 */
@Path("/sessions/{sessionId}/waitlist")
@Tag(name = "Waitlist", description = "Waiting for a sold-out item: the first in line gets the units that come back")
@Produces(MediaType.APPLICATION_JSON)
public class WaitlistResource {

    static final String SESSION_ID = "The session's id (livestream-service's)";
    static final String JOIN_EXAMPLE = "{\"code\": \"BG01\", \"quantity\": 2, \"buyerName\": \"Nguyễn Văn An\","
            + " \"phone\": \"0912 345 678\", \"address\": {\"province\": \"Hà Nội\", \"commune\": \"Xã Đan Phượng\","
            + " \"detail\": \"Thôn Thượng Thôn, số 12\"}, \"paymentMethod\": \"COD\"}";
    static final String JOINED_EXAMPLE = "{\"entry\": {\"id\": 318, \"sessionId\": 5, \"itemId\": 12, \"itemCode\": \"BG01\","
            + " \"productName\": \"Bánh gio Đan Phượng\", \"quantity\": 2, \"paymentMethod\": \"COD\", \"state\": \"WAITING\","
            + " \"position\": 3, \"unitsOffered\": null, \"orderCode\": null, \"skipReason\": null,"
            + " \"joinedAt\": \"2026-11-30T12:01:02Z\", \"decidedAt\": null},"
            + " \"accessToken\": \"q3Jx0b2yR1c8m1o3v5L0l6kG7d2d9b8S2Zb4n1pW3eY\"}";

    private final WaitlistJoins joins;
    private final WaitlistEntries entries;
    private final OrderAttemptLimits attemptLimits;
    private final Caller caller;

    WaitlistResource(WaitlistJoins joins, WaitlistEntries entries, OrderAttemptLimits attemptLimits, Caller caller) {
        this.joins = joins;
        this.entries = entries;
        this.attemptLimits = attemptLimits;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "joinWaitlist", summary = "Wait for a sold-out item",
            description = "Public, like POST /orders: buyers do not sign in, and the body is checked as an order's is."
                    + " Accepted only while the session is LIVE and the item has fewer units left than asked (units other"
                    + " buyers' orders are being placed with right now count as gone: a tap refused as sold out with"
                    + " `beingOrdered` can join). When units"
                    + " come back (a cancellation, an expired hold, the quota raised), the first in line is given an order"
                    + " of them (all it asked for, or fewer), held for a short time (`chotdon.waitlist.hold-minutes`,"
                    + " default 10): the entry becomes PROMOTED with its `orderCode`, and the access token of this answer"
                    + " opens the order as X-Order-Token. One phone waits at most once for an item: joining again while"
                    + " WAITING answers the entry in line (200, no new token).")
    @APIResponse(responseCode = "201", description = "In line. The access token is shown only in this answer.",
            headers = @Header(name = HttpHeaders.LOCATION, required = true,
                    description = "The buyer's URL of the entry, /waitlist/{entryId}; read it with the access token as"
                            + " " + BuyerWaitlistResource.TOKEN_HEADER,
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitlistReceipt.class),
                    examples = @ExampleObject(name = "joined", value = JOINED_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The phone was already in line for the item: its entry, without a"
            + " token (`accessToken` null)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitlistReceipt.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (phone, address, quantity, neither or both of code"
            + " and itemId...), all listed in `errors`; or a malformed body. `type`: " + Problem.TYPE_BASE + "validation, "
            + Problem.TYPE_BASE + "malformed-json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such session (or order-service has not heard of it yet). `type`: "
            + Problem.TYPE_BASE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not in line:\n"
            + "- the item has the units asked for, not being ordered by others: order them (`itemCode`, `itemId`,"
            + " `remaining`). `type`: "
            + Problem.TYPE_BASE + "not-sold-out\n"
            + "- more units than the item's per-buyer limit (`itemCode`, `limit`). `type`: " + Problem.TYPE_BASE
            + "buyer-limit\n"
            + "- the session is not LIVE (`currentStatus`). `type`: " + Problem.TYPE_BASE + "session-not-live",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the 256 KiB this service accepts. `type`: "
            + Problem.TYPE_BASE + "body-too-large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The item is not on the session's lineup. `type`: "
            + Problem.TYPE_BASE + "unknown-item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many attempts from this network or for this phone (the budget"
            + " of POST /orders); send it again after Retry-After seconds. `type`: " + Problem.TYPE_BASE
            + "too-many-attempts",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, required = true, description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response join(
            @PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId,
            @Valid @NotNull @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = JoinWaitlist.class),
                    examples = @ExampleObject(name = "join", value = JOIN_EXAMPLE))) JoinWaitlist request,
            HttpServerRequest http) {
        attemptLimits.admit(http.remoteAddress().hostAddress(), VietnamPhone.normalise(request.phone()).orElseThrow());
        WaitlistJoins.Joined joined = joins.join(sessionId, request, null);
        WaitlistReceipt receipt = new WaitlistReceipt(WaitlistEntryView.of(joined.entry()), joined.accessToken());
        if (!joined.created()) {
            return Response.ok(receipt).build();
        }
        return Response.created(URI.create("/waitlist/" + joined.entry().entry().id)).entity(receipt).build();
    }

    @GET
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "listWaitlist", summary = "List who waits for the session's items",
            description = "In line order (oldest first), optionally of one item and in one state (`state=WAITING`: the"
                    + " lines now). Owners see phones whole; staff see them masked. No street or house: the order made for"
                    + " a buyer has the address.")
    @APIResponse(responseCode = "200", description = "One page of entries")
    @APIResponse(responseCode = "404", description = "No such session in the caller's cooperative (another cooperative's"
            + " session is not found either). `type`: " + Problem.TYPE_BASE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PageOf<StaffWaitlistEntryView> list(
            @PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId,
            @QueryParam("itemId") @Parameter(description = "Only this lineup item's line", example = "12") Long itemId,
            @QueryParam("state") @Parameter(description = "Only entries in this state", example = "WAITING")
            WaitlistState state,
            @Valid @BeanParam PageParams paging) {
        var found = entries.list(sessionId, caller.cooperativeScope(), itemId, state, paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), this::view);
    }

    /** Owners see the phone whole, staff masked, as with orders. */
    private StaffWaitlistEntryView view(EntryInLine seen) {
        String phone = seen.entry().buyerPhone;
        return StaffWaitlistEntryView.of(seen, caller.is(Roles.OWNER) ? phone : VietnamPhone.masked(phone));
    }
}
