package vn.chotdon.order.view;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a placed order: the order, and the token that lets this buyer read or cancel it. */
@Schema(name = "OrderReceipt")
public record OrderReceipt(
        @Schema(required = true) OrderView order,
        @Schema(required = true, description = "Send as the X-Order-Token header to /buyer/orders/{code}; shown only"
                + " in this answer (and in its replays with the same Idempotency-Key)", pattern = "^[A-Za-z0-9_-]{43}$",
                example = "q3Jx0b2yR1c8m1o3v5L0l6kG7d2d9b8S2Zb4n1pW3eY") String accessToken) {
}
