package vn.chotdon.comments;

/**
 * What staff need to do with a comment.
 * <ul>
 *   <li>{@code CLEAR}: every item and quantity is certain; it can become an order (once it has a phone).</li>
 *   <li>{@code NEEDS_REVIEW}: the comment is about ordering, asks, or cancels, but something is unknown,
 *       ambiguous or asks a person to act; the reasons say what.</li>
 *   <li>{@code IGNORED}: chatter with no sign of an order at all (no code, no product asked for, no phone,
 *       no order word, no question, no cancellation): greetings, praise, emoji.</li>
 * </ul>
 */
public enum IntentStatus {
    CLEAR,
    NEEDS_REVIEW,
    IGNORED
}
