package vn.chotdon.order.transfer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as Vietnamese banks carry it: interbank transfers and VietQR codes hold printable ASCII
 * only, so diacritics are stripped ("Thanh toán đơn hàng" is "Thanh toan don hang"), đ/Đ (which
 * Unicode does not decompose) become d/D, anything else outside ASCII is dropped and white space
 * is single.
 */
public final class BankText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_PRINTABLE_ASCII = Pattern.compile("[^\\x20-\\x7E]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private BankText() {
    }

    /** Printable ASCII, case kept; null stays null. */
    public static String ascii(String text) {
        if (text == null) {
            return null;
        }
        String bare = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        String spaced = SPACES.matcher(bare).replaceAll(" ");
        return SPACES.matcher(NOT_PRINTABLE_ASCII.matcher(spaced).replaceAll("")).replaceAll(" ").strip();
    }

    /** An account holder's name as banks show it: "Hợp tác xã Đan Phượng" is "HOP TAC XA DAN PHUONG". */
    public static String accountName(String text) {
        return text == null ? null : ascii(text).toUpperCase(Locale.ROOT);
    }
}
