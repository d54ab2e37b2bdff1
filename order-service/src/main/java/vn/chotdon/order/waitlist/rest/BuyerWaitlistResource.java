package vn.chotdon.order.waitlist.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.waitlist.service.WaitlistEntries;
import vn.chotdon.platform.problem.Problem;

/**
 * A buyer's own place in a waitlist, opened with the token the join answered (buyers do not sign
 * in): without it the entry is not found.
 */
@Path("/waitlist/{entryId}")
@Tag(name = "Waitlist")
@Produces(MediaType.APPLICATION_JSON)
public class BuyerWaitlistResource {

    static final String TOKEN_HEADER = "X-Waitlist-Token";
    static final String TOKEN_DESCRIPTION = "The `accessToken` of the join's answer. Without it, or with another"
            + " entry's, the entry is not found (404).";
    static final String NO_ENTRY = "No waitlist entry with this id and access token (a missing or wrong token gets the"
            + " same answer as an unknown id). `type`: " + Problem.TYPE_BASE + "not-found";
    static final String PROMOTED_EXAMPLE = "{\"id\": 318, \"sessionId\": 5, \"itemId\": 12, \"itemCode\": \"BG01\","
            + " \"productName\": \"Bánh gio Đan Phượng\", \"quantity\": 2, \"paymentMethod\": \"COD\", \"state\": \"PROMOTED\","
            + " \"position\": null, \"unitsOffered\": 1, \"orderCode\": \"K7M2Q9XA\", \"skipReason\": null,"
            + " \"joinedAt\": \"2026-11-30T12:01:02Z\", \"decidedAt\": \"2026-11-30T12:04:40Z\"}";

    private final WaitlistEntries entries;

    BuyerWaitlistResource(WaitlistEntries entries) {
        this.entries = entries;
    }

    @GET
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "getMyWaitlistEntry", summary = "Read my place in a waitlist",
            description = "Public, no bearer token: the entry's access token (from the join's answer) opens it, sent as"
                    + " the " + TOKEN_HEADER + " header. While WAITING, `position` is the place in line (1 is next); once"
                    + " PROMOTED, `orderCode` is the order held for the buyer (open it at /buyer/orders/{code} with the same"
                    + " token as X-Order-Token) and `unitsOffered` its units.")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitlistEntryView.class),
                    examples = @ExampleObject(name = "promoted", value = PROMOTED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = NO_ENTRY,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WaitlistEntryView get(
            @PathParam("entryId") @Parameter(description = "The entry's id", example = "318") long entryId,
            @HeaderParam(TOKEN_HEADER) @Parameter(required = true, description = TOKEN_DESCRIPTION,
                    example = "q3Jx0b2yR1c8m1o3v5L0l6kG7d2d9b8S2Zb4n1pW3eY") String token) {
        return WaitlistEntryView.of(entries.forBuyer(entryId, token));
    }

    @DELETE
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "leaveWaitlist", summary = "Leave a waitlist",
            description = "Public, no bearer token: the entry's access token opens it, sent as the " + TOKEN_HEADER
                    + " header. A WAITING entry becomes LEFT and is never offered units; leaving again answers it as it"
                    + " is. Once PROMOTED, the buyer cancels the order instead (POST /buyer/orders/{code}/cancel).")
    @APIResponse(responseCode = "200", description = "The entry, LEFT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WaitlistEntryView.class)))
    @APIResponse(responseCode = "404", description = NO_ENTRY,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The entry is no longer in line (PROMOTED, SKIPPED or CLOSED:"
            + " `currentState`); nothing changed. `type`: " + Problem.TYPE_BASE + "waitlist-entry-decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WaitlistEntryView leave(
            @PathParam("entryId") @Parameter(description = "The entry's id", example = "318") long entryId,
            @HeaderParam(TOKEN_HEADER) @Parameter(required = true, description = TOKEN_DESCRIPTION,
                    example = "q3Jx0b2yR1c8m1o3v5L0l6kG7d2d9b8S2Zb4n1pW3eY") String token) {
        return WaitlistEntryView.of(entries.leave(entryId, token));
    }
}
