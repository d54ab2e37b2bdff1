package vn.chotdon.catalog;

/** Why the stock of a product changed; one per stock ledger entry. */
public enum StockMovementKind {
    /** Goods came in: available grows. */
    RECEIPT,
    /** A counted correction (spoilage, recount), always with a reason: available grows or shrinks. */
    ADJUSTMENT,
    /** Units set aside for a sale session: available shrinks, reserved grows. */
    RESERVATION,
    /** Reserved units a session gives back: reserved shrinks, available grows. */
    RELEASE,
    /** Units sold: outside a session (available shrinks) or by a confirmed order of a session (reserved shrinks). */
    SALE,
    /** Units of a cancelled sale back into the session's reservation: reserved grows. */
    RETURN
}
