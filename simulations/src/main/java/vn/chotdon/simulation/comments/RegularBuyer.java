package vn.chotdon.simulation.comments;

/**
 * A buyer who has already ordered in the cooperative (so order-service knows an address for the
 * phone), and the code that order was for (a comment for the same code would be a repeat).
 *
 * @param phone ten local digits, 0…
 */
public record RegularBuyer(String phone, String orderedCode) {
}
