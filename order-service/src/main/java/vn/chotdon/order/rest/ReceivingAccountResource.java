package vn.chotdon.order.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.service.ReceivingAccounts;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

/**
 * The bank accounts a cooperative receives transfers on, for its owner and staff: another
 * cooperative's accounts are not found (404), as if they did not exist.
 */
@Path("/cooperatives/{cooperativeId}/receiving-accounts")
@Tag(name = "Receiving accounts", description = "The cooperative's bank accounts that VietQR codes name")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OWNER, Roles.STAFF })
public class ReceivingAccountResource {

    static final String COOPERATIVE = "The caller's cooperative (the `cooperative_id` of the token)";
    static final String ACCOUNT = "The receiving account's id";
    static final String NOT_FOUND = "Another cooperative than the caller's, or no such account in it. `type`: "
            + Problem.TYPE_BASE + "not-found";

    private final ReceivingAccounts accounts;
    private final Caller caller;

    ReceivingAccountResource(ReceivingAccounts accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listReceivingAccounts", summary = "List the cooperative's receiving accounts",
            description = "Active and deactivated ones, oldest first, with the account numbers whole.")
    @APIResponse(responseCode = "200", description = "The accounts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ReceivingAccountView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ReceivingAccountView> list(@PathParam("cooperativeId") @Parameter(description = COOPERATIVE,
            example = "1") long cooperativeId) {
        return accounts.list(cooperativeId, caller.cooperativeScope()).stream().map(ReceivingAccountView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReceivingAccount", summary = "Record a receiving account",
            description = "At a bank of the NAPAS list, by BIN. The cooperative's first account, or one sent with"
                    + " `makeDefault`, becomes the default: new bank-transfer orders name it in their VietQR code"
                    + " (within a few seconds on every instance of the service). Bank, number and name never change"
                    + " afterwards: record another account and deactivate this one. Sending an account already"
                    + " recorded (same bank, number and name) again is a retry: it answers that account, active again"
                    + " (and the default if asked).")
    @APIResponse(responseCode = "201", description = "Recorded (or recorded before: the same account)",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "The account's URL",
                    schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReceivingAccountView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, all listed in `errors`. `type`: "
            + Problem.TYPE_BASE + "validation, " + Problem.TYPE_BASE + "malformed-json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Nothing was recorded: the bank and number are recorded with"
            + " another name (`accountId` names that account; `type`: " + Problem.TYPE_BASE
            + "receiving-account-exists), or another change of the cooperative's accounts ran at the same time"
            + " (`type`: " + Problem.TYPE_BASE + "concurrent-change; send again)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = OrderResource.BODY_TOO_LARGE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No bank with this BIN in the list of Vietnamese banks. `type`: "
            + Problem.TYPE_BASE + "invalid-reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("cooperativeId") @Parameter(description = COOPERATIVE, example = "1")
            long cooperativeId,
            @Valid @NotNull @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NewReceivingAccount.class))) NewReceivingAccount asked) {
        var created = accounts.create(cooperativeId, new ReceivingAccounts.NewAccount(asked.bankBin(),
                asked.accountNumber(), asked.accountName(), Boolean.TRUE.equals(asked.makeDefault())),
                caller.cooperativeScope(), caller.subject());
        return Response.created(URI.create("/cooperatives/" + cooperativeId + "/receiving-accounts/" + created.id))
                .entity(ReceivingAccountView.of(created)).build();
    }

    @GET
    @Path("/{accountId}")
    @Operation(operationId = "getReceivingAccount", summary = "Read a receiving account",
            description = "With the account number whole.")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceivingAccountView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReceivingAccountView get(
            @PathParam("cooperativeId") @Parameter(description = COOPERATIVE, example = "1") long cooperativeId,
            @PathParam("accountId") @Parameter(description = ACCOUNT, example = "3") long accountId) {
        return ReceivingAccountView.of(accounts.get(cooperativeId, accountId, caller.cooperativeScope()));
    }

    @POST
    @Path("/{accountId}/default")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "makeReceivingAccountDefault", summary = "Make an account the default",
            description = "New bank-transfer orders name it from now on (orders placed before keep theirs). A"
                    + " deactivated account becomes active again. Making the default the default changes nothing.")
    @APIResponse(responseCode = "200", description = "The account, the default", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceivingAccountView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another change of the cooperative's accounts ran at the same"
            + " time; nothing changed, send again. `type`: " + Problem.TYPE_BASE + "concurrent-change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReceivingAccountView makeDefault(
            @PathParam("cooperativeId") @Parameter(description = COOPERATIVE, example = "1") long cooperativeId,
            @PathParam("accountId") @Parameter(description = ACCOUNT, example = "3") long accountId) {
        return ReceivingAccountView.of(accounts.makeDefault(cooperativeId, accountId, caller.cooperativeScope()));
    }

    @POST
    @Path("/{accountId}/deactivate")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "deactivateReceivingAccount", summary = "Stop offering an account to new orders",
            description = "Orders that named it keep it (their VietQR code stays valid). When it was the default, the"
                    + " cooperative's oldest other active account becomes the default; with none, new bank-transfer"
                    + " orders have no transfer details until an account is recorded. Deactivating it again changes"
                    + " nothing.")
    @APIResponse(responseCode = "200", description = "The account, inactive", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceivingAccountView.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another change of the cooperative's accounts ran at the same"
            + " time; nothing changed, send again. `type`: " + Problem.TYPE_BASE + "concurrent-change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReceivingAccountView deactivate(
            @PathParam("cooperativeId") @Parameter(description = COOPERATIVE, example = "1") long cooperativeId,
            @PathParam("accountId") @Parameter(description = ACCOUNT, example = "3") long accountId) {
        return ReceivingAccountView.of(accounts.deactivate(cooperativeId, accountId, caller.cooperativeScope()));
    }
}
