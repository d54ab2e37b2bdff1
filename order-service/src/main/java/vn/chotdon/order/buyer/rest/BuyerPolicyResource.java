package vn.chotdon.order.buyer.rest;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.chotdon.order.buyer.service.SessionBuyerPolicies;
import vn.chotdon.order.buyer.service.SessionBuyerPolicy;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.security.Caller;
import vn.chotdon.platform.security.Roles;

/** A session's buyer policy, for the owner and staff of the session's cooperative. */
@Path("/sessions/{sessionId}/buyer-policy")
@Tag(name = "Buyers", description = "A buyer's record in the cooperative and the flag staff put on their phone")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OWNER, Roles.STAFF })
public class BuyerPolicyResource {

    static final String SESSION_ID = "The session's id (livestream-service's)";
    static final String NO_SESSION = "No such session in the caller's cooperative (another cooperative's session is not"
            + " found either), or order-service has not heard of it yet. `type`: " + Problem.TYPE_BASE + "not-found";

    private final SessionBuyerPolicies policies;
    private final Caller caller;

    BuyerPolicyResource(SessionBuyerPolicies policies, Caller caller) {
        this.policies = policies;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getSessionBuyerPolicy", summary = "What the session does with flagged and unreliable buyers",
            description = "A session whose policy was never set accepts everyone (ACCEPT, ACCEPT) and takes orders from"
                    + " live comments as cash on delivery (COD).")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BuyerPolicyView.class)))
    @APIResponse(responseCode = "404", description = NO_SESSION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BuyerPolicyView get(@PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId) {
        return view(policies.get(sessionId, caller.cooperativeScope()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setSessionBuyerPolicy", summary = "Set what the session does with flagged and unreliable buyers",
            description = "The whole policy, kept with who set it (the token's subject) and when. New orders follow it"
                    + " within a few seconds on every instance of the service; orders placed before keep what they got."
                    + " A buyer both flagged and unreliable gets both treatments that apply.")
    @APIResponse(responseCode = "200", description = "The policy as set", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BuyerPolicyView.class)))
    @APIResponse(responseCode = "400", description = "A field missing or an unknown value (all listed in `errors`;"
            + " treatments are ACCEPT, REVIEW, PAY_FIRST; payment methods COD, BANK_TRANSFER). `type`: "
            + Problem.TYPE_BASE + "validation, " + Problem.TYPE_BASE + "malformed-json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = NO_SESSION,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = BuyerResource.BODY_TOO_LARGE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BuyerPolicyView set(@PathParam("sessionId") @Parameter(description = SESSION_ID, example = "5") long sessionId,
            @Valid @NotNull @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BuyerPolicyRequest.class))) BuyerPolicyRequest policy) {
        return view(policies.set(sessionId, policy.flagged(), policy.unreliable(), policy.commentPaymentMethod(),
                caller.subject(), caller.cooperativeScope()));
    }

    private static BuyerPolicyView view(SessionBuyerPolicy p) {
        return new BuyerPolicyView(p.sessionId(), p.flagged(), p.unreliable(), p.commentPaymentMethod(), p.setBy(),
                p.setAt());
    }
}
