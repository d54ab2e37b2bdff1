package vn.chotdon.comments;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings a comment to one comparable form, in two steps.
 *
 * <p>{@link #prepare} keeps the Vietnamese letters but makes them comparable: one Unicode form (NFC, so
 * that NFD text from some phones equals the rest), lower case, one kind of space, fullwidth digits as
 * digits, letters typed over and over collapsed ("chốttttt" → "chốt").
 *
 * <p>{@link #fold} then drops the diacritics ("chốt bánh gìo" → "chot banh gio"). Buyers type with Telex,
 * VNI or no Vietnamese keyboard at all, so most matching is done on folded words; where folding makes two
 * words one ("giờ", "giò" and "gio"), the matchers still have the prepared word to tell them apart.
 */
final class CommentNormaliser {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** NBSP, narrow NBSP, ideographic space, zero-width characters, tabs and line breaks. */
    private static final Pattern ODD_SPACE = Pattern.compile("[\\p{Z}\\s\\u200B-\\u200D\\u2060\\uFEFF]+");
    /** Three or more of one letter: "nhaaaa", "chotttt". Vietnamese words never repeat a letter three times. */
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");

    String prepare(String comment) {
        if (comment == null) {
            return "";
        }
        // NFKC: fullwidth digits and letters ("０９１２"), superscripts, keycap digits become plain; it composes.
        String text = Normalizer.normalize(comment, Normalizer.Form.NFKC);
        text = text.replace('×', 'x').replace('✖', 'x').toLowerCase(Locale.ROOT);
        text = ODD_SPACE.matcher(text).replaceAll(" ");
        text = STRETCHED.matcher(text).replaceAll("$1");
        return Normalizer.normalize(text, Normalizer.Form.NFC).strip();
    }

    String fold(String prepared) {
        String text = Normalizer.normalize(prepared, Normalizer.Form.NFD);
        text = MARKS.matcher(text).replaceAll("");
        text = text.replace('đ', 'd').replace('Đ', 'D');
        return STRETCHED.matcher(text).replaceAll("$1");
    }

    String normalise(String comment) {
        return fold(prepare(comment));
    }
}
