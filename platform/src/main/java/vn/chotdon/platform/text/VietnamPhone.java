package vn.chotdon.platform.text;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese phone numbers in the forms buyers type them ("0912 345 678", "+84 912.345.678",
 * "84912345678"), normalised to E.164 (+84912345678) so that one person is one key.
 */
public final class VietnamPhone {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    /**
     * After the country code: 9 digits, starting with the mobile prefixes 3, 5, 7, 8, 9 or the
     * fixed-line area prefix 2 (fixed lines have 10 digits after +84: 2 and a 9-digit number).
     */
    private static final Pattern NATIONAL_MOBILE = Pattern.compile("[35789]\\d{8}");
    private static final Pattern NATIONAL_FIXED = Pattern.compile("2\\d{9}");

    private VietnamPhone() {
    }

    /** @return the number as +84…, or empty if it is not a Vietnamese mobile or fixed-line number */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(raw.strip()).replaceAll("");
        String national;
        if (digits.startsWith("+84")) {
            national = digits.substring(3);
        } else if (digits.startsWith("0084")) {
            national = digits.substring(4);
        } else if (digits.startsWith("84") && digits.length() >= 11) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            return Optional.empty();
        }
        if (NATIONAL_MOBILE.matcher(national).matches() || NATIONAL_FIXED.matcher(national).matches()) {
            return Optional.of("+84" + national);
        }
        return Optional.empty();
    }

    /**
     * The number as people read it, with its middle hidden ("0912***678"), for those who may see
     * that an order has a phone but not call it.
     *
     * @param normalised a number as {@link #normalise} returns it (+84…)
     */
    public static String masked(String normalised) {
        if (normalised == null || !normalised.startsWith("+84") || normalised.length() < 10) {
            return "***";
        }
        String national = "0" + normalised.substring(3);
        return national.substring(0, 4) + "***" + national.substring(national.length() - 3);
    }
}
