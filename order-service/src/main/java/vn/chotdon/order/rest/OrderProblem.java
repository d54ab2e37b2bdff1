package vn.chotdon.order.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.platform.problem.Problem;

/**
 * How the OpenAPI document describes order-service's refusals: RFC 9457 problem details plus the
 * extension members they carry, so that a generated client gets those as typed fields and the
 * contract check knows them. The answers themselves are built as {@link Problem}; nothing builds
 * this record.
 */
@Schema(name = "OrderProblem", description = "RFC 9457 problem details (application/problem+json), with the members"
        + " order-service's refusals add; each is present only with the types named in its description")
record OrderProblem(
        @Schema(required = true, example = "https://chotdon.vn/problems/sold-out") String type,
        @Schema(required = true, example = "Not enough left") String title,
        @Schema(required = true, example = "409") int status,
        @Schema(example = "Only 3 of BG01 (Bánh gio Thanh Huệ) remain; 5 were asked") String detail,
        @Schema(example = "/orders") String instance,
        @Schema(description = "For validation and unknown-item: every invalid field") List<Problem.FieldViolation> errors,
        @Schema(description = "sold-out, buyer-limit: the lineup item's code", example = "BG01") String itemCode,
        @Schema(description = "sold-out: the lineup item's id", example = "12") Long itemId,
        @Schema(description = "sold-out: units left of the item", example = "3") Long remaining,
        @Schema(description = "sold-out: units of the item in orders other buyers are placing right now; present when"
                + " those are what leaves too few (a few may come back if those orders are refused)", example = "12")
        Long beingOrdered,
        @Schema(description = "buyer-limit: units one phone may order of the item", example = "5") Long limit,
        @Schema(description = "buyer-limit: units of the item already in this phone's orders", example = "4")
        Long alreadyOrdered,
        @Schema(description = "held-units-cap: units one phone may hold unpaid in the session", example = "20")
        Integer cap,
        @Schema(description = "held-units-cap: units this phone holds unpaid in the session", example = "18") Long held,
        @Schema(description = "held-units-cap: units the order asks for", example = "5") Long asked,
        @Schema(description = "session-not-live: the session's status; illegal-status-change: the order's status",
                enumeration = { "SCHEDULED", "LIVE", "ENDED", "CANCELLED", "PLACED", "CONFIRMED", "PAID", "SHIPPED",
                        "DELIVERED", "RETURNED", "EXPIRED" }, example = "ENDED") String currentStatus,
        @Schema(description = "too-many-attempts: seconds to wait before sending the same request"
                + " again", example = "1") Long retryAfterSeconds,
        @Schema(description = "item-has-orders: units of the item orders hold", example = "7") Long ordered,
        @Schema(description = "no-transfer-details: how the order is paid; pay-first: how it must be paid to be"
                + " taken", enumeration = { "COD", "BANK_TRANSFER" },
                example = "COD") String paymentMethod) {
}
