package vn.chotdon.catalog.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.SessionReservation;
import vn.chotdon.catalog.service.StockLedger.ReservationState;

@Schema(name = "Reservation")
public record ReservationView(
        @Schema(example = "42") long productId,
        @Schema(example = "5") long sessionId,
        @Schema(description = "Units set aside for the session in total, sold ones included", example = "600") long quantity,
        @Schema(description = "Units of it sold by confirmed orders", example = "523") long sold,
        @Schema(description = "Units of it held by orders not yet confirmed", example = "40") long held,
        @Schema(description = "The product's stock after this reservation") StockView productStock,
        Instant updatedAt) {

    static ReservationView of(ReservationState r) {
        return new ReservationView(r.productId(), r.sessionId(), r.quantity(), r.sold(), r.held(), StockView.of(r.stock()),
                r.updatedAt());
    }

    static ReservationView of(SessionReservation r) {
        return new ReservationView(r.productId, r.sessionId, r.quantity, r.sold, r.held, null, r.updatedAt);
    }
}
