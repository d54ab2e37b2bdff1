package vn.chotdon.order.payment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.payment.BankPayment.ReviewState;
import vn.chotdon.order.payment.service.PaymentReview;
import vn.chotdon.order.payment.service.PaymentReview.Decision;
import vn.chotdon.order.payment.service.WebhookKeys;
import vn.chotdon.platform.paging.PageOf;
import vn.chotdon.platform.paging.PageParams;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

/** The cooperative's side of bank transfers: its webhook key, and the review list of unmatched payments. */
@Path("/payments")
@Tag(name = "Payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final WebhookKeys keys;
    private final PaymentReview review;
    private final Caller caller;

    PaymentResource(WebhookKeys keys, PaymentReview review, Caller caller) {
        this.keys = keys;
        this.review = review;
        this.caller = caller;
    }

    @PUT
    @Path("/webhook-key")
    @RolesAllowed(Roles.OWNER)
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rotateWebhookKey", summary = "Make a new webhook key for the owner's cooperative",
            description = "The key the bank-notification service (SePay: Security → API Key) sends as"
                    + " `Authorization: Apikey <key>`. Shown only in this answer; only its hash is kept. A new key"
                    + " replaces the previous one at once: update the provider's setting right after.")
    @APIResponse(responseCode = "200", description = "The new key and the webhook's path",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookKeyView.class)))
    public WebhookKeyView rotateKey() {
        long cooperativeId = caller.cooperativeScope();
        WebhookKeys.NewKey key = keys.rotate(cooperativeId, caller.subject());
        return new WebhookKeyView(key.key(), "/payments/webhooks/sepay/" + cooperativeId, key.createdAt());
    }

    @GET
    @Path("/unmatched")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Operation(operationId = "listUnmatchedPayments", summary = "The review list: transfers that paid no order by themselves",
            description = "Newest first, each with why it is there (`reason`) and what staff decided (`state`). Open"
                    + " entries are counted as the unmatched money of the session whose order their memo names.")
    @APIResponse(responseCode = "200", description = "One page of entries")
    public PageOf<UnmatchedPaymentView> unmatched(
            @QueryParam("state") @Parameter(description = "Only entries in this state", example = "OPEN") ReviewState state,
            @Valid @BeanParam PageParams paging) {
        var found = review.list(caller.cooperativeScope(), state, paging.page, paging.size);
        return PageOf.of(found.items(), paging.page, paging.size, found.total(), UnmatchedPaymentView::of);
    }

    @POST
    @Path("/unmatched/{paymentId}/resolution")
    @RolesAllowed({ Roles.OWNER, Roles.STAFF })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolveUnmatchedPayment", summary = "Decide what an unmatched payment was",
            description = "ATTACH it to an order (the order becomes PAID if it is PLACED or CONFIRMED, or EXPIRED and"
                    + " its units can be taken again; otherwise it is only recorded against the order), note that it was"
                    + " REFUNDED, or IGNORE it. Decided once, kept with who decided and when.")
    @APIResponse(responseCode = "200", description = "The entry, decided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnmatchedPaymentView.class)))
    @APIResponse(responseCode = "404", description = "No such unmatched payment in the caller's cooperative. `type`: "
            + Problem.TYPE_BASE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already decided (`currentState`). `type`: " + Problem.TYPE_BASE
            + "payment-already-resolved. Or the EXPIRED order cannot take its units again. `type`: "
            + Problem.TYPE_BASE + "order-not-revivable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "ATTACH without `orderCode`, or no order with `orderCode` in the"
            + " cooperative. `type`: "
            + Problem.TYPE_BASE + "invalid-reference",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnmatchedPaymentView resolve(
            @PathParam("paymentId") @Parameter(description = "The entry's id", example = "31") long paymentId,
            @Valid @NotNull @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Resolution.class))) Resolution resolution) {
        if (resolution.decision() == Decision.ATTACH && resolution.orderCode() == null) {
            throw ProblemException.invalidReference("orderCode", "is required to ATTACH: the order the money is for");
        }
        return UnmatchedPaymentView.of(review.resolve(paymentId, caller.cooperativeScope(), resolution.decision(),
                resolution.orderCode(), resolution.note(), caller.subject()));
    }
}
