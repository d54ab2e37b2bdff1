package vn.chotdon.catalog.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.StockLedgerEntry;

@Schema(name = "StockLedgerEntry")
public record LedgerEntryView(
        @Schema(example = "7") long id,
        @Schema(example = "42") long productId,
        @Schema(example = "RESERVATION") String kind,
        @Schema(example = "-600") long availableDelta,
        @Schema(example = "600") long reservedDelta,
        @Schema(example = "5") Long sessionId,
        String reason,
        @Schema(example = "400") long availableAfter,
        @Schema(example = "600") long reservedAfter,
        Instant createdAt) {

    static LedgerEntryView of(StockLedgerEntry e) {
        return new LedgerEntryView(e.id, e.productId, e.kind.name(), e.availableDelta, e.reservedDelta, e.sessionId,
                e.reason, e.availableAfter, e.reservedAfter, e.createdAt);
    }
}
