package vn.chotdon.catalog.settlement.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.catalog.settlement.SettlementReport;
import vn.chotdon.catalog.settlement.SettlementScope;
import vn.chotdon.catalog.settlement.service.CommissionRates;
import vn.chotdon.catalog.settlement.service.Payouts;
import vn.chotdon.catalog.settlement.service.SettlementReports;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

/**
 * What each member household of a cooperative is owed, its commission rate, and payouts. Revenue is
 * for the cooperative's owner (and the platform admin): staff is refused, as for order-service's
 * tally (platform Roles: the owner sees "tally, revenue and exports"). Only the owner records a
 * payout, as the one who paid it.
 */
@Path("/cooperatives/{id}/settlement")
@Tag(name = "Settlement", description = "What each member household is owed, the cooperative's commission, payouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SettlementResource {

    static final String COOPERATIVE_ID = "The cooperative's id";
    static final String SESSION_ID = "The sale session's id (livestream-service's)";
    static final String NOT_FOUND = "No such cooperative, or not the caller's. `type`: " + Problem.TYPE_BASE + "not-found";
    static final String BAD_DAYS = "`from` missing, not a date or outside the years 2000 to 9998, or `days` missing or"
            + " not 1 to 366"
            + " (`type`: " + Problem.TYPE_BASE + "validation; `errors` names the parameter)";
    static final String FROM = "The first day of the range, in Vietnam";
    static final String DAYS_COUNT = "How many days the range has, `from` included";
    static final String HOW = " Only money that counted: an order counts once paid or delivered, and a return or a"
            + " cancellation after payment reverses it. The commission is computed once per rate on the cooperative's"
            + " total, rounded down to the đồng, and shared among the households by the largest-remainder method, so"
            + " the households' amounts add up exactly to the totals. `feesVnd` is 0: no fee is recorded yet.";
    static final String DAYS = " The range is `days` calendar days in Vietnam (Asia/Ho_Chi_Minh) from `from` included"
            + " (`from=2026-12-01&days=31`: December); money is in it when it counted (or was reversed) on one of"
            + " those days, so a return after the range falls in a later one.";
    static final String CSV_DESCRIPTION = " As CSV (UTF-8 with a byte order mark, for Excel; CRLF; RFC 4180 quoting;"
            + " text starting with = + - @ gets a leading '): header `" + SettlementCsv.HEADER + "`, one row per member"
            + " household (memberId empty: products of no household), then a TOTAL row.";

    private final SettlementReports reports;
    private final Payouts payouts;
    private final CommissionRates rates;
    private final Caller caller;

    SettlementResource(SettlementReports reports, Payouts payouts, CommissionRates rates, Caller caller) {
        this.reports = reports;
        this.payouts = payouts;
        this.rates = rates;
        this.caller = caller;
    }

    @GET
    @Path("/commission")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER })
    @Operation(operationId = "getCommission", summary = "The cooperative's commission rate and its history",
            description = "The rate in force (0 until one is set) and every rate set, newest first, with who set it.")
    @APIResponse(responseCode = "200", description = "The rate",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommissionView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public CommissionView commission(@PathParam("id") @Parameter(description = COOPERATIVE_ID, example = "1") long id) {
        return CommissionView.of(rates.history(id, caller.cooperativeScope()));
    }

    @PUT
    @Path("/commission")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER })
    @Operation(operationId = "setCommission", summary = "Set the cooperative's commission rate from now on",
            description = "Applies to money that counts from now on; money counted before, and its later reversal, keep"
                    + " the rate in force when it counted. Kept in the history with who set it.")
    @APIResponse(responseCode = "200", description = "The rate now in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommissionView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public CommissionView setCommission(@PathParam("id") @Parameter(description = COOPERATIVE_ID, example = "1") long id,
            @Valid @NotNull SettlementRequests.Commission body) {
        return CommissionView.of(rates.set(id, body.basisPoints(), caller.subject(), caller.cooperativeScope()));
    }

    @GET
    @Path("/sessions/{sessionId}")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER })
    @Operation(operationId = "getSessionSettlement", summary = "What each member household is owed for a session",
            description = "Per member household: units and money per product, gross, commission, fees, net, paid out"
                    + " and still owed, for the session's orders whenever their money counted. A session with no"
                    + " counted money answers an empty report." + HOW)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettlementReport.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public SettlementReport session(@PathParam("id") @Parameter(description = COOPERATIVE_ID, example = "1") long id,
            @PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId) {
        return reports.report(id, SettlementScope.session(sessionId), caller.cooperativeScope());
    }

    @GET
    @Path("/sessions/{sessionId}/report.csv")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER })
    @Produces(SettlementCsv.MEDIA_TYPE)
    @Operation(operationId = "exportSessionSettlement", summary = "What each member household is owed for a session, as CSV",
            description = "The session's settlement report." + CSV_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The report",
            headers = @Header(name = "Content-Disposition", required = true,
                    description = "attachment; filename=\"cooperative-{id}-session-{sessionId}-settlement.csv\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = SettlementCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    example = SettlementCsv.HEADER + "\r\n3,Hộ bà Nguyễn Thị Huệ,Bánh gio x12,12,180000,0,18000,0,162000,0,"
                            + "162000\r\n,TOTAL,,12,180000,0,18000,0,162000,0,162000\r\n")))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response sessionCsv(@PathParam("id") @Parameter(description = COOPERATIVE_ID, example = "1") long id,
            @PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId) {
        return csv(reports.report(id, SettlementScope.session(sessionId), caller.cooperativeScope()),
                "cooperative-" + id + "-session-" + sessionId + "-settlement.csv");
    }

    @POST
    @Path("/sessions/{sessionId}/payouts")
    @RolesAllowed(Roles.OWNER)
    @Operation(operationId = "payOutSession", summary = "Mark a member household's settlement of a session as paid out",
            description = "Records that the owner paid the household what the session's report shows it is owed now"
                    + " (`owedVnd`), who (the token's subject) and when. The payout never changes: money that counts or"
                    + " is reversed later shows as owed again (negative after a return) and a next payout settles it.")
    @APIResponse(responseCode = "201", description = "The payout",
            headers = @Header(name = "Location", description = "The session's settlement report",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference",
                            example = "/cooperatives/1/settlement/sessions/5")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettlementReport.Payout.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "Nothing more is owed to the household here (`type`: "
            + Problem.TYPE_BASE + "nothing-owed), or some of its money here was settled by a payout for a range of"
            + " days (`type`: " + Problem.TYPE_BASE + "settled-elsewhere)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "No such member household in the cooperative (`type`: "
            + Problem.TYPE_BASE + "invalid-reference; `errors` names memberId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response payOutSession(@PathParam("id") @Parameter(description = COOPERATIVE_ID, example = "1") long id,
            @PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId,
            @Valid @NotNull SettlementRequests.Payout body) {
        SettlementReport.Payout payout = payouts.payOut(id, SettlementScope.session(sessionId), body.memberId(),
                caller.subject(), caller.cooperativeScope());
        return Response.created(URI.create("/cooperatives/" + id + "/settlement/sessions/" + sessionId))
                .entity(payout).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER })
    @Operation(operationId = "getSettlement", summary = "What each member household is owed for a range of days",
            description = "As the session report, over every session, for the money that counted in the range." + DAYS
                    + HOW)
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SettlementReport.class)))
    @APIResponse(responseCode = "400", description = BAD_DAYS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public SettlementReport days(@PathParam("id") @Parameter(description = COOPERATIVE_ID, example = "1") long id,
            @QueryParam("from") @NotNull @Parameter(description = FROM, example = "2026-12-01") LocalDate from,
            @QueryParam("days") @NotNull @Min(1) @Max(SettlementScope.MAX_DAYS) @Parameter(description = DAYS_COUNT,
                    example = "31") Integer days) {
        return reports.report(id, SettlementScope.days(from, days), caller.cooperativeScope());
    }

    @GET
    @Path("/report.csv")
    @RolesAllowed({ Roles.ADMIN, Roles.OWNER })
    @Produces(SettlementCsv.MEDIA_TYPE)
    @Operation(operationId = "exportSettlement", summary = "What each member household is owed for a range of days, as CSV",
            description = "The range's settlement report." + DAYS + CSV_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The report",
            headers = @Header(name = "Content-Disposition", required = true,
                    description = "attachment; filename=\"cooperative-{id}-settlement-{from}-{days}-days.csv\"",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = SettlementCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    example = SettlementCsv.HEADER + "\r\n,TOTAL,,0,0,0,0,0,0,0,0\r\n")))
    @APIResponse(responseCode = "400", description = BAD_DAYS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response daysCsv(@PathParam("id") @Parameter(description = COOPERATIVE_ID, example = "1") long id,
            @QueryParam("from") @NotNull @Parameter(description = FROM, example = "2026-12-01") LocalDate from,
            @QueryParam("days") @NotNull @Min(1) @Max(SettlementScope.MAX_DAYS) @Parameter(description = DAYS_COUNT,
                    example = "31") Integer days) {
        return csv(reports.report(id, SettlementScope.days(from, days), caller.cooperativeScope()),
                "cooperative-" + id + "-settlement-" + from + "-" + days + "-days.csv");
    }

    @POST
    @Path("/payouts")
    @RolesAllowed(Roles.OWNER)
    @Operation(operationId = "payOutDays", summary = "Mark a member household's settlement of a range of days as paid out",
            description = "As for a session, over the range's report." + DAYS)
    @APIResponse(responseCode = "201", description = "The payout",
            headers = @Header(name = "Location", description = "The range's settlement report",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference",
                            example = "/cooperatives/1/settlement?from=2026-12-01&days=31")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettlementReport.Payout.class)))
    @APIResponse(responseCode = "400", description = BAD_DAYS,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "409", description = "Nothing more is owed to the household here (`type`: "
            + Problem.TYPE_BASE + "nothing-owed), or some of its money here was settled by a payout for a session or"
            + " another range (`type`: " + Problem.TYPE_BASE + "settled-elsewhere)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "No such member household in the cooperative (`type`: "
            + Problem.TYPE_BASE + "invalid-reference; `errors` names memberId)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response payOutDays(@PathParam("id") @Parameter(description = COOPERATIVE_ID, example = "1") long id,
            @QueryParam("from") @NotNull @Parameter(description = FROM, example = "2026-12-01") LocalDate from,
            @QueryParam("days") @NotNull @Min(1) @Max(SettlementScope.MAX_DAYS) @Parameter(description = DAYS_COUNT,
                    example = "31") Integer days,
            @Valid @NotNull SettlementRequests.Payout body) {
        SettlementReport.Payout payout = payouts.payOut(id, SettlementScope.days(from, days), body.memberId(),
                caller.subject(), caller.cooperativeScope());
        return Response.created(URI.create("/cooperatives/" + id + "/settlement?from=" + from + "&days=" + days))
                .entity(payout).build();
    }

    private static Response csv(SettlementReport report, String filename) {
        return Response.ok(SettlementCsv.of(report)).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
