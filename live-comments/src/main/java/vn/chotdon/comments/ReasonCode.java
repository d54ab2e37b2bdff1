package vn.chotdon.comments;

/** Why a comment needs a person: stable names for machines, see {@link Reason} for the text staff read. */
public enum ReasonCode {
    /** A code shaped like the lineup's ("BG07") that the session does not sell. */
    UNKNOWN_CODE,
    /** A product name that fits several items of the lineup ("bánh" with bánh gio and bánh chưng on sale). */
    AMBIGUOUS_PRODUCT,
    /** The comment orders (an order word, a quantity or a phone) but names no item. */
    ITEM_MISSING,
    /** A product is named but nothing says the buyer orders it (no order word, quantity or phone). */
    NAME_WITHOUT_ORDER,
    /** Numbers that cannot be read as one whole quantity per item ("1,5 kg", "1 chục", "2 3"). */
    QUANTITY_UNCLEAR,
    /** A quantity of 0 or above the maximum a comment may order. */
    QUANTITY_OUT_OF_RANGE,
    /** The same item named twice with its own quantities. */
    REPEATED_ITEM,
    /** Two different phone numbers. */
    SEVERAL_PHONES,
    /** A number long enough to be a phone that is not a valid Vietnamese mobile number. */
    INVALID_PHONE,
    /** A question (stock, price, shipping) rather than an order. */
    QUESTION,
    /** The buyer changes an order placed before ("đổi BG01 thành 3"): a new intent would double it. */
    CHANGE,
    /** The comment speaks of an order placed before ("hôm qua em chốt BC02 x3"). */
    EARLIER_ORDER,
    /** The buyer cancels or takes back an order. */
    CANCELLATION
}
