package vn.chotdon.comments;

/**
 * A quantity read from a comment.
 *
 * @param value the number of units (meaningless when {@code unclear})
 * @param unclear the buyer wrote a number that is not one whole count ("1,5 kg", "1 chục")
 * @param marked written with a marker or a unit ("x2", "sl 2", "2 hộp"), not a bare number
 * @param unit the unit word written after it ("kg", "hop"), or "" when none
 */
record Quantity(int value, boolean unclear, boolean marked, String unit) {

    Quantity(int value, boolean unclear, boolean marked) {
        this(value, unclear, marked, "");
    }

    /** "5kg" in "GS01 2 túi 5kg" when the item is sold by "túi 5kg": the pack's size, not a count. */
    boolean describes(String packSize) {
        return !unit.isEmpty() && packSize.equals(value + " " + unit);
    }
}
