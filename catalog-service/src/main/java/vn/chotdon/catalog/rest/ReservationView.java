package vn.chotdon.catalog.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.chotdon.catalog.service.SessionReservations.ReservationState;

@Schema(name = "Reservation", description = "Units of a product set aside for one sale session")
public record ReservationView(
        @Schema(required = true, example = "42") long productId,
        @Schema(required = true, example = "5") long sessionId,
        @Schema(required = true, minimum = "0", description = "Units set aside for the session in total, sold ones included",
                example = "600") long quantity,
        @Schema(required = true, minimum = "0", description = "Units of it sold by confirmed orders", example = "523") long sold,
        @Schema(required = true, minimum = "0", description = "Units of it held by orders not yet confirmed", example = "40")
        long held,
        @Schema(required = true, description = "The product's stock after this reservation (in a list: the stock now)")
        StockView productStock,
        @Schema(required = true, example = "2026-11-28T07:30:00Z") Instant updatedAt) {

    static ReservationView of(ReservationState r) {
        return new ReservationView(r.productId(), r.sessionId(), r.quantity(), r.sold(), r.held(), StockView.of(r.stock()),
                r.updatedAt());
    }
}
