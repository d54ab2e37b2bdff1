package vn.chotdon.catalog.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.StockLedgerEntry;
import vn.chotdon.catalog.StockMovementKind;

@Schema(name = "StockLedgerEntry", description = "One change of a product's stock and the stock it left")
public record LedgerEntryView(
        @Schema(required = true, example = "7") long id,
        @Schema(required = true, example = "42") long productId,
        @Schema(required = true, example = "RESERVATION") StockMovementKind kind,
        @Schema(required = true, example = "-600") long availableDelta,
        @Schema(required = true, example = "600") long reservedDelta,
        @Schema(required = true, nullable = true, description = "The sale session it is for, if any", example = "5")
        Long sessionId,
        @Schema(required = true, nullable = true, description = "The note or reason given, or what caused it",
                example = "Mẻ bánh sáng 28/11") String reason,
        @Schema(required = true, minimum = "0", example = "400") long availableAfter,
        @Schema(required = true, minimum = "0", example = "600") long reservedAfter,
        @Schema(required = true, example = "2026-11-28T07:30:00Z") Instant createdAt) {

    static LedgerEntryView of(StockLedgerEntry e) {
        return new LedgerEntryView(e.id, e.productId, e.kind, e.availableDelta, e.reservedDelta, e.sessionId,
                e.reason, e.availableAfter, e.reservedAfter, e.createdAt);
    }
}
