package vn.chotdon.order.payment.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookKey", description = "The cooperative's new webhook key. Shown only in this answer: only its hash"
        + " is stored. The previous key stops working at once.")
public record WebhookKeyView(
        @Schema(required = true, description = "Send it as `Authorization: Apikey <apiKey>` (SePay: Security → API Key)",
                example = "chotdon_q3Vb0x9Xl2nWJ7pM0tY4rS8kF1aE6cH5dG2iK9uL3oN") String apiKey,
        @Schema(required = true, description = "The URL path to give the provider, after this service's base URL",
                example = "/payments/webhooks/sepay/7") String webhookPath,
        @Schema(required = true, implementation = String.class, format = "date-time", example = "2025-11-28T12:10:00Z")
        Instant createdAt) {
}
