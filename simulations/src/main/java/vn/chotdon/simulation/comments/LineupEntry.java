package vn.chotdon.simulation.comments;

/** An item of the session's lineup as buyers see it on the stream: its code, its product, its unit ("cái", "kg"). */
public record LineupEntry(String code, String productName, String unit) {
}
