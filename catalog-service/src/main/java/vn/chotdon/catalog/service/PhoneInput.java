package vn.chotdon.catalog.service;

/**
 * How a phone number may be typed into a cooperative's or member's details: the forms
 * {@code VietnamPhone.normalise} accepts, spelt out for the OpenAPI document so that a client can
 * check a number before sending it.
 */
final class PhoneInput {

    /** Far above any real number with its spaces, low enough to keep junk out of the request. */
    static final int MAX = 40;

    /**
     * +84, 0084, 84 or 0, then a mobile number (3, 5, 7, 8 or 9 and 8 digits) or a fixed line (2
     * and 9 digits); spaces, dots, dashes and brackets may stand anywhere between them.
     */
    static final String PATTERN = "^[\\s.()-]*(\\+[\\s.()-]*8[\\s.()-]*4|0[\\s.()-]*0[\\s.()-]*8[\\s.()-]*4|8[\\s.()-]*4|0)"
            + "[\\s.()-]*([35789]([\\s.()-]*[0-9]){8}|2([\\s.()-]*[0-9]){9})[\\s.()-]*$";

    static final String DESCRIPTION = "A Vietnamese mobile or fixed-line number in any usual form (0912 345 678,"
            + " +84 912.345.678, 84912345678); stored and answered as +84…";

    private PhoneInput() {
    }
}
