package vn.chotdon.simulation.comments;

/** What a generated live comment is, and so what order-service's intake should make of it. */
public enum CommentKind {
    /** Clear, with the phone of a buyer who ordered before in the cooperative: becomes an order. */
    ORDER,
    /** The same buyer and code as an earlier ORDER comment: waits for staff (REPEAT). */
    REPEAT,
    /** Clear, with the phone of a buyer who never ordered: waits for staff (ADDRESS_MISSING). */
    NEW_BUYER,
    /** Clear but without a phone: waits for staff (PHONE_MISSING). */
    NO_PHONE,
    /** A mistyped code or phone: waits for staff (UNKNOWN_CODE, INVALID_PHONE). */
    TYPO,
    /** A product word that fits several items, or no item at all: waits for staff (AMBIGUOUS_PRODUCT, ITEM_MISSING). */
    AMBIGUOUS,
    /** Asks about stock, price or shipping: waits for staff (QUESTION). */
    QUESTION,
    /** Wants to cancel: waits for staff (CANCELLATION). */
    CANCELLATION,
    /** Greetings, praise, emoji: ignored. */
    CHATTER
}
