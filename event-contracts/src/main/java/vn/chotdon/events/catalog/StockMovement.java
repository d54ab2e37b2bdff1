package vn.chotdon.events.catalog;

/**
 * One entry of a product's stock ledger and the stock it left behind.
 *
 * @param availableDelta       change of units available to reserve or sell
 * @param reservedDelta        change of units reserved for sale sessions
 * @param sessionId            the sale session, for reservations and releases
 * @param sessionReservedAfter units reserved for that session after this entry
 * @param reason               why, for adjustments; a note for receipts
 */
public record StockMovement(
        long productId,
        long ledgerEntryId,
        String kind,
        long availableDelta,
        long reservedDelta,
        Long sessionId,
        Long sessionReservedAfter,
        String reason,
        long availableAfter,
        long reservedAfter) {
}
