package vn.chotdon.comments;

/**
 * A quantity read from a comment.
 *
 * @param value the number of units (meaningless when {@code unclear})
 * @param unclear the buyer wrote a number that is not one whole count ("1,5 kg", "1 chục")
 * @param marked written with a marker or a unit ("x2", "sl 2", "2 hộp"), not a bare number
 */
record Quantity(int value, boolean unclear, boolean marked) {
}
