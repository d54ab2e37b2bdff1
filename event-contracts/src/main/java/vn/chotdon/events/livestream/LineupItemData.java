package vn.chotdon.events.livestream;

/**
 * The full state of one lineup item after a change. Prices are whole VND.
 *
 * @param code          short code buyers type, unique in the session, upper case (BG01)
 * @param quota         units offered in this session (reserved in catalog-service)
 * @param perBuyerLimit most units one buyer (phone number) may order, or null for no limit
 * @param pinned        whether the host has pinned this item on screen now
 * @param removed       true on the item-removed event
 */
public record LineupItemData(
        long sessionId,
        long itemId,
        String code,
        long productId,
        String productName,
        String unit,
        long livePriceVnd,
        long quota,
        Integer perBuyerLimit,
        int displayOrder,
        boolean pinned,
        boolean removed,
        long version) {
}
