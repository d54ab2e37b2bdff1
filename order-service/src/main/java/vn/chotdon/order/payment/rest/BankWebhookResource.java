package vn.chotdon.order.payment.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
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
import vn.chotdon.order.payment.service.IncomingTransfers;
import vn.chotdon.order.payment.service.NotificationShape;
import vn.chotdon.order.payment.service.SepayShape;
import vn.chotdon.order.payment.service.WebhookKeys;
import vn.chotdon.platform.problem.Problem;
import vn.chotdon.platform.problem.ProblemException;

/**
 * Where a bank-notification service posts a cooperative's incoming transfers. No bearer token: the
 * cooperative's webhook key authenticates it, checked before the body is read; a refused key
 * stores nothing.
 */
@Path("/payments/webhooks")
@Tag(name = "Payments", description = "Bank transfers matched to orders, and the review list of those that were not")
@Produces(MediaType.APPLICATION_JSON)
public class BankWebhookResource {

    static final String API_KEY_SCHEME = "Apikey";

    private final WebhookKeys keys;
    private final IncomingTransfers transfers;
    private final SepayShape sepay;
    private final ObjectMapper json;

    BankWebhookResource(WebhookKeys keys, IncomingTransfers transfers, SepayShape sepay, ObjectMapper json) {
        this.keys = keys;
        this.transfers = transfers;
        this.sepay = sepay;
        this.json = json;
    }

    @POST
    @Path("/sepay/{cooperativeId}")
    @PermitAll
    @SecurityRequirements
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "receiveSepayTransfer", summary = "SePay's webhook: a transaction on the cooperative's account",
            description = "Public, authenticated by the cooperative's webhook key (`PUT /payments/webhook-key`) in"
                    + " `Authorization: Apikey <key>`, compared in constant time. Each transaction is stored once per"
                    + " SePay id: a redelivery (SePay retries for about half an hour) answers the first outcome and does"
                    + " nothing more, even when it races the first delivery. An incoming transfer whose memo names"
                    + " exactly one order of the cooperative (`CHOTDON <code>`, as banks mangle it) with its exact"
                    + " total pays it (PLACED or CONFIRMED; EXPIRED if its units can be taken again), with its"
                    + " ORDER_PAID event; anything else waits in the list of unmatched payments for staff. Money out"
                    + " (`transferType` out) is recorded and never matched.")
    @APIResponse(responseCode = "200", description = "Stored (or already stored): SePay reads `success`",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookAnswer.class)))
    @APIResponse(responseCode = "400", description = "Not a SePay notification (no id, an amount that is not whole"
            + " VND, a transferType other than in/out, malformed JSON); nothing stored. `type`: "
            + Problem.TYPE_BASE + "invalid-notification",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No key, or not the cooperative's current key; nothing stored."
            + " `type`: " + Problem.TYPE_BASE + "invalid-webhook-key",
            headers = @Header(name = "WWW-Authenticate", description = "Apikey", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not answered as such: an unknown cooperative has no key, so its"
            + " webhook answers 401. `type`: " + Problem.TYPE_BASE + "not-found",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookAnswer sepay(
            @PathParam("cooperativeId") @Parameter(description = "The cooperative whose account it is", example = "7")
            long cooperativeId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) @Parameter(description = "`Apikey <the cooperative's webhook key>`",
                    example = "Apikey chotdon_q3Vb0x9Xl2nWJ7pM0tY4rS8kF1aE6cH5dG2iK9uL3oN") String authorization,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SepayNotification.class))) String body) {
        if (!keys.accepts(cooperativeId, apiKey(authorization))) {
            throw new ProblemException(401, "invalid-webhook-key", "Webhook key refused",
                    "Send the cooperative's current webhook key as Authorization: Apikey <key>; nothing was stored")
                    .challenging("Apikey");
        }
        return answer(sepay, body, cooperativeId);
    }

    private WebhookAnswer answer(NotificationShape shape, String body, long cooperativeId) {
        JsonNode tree;
        try {
            tree = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw invalid("the body is not JSON");
        }
        try {
            var receipt = transfers.receive(cooperativeId, shape.read(tree));
            return new WebhookAnswer(true, receipt.paymentId(), receipt.duplicate(), receipt.outcome(),
                    receipt.reason() == null ? null : receipt.reason().name(),
                    receipt.orderCode());
        } catch (NotificationShape.InvalidNotification e) {
            throw invalid(e.getMessage());
        }
    }

    private static ProblemException invalid(String message) {
        return new ProblemException(400, "invalid-notification", "Not a bank notification",
                message + "; nothing was stored", List.of(new Problem.FieldViolation("body", message)));
    }

    /** The key of an {@code Apikey <key>} header; the scheme's case does not matter. */
    static String apiKey(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(API_KEY_SCHEME.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return value.substring(space + 1).strip();
    }
}
