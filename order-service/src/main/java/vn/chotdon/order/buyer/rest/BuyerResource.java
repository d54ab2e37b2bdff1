package vn.chotdon.order.buyer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.buyer.service.BuyerRecords;
import vn.chotdon.order.buyer.service.BuyerStanding;
import vn.chotdon.order.service.PlaceOrder;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;
import vn.chotdon.platform.text.VietnamPhone;

/**
 * A buyer's record in the cooperative and staff's flag on their phone, for the cooperative's owner
 * and staff only: another cooperative answers 404, as if it did not exist. Never public.
 */
@Path("/cooperatives/{cooperativeId}/buyers/{phone}")
@Tag(name = "Buyers", description = "A buyer's record in the cooperative and the flag staff put on their phone")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OWNER, Roles.STAFF })
public class BuyerResource {

    static final String COOPERATIVE = "The caller's cooperative (the `cooperative_id` of the token)";
    static final String PHONE = "The buyer's phone in any usual form (0912345678, +84912345678, 84912345678), matched"
            + " normalised; a number that is not Vietnamese answers 400";
    static final String NOT_FOUND = "Another cooperative than the caller's. `type`: " + Problem.TYPE_BASE + "not-found";
    static final String INVALID = "The phone is not a Vietnamese phone number, or the note is missing or too long (all"
            + " listed in `errors`). `type`: " + Problem.TYPE_BASE + "validation";
    static final String EXAMPLE_PHONE = "0912345678";
    /** The platform answers it before any resource runs, for a Content-Length over quarkus.http.limits.max-body-size. */
    static final String BODY_TOO_LARGE = "The body is larger than the 256 KiB this service accepts; nothing was read."
            + " `type`: " + Problem.TYPE_BASE + "body-too-large";

    private final BuyerRecords records;
    private final Caller caller;

    BuyerResource(BuyerRecords records, Caller caller) {
        this.records = records;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getBuyer", summary = "A buyer's record in the cooperative",
            description = "Their orders in this cooperative by what became of them (placed, delivered, paid, cancelled by"
                    + " the buyer, expired unpaid, returned), whether they are unreliable (returned plus expired unpaid"
                    + " reached the service's threshold), the flag on the phone and its latest changes. The counts follow"
                    + " the order events, a moment after each change. A phone with no order has zeros.")
    @APIResponse(responseCode = "200", description = "The buyer",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BuyerView.class)))
    @APIResponse(responseCode = "400", description = INVALID,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BuyerView get(
            @PathParam("cooperativeId") @Parameter(description = COOPERATIVE, example = "1") long cooperativeId,
            @PathParam("phone") @Pattern(regexp = PlaceOrder.PHONE_PATTERN, message = "must be a Vietnamese phone number")
            @Parameter(description = PHONE, example = EXAMPLE_PHONE,
                    schema = @Schema(type = SchemaType.STRING, pattern = PlaceOrder.PHONE_PATTERN)) String phone) {
        String normalised = normalised(phone);
        return view(cooperativeId, normalised, records.standing(cooperativeId, normalised, caller.cooperativeScope()));
    }

    @PUT
    @Path("/flag")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "flagBuyer", summary = "Flag a buyer's phone in the cooperative",
            description = "With a note; kept with who flagged it (the token's subject) and when. Flagging a phone already"
                    + " flagged replaces the note, who and when. Each session's buyer policy says what a flagged buyer's"
                    + " orders get (accepted, held for review, or asked to pay by transfer first).")
    @APIResponse(responseCode = "200", description = "The buyer, flagged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BuyerView.class)))
    @APIResponse(responseCode = "400", description = INVALID,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = BODY_TOO_LARGE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BuyerView flag(
            @PathParam("cooperativeId") @Parameter(description = COOPERATIVE, example = "1") long cooperativeId,
            @PathParam("phone") @Pattern(regexp = PlaceOrder.PHONE_PATTERN, message = "must be a Vietnamese phone number")
            @Parameter(description = PHONE, example = EXAMPLE_PHONE,
                    schema = @Schema(type = SchemaType.STRING, pattern = PlaceOrder.PHONE_PATTERN)) String phone,
            @Valid @NotNull @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FlagRequest.class))) FlagRequest flag) {
        String normalised = normalised(phone);
        return view(cooperativeId, normalised, records.flag(cooperativeId, normalised, flag.note(), caller.subject(),
                caller.cooperativeScope()));
    }

    @DELETE
    @Path("/flag")
    @Operation(operationId = "unflagBuyer", summary = "Take the flag off a buyer's phone",
            description = "The flag's history keeps who took it off (the token's subject) and when. A phone not flagged"
                    + " stays as it is.")
    @APIResponse(responseCode = "200", description = "The buyer, not flagged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BuyerView.class)))
    @APIResponse(responseCode = "400", description = INVALID,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NOT_FOUND,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BuyerView unflag(
            @PathParam("cooperativeId") @Parameter(description = COOPERATIVE, example = "1") long cooperativeId,
            @PathParam("phone") @Pattern(regexp = PlaceOrder.PHONE_PATTERN, message = "must be a Vietnamese phone number")
            @Parameter(description = PHONE, example = EXAMPLE_PHONE,
                    schema = @Schema(type = SchemaType.STRING, pattern = PlaceOrder.PHONE_PATTERN)) String phone) {
        String normalised = normalised(phone);
        return view(cooperativeId, normalised, records.unflag(cooperativeId, normalised, caller.subject(),
                caller.cooperativeScope()));
    }

    /** The pattern let only numbers the normaliser reads through. */
    private static String normalised(String phone) {
        return VietnamPhone.normalise(phone).orElseThrow();
    }

    /** Owners see the phone whole, staff masked, as with orders. */
    private BuyerView view(long cooperativeId, String phone, BuyerStanding standing) {
        var history = records.history(cooperativeId, phone, caller.cooperativeScope()).stream()
                .map(change -> new BuyerView.FlagChange(change.action(), change.note(), change.by(), change.at()))
                .toList();
        return new BuyerView(caller.is(Roles.OWNER) ? phone : VietnamPhone.masked(phone),
                standing.summary(records.unreliableAfter()), history);
    }
}
