package vn.chotdon.livestream;

import java.util.Locale;
import java.util.regex.Pattern;

/** The short code buyers type to order an item (BG01): 1 to 16 letters, digits, '-' or '_', matched in any case. */
public final class LineupCode {

    public static final String PATTERN = "^[A-Za-z0-9_-]{1,16}$";
    /** A code as {@link #normalise} leaves it, as the API answers it. */
    public static final String STORED_PATTERN = "^[A-Z0-9_-]{1,16}$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private LineupCode() {
    }

    /** @return the code as stored and published: trimmed and upper case */
    public static String normalise(String code) {
        if (code == null || !VALID.matcher(code.strip()).matches()) {
            throw new IllegalArgumentException("not a lineup code: '" + code + "'");
        }
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
