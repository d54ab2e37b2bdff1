package vn.chotdon.order.transfer;

/**
 * A bank that receives NAPAS 24/7 transfers.
 *
 * @param bin       its NAPAS BIN, 6 digits: the acquirer id of a VietQR code
 * @param code      the short code banks and bank-notification services use (VCB, ICB, MB...)
 * @param shortName the name people know it by (Vietcombank)
 * @param name      its full Vietnamese name
 */
public record Bank(String bin, String code, String shortName, String name) {
}
