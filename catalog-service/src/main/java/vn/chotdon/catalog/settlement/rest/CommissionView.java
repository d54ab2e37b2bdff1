package vn.chotdon.catalog.settlement.rest;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.settlement.service.CommissionRates;

@Schema(name = "Commission", description = "A cooperative's commission rate in force, and every rate it set")
public record CommissionView(
        @Schema(required = true, example = "1") long cooperativeId,
        @Schema(required = true, description = "In force now; 0 when never set", example = "1000") int basisPoints,
        @Schema(required = true, nullable = true, implementation = String.class, format = "date-time", description = "Since when; null when never set",
                example = "2026-11-28T07:30:00Z") Instant effectiveFrom,
        @Schema(required = true, nullable = true, description = "The token subject that set it", example = "owner-1")
        String setBy,
        @Schema(required = true, description = "Every rate set, newest first") List<Rate> history) {

    @Schema(name = "CommissionRate", description = "A rate and when it took effect")
    public record Rate(
            @Schema(required = true, example = "1000") int basisPoints,
            @Schema(required = true, example = "2026-11-28T07:30:00Z") Instant effectiveFrom,
            @Schema(required = true, example = "owner-1") String setBy) {
    }

    static CommissionView of(CommissionRates.RateHistory h) {
        return new CommissionView(h.cooperativeId(), h.current().basisPoints(), h.current().effectiveFrom(),
                h.current().setBy(), h.history().stream().map(r -> new Rate(r.basisPoints(), r.effectiveFrom(),
                        r.setBy())).toList());
    }
}
