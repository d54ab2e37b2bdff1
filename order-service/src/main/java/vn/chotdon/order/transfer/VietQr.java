package vn.chotdon.order.transfer;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A NAPAS VietQR code for a transfer to a bank account (service QRIBFTTA, "QR inter-bank funds
 * transfer to account"), as the NAPAS QR switching specification (version 1.5.2) lays it over the
 * EMVCo merchant-presented QR code:
 *
 * <pre>
 * 00 payload format indicator  "01"
 * 01 point of initiation       "12" dynamic (with an amount), "11" static (without)
 * 38 merchant account info     00 GUID "A000000727" (NAPAS)
 *                              01 beneficiary organisation: 00 acquirer BIN (6 digits), 01 account number
 *                              02 service code "QRIBFTTA"
 * 53 currency                  "704" (VND)
 * 54 amount                    whole đồng, up to 13 digits; absent in a static code
 * 58 country                   "VN"
 * 62 additional data           01 bill number, 08 purpose of transaction (each up to 25 ASCII characters)
 * 63 CRC                       CRC-16/CCITT-FALSE over everything before it, "6304" included
 * </pre>
 *
 * {@link #payload()} writes the fields in that order; {@link #parse(String)} reads them in any
 * order, checks the CRC and refuses anything a banking app would refuse.
 *
 * @param bankBin       the NAPAS BIN of the receiving bank, 6 digits
 * @param accountNumber the receiving account, 1 to 19 letters or digits
 * @param amountVnd     whole đồng to transfer; 0 for a static code that lets the payer type it
 * @param billNumber    a reference of the payee's (tag 62-01), or null
 * @param purpose       the transfer's purpose, which becomes the memo (tag 62-08), or null
 */
public record VietQr(String bankBin, String accountNumber, long amountVnd, String billNumber, String purpose) {

    /** NAPAS's globally unique identifier in the merchant account information. */
    public static final String NAPAS_GUID = "A000000727";
    /** Transfer to an account number (QRIBFTTC would be to a card number). */
    public static final String TO_ACCOUNT = "QRIBFTTA";
    public static final int MAX_ACCOUNT_NUMBER = 19;
    public static final int MAX_ADDITIONAL_TEXT = 25;
    public static final int MAX_AMOUNT_DIGITS = 13;

    private static final String VND = "704";
    private static final String VIETNAM = "VN";
    private static final String CRC_TAG = "6304";
    private static final Pattern BIN = Pattern.compile("[0-9]{6}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z]{1," + MAX_ACCOUNT_NUMBER + "}");
    private static final Pattern TEXT = Pattern.compile("[\\x20-\\x7E]{1," + MAX_ADDITIONAL_TEXT + "}");
    private static final Pattern HEX4 = Pattern.compile("[0-9A-Fa-f]{4}");

    public VietQr {
        if (bankBin == null || !BIN.matcher(bankBin).matches()) {
            throw new InvalidVietQr("the bank BIN must be 6 digits, not " + bankBin);
        }
        if (accountNumber == null || !ACCOUNT.matcher(accountNumber).matches()) {
            throw new InvalidVietQr("the account number must be 1 to " + MAX_ACCOUNT_NUMBER
                    + " letters or digits, not " + accountNumber);
        }
        if (amountVnd < 0 || Long.toString(amountVnd).length() > MAX_AMOUNT_DIGITS) {
            throw new InvalidVietQr("the amount must be whole đồng from 0 to " + MAX_AMOUNT_DIGITS + " digits, not "
                    + amountVnd);
        }
        requireText("bill number", billNumber);
        requireText("purpose", purpose);
    }

    /**
     * A dynamic code for this amount and purpose; the purpose is made ASCII first (banks carry
     * nothing else: "Thanh toán đơn hàng" becomes "Thanh toan don hang").
     */
    public static VietQr transfer(String bankBin, String accountNumber, long amountVnd, String purpose) {
        if (amountVnd <= 0) {
            throw new InvalidVietQr("a transfer's amount must be at least 1 đồng, not " + amountVnd);
        }
        String ascii = BankText.ascii(purpose);
        return new VietQr(bankBin, accountNumber, amountVnd, null, ascii == null || ascii.isEmpty() ? null : ascii);
    }

    /** True when the code carries its amount (point of initiation "12"); the payer types it otherwise. */
    public boolean dynamic() {
        return amountVnd > 0;
    }

    /** The string a QR code encodes, CRC included. */
    public String payload() {
        String beneficiary = EmvFields.field("00", bankBin) + EmvFields.field("01", accountNumber);
        String merchant = EmvFields.field("00", NAPAS_GUID) + EmvFields.field("01", beneficiary)
                + EmvFields.field("02", TO_ACCOUNT);
        String additional = (billNumber == null ? "" : EmvFields.field("01", billNumber))
                + (purpose == null ? "" : EmvFields.field("08", purpose));
        String body = EmvFields.field("00", "01")
                + EmvFields.field("01", dynamic() ? "12" : "11")
                + EmvFields.field("38", merchant)
                + EmvFields.field("53", VND)
                + (dynamic() ? EmvFields.field("54", Long.toString(amountVnd)) : "")
                + EmvFields.field("58", VIETNAM)
                + (additional.isEmpty() ? "" : EmvFields.field("62", additional))
                + CRC_TAG;
        return body + EmvFields.crc(body);
    }

    /**
     * Reads a VietQR payload back: the CRC must match, the CRC must come last, and the code must be
     * a NAPAS transfer to an account in đồng.
     *
     * @throws InvalidVietQr naming what is wrong
     */
    public static VietQr parse(String payload) {
        if (payload == null || payload.length() < 8 || !payload.regionMatches(payload.length() - 8, CRC_TAG, 0, 4)
                || !HEX4.matcher(payload.substring(payload.length() - 4)).matches()) {
            throw new InvalidVietQr("a VietQR payload ends with its CRC, 6304 and 4 hex digits");
        }
        String signed = payload.substring(0, payload.length() - 4);
        String crc = EmvFields.crc(signed);
        if (!crc.equalsIgnoreCase(payload.substring(payload.length() - 4))) {
            throw new InvalidVietQr("the CRC is " + payload.substring(payload.length() - 4) + " but the payload's is "
                    + crc);
        }
        Map<String, String> root = EmvFields.read(payload);
        String last = root.keySet().stream().reduce((a, b) -> b).orElseThrow();
        if (!"63".equals(last)) {
            throw new InvalidVietQr("the CRC (63) must be the last field");
        }
        expect(root, "00", "01", "payload format indicator");
        String initiation = root.get("01");
        if (initiation != null && !initiation.equals("11") && !initiation.equals("12")) {
            throw new InvalidVietQr("point of initiation must be 11 or 12, not " + initiation);
        }
        if (root.containsKey("53")) {
            expect(root, "53", VND, "currency");
        }
        if (root.containsKey("58")) {
            expect(root, "58", VIETNAM, "country");
        }
        String merchantInfo = root.get("38");
        if (merchantInfo == null) {
            throw new InvalidVietQr("no NAPAS merchant account information (38)");
        }
        Map<String, String> merchant = EmvFields.read(merchantInfo);
        expect(merchant, "00", NAPAS_GUID, "38's GUID");
        expect(merchant, "02", TO_ACCOUNT, "38's service code");
        Map<String, String> beneficiary = EmvFields.read(required(merchant, "01", "38's beneficiary organisation"));
        String amount = root.get("54");
        long amountVnd = 0;
        if (amount != null) {
            if (!amount.matches("[0-9]{1," + MAX_AMOUNT_DIGITS + "}")) {
                throw new InvalidVietQr("the amount must be whole đồng, not " + amount);
            }
            amountVnd = Long.parseLong(amount);
        }
        Map<String, String> additional = root.containsKey("62") ? EmvFields.read(root.get("62")) : Map.of();
        return new VietQr(required(beneficiary, "00", "the bank BIN"), required(beneficiary, "01", "the account number"),
                amountVnd, additional.get("01"), additional.get("08"));
    }

    private static void requireText(String what, String value) {
        if (value != null && !TEXT.matcher(value).matches()) {
            throw new InvalidVietQr("the " + what + " must be 1 to " + MAX_ADDITIONAL_TEXT
                    + " printable ASCII characters, not \"" + value + "\"");
        }
    }

    private static String required(Map<String, String> fields, String id, String what) {
        String value = fields.get(id);
        if (value == null) {
            throw new InvalidVietQr(what + " (" + id + ") is missing");
        }
        return value;
    }

    private static void expect(Map<String, String> fields, String id, String expected, String what) {
        String value = required(fields, id, what);
        if (!value.equals(expected)) {
            throw new InvalidVietQr(what + " (" + id + ") must be " + expected + ", not " + value);
        }
    }
}
