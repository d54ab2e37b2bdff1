package vn.chotdon.livestream.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.livestream.SessionStatus;
import vn.chotdon.platform.problem.Problem;

/**
 * The OpenAPI description of livestream-service's refusals that carry members of their own
 * ({@code currentStatus}, {@code available}...) besides the platform's {@link Problem}: the answers
 * are Problems, this record only names those members for the clients. Never built.
 */
@Schema(name = "LivestreamProblem", description = "RFC 9457 problem details (application/problem+json), with the"
        + " members some of livestream-service's problem types add")
public record LivestreamProblem(
        @Schema(required = true, example = "https://chotdon.vn/problems/insufficient-stock") String type,
        @Schema(required = true, example = "Not enough stock") String title,
        @Schema(required = true, example = "409") int status,
        @Schema(required = true, example = "catalog-service has only 40 more unit(s) of product 42 to reserve; the quota"
                + " asks for 100 more") String detail,
        @Schema(example = "/sessions/5/lineup") String instance,
        @Schema(description = "For validation problems: every invalid field") List<Problem.FieldViolation> errors,
        @Schema(description = "lineup-closed, session-closed, session-not-live, illegal-status-change,"
                + " quota-cannot-shrink, code-fixed-while-live: the session's status; product-not-active: the"
                + " product's status in catalog-service", example = "LIVE") String currentStatus,
        @Schema(description = "illegal-status-change: the status asked for", implementation = SessionStatus.class,
                example = "ENDED") String requestedStatus,
        @Schema(description = "quota-cannot-shrink: the item's quota now", example = "600") Long currentQuota,
        @Schema(description = "duplicate-code: the code already used", example = "BG01") String code,
        @Schema(description = "product-already-in-lineup, product-not-active, insufficient-stock: the product",
                example = "42") Long productId,
        @Schema(description = "insufficient-stock: units catalog-service can still reserve", example = "40")
        Long available,
        @Schema(description = "insufficient-stock: units the quota asks for beyond what is reserved", example = "100")
        Long requested,
        @Schema(description = "item-has-orders: the units the item's orders took", example = "12") Long ordered,
        @Schema(description = "board-streams-full: seconds to wait before connecting again, as Retry-After says",
                example = "10") Long retryAfterSeconds) {
}
