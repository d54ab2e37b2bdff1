package vn.chotdon.comments;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a comment to one comparable form: lower case, no diacritics ("Chốt bánh gìo" → "chot banh gio"),
 * one kind of space, letters typed over and over collapsed ("chốttttt" → "chot").
 *
 * <p>Buyers type with Telex, VNI or no Vietnamese keyboard at all, on phones that send NFC or NFD, so
 * diacritics are unreliable; matching on folded text makes "banh gio", "bánh gio" and "bánh giò" equal.
 * The price of folding ("giò" and "gio" become one word) is paid in {@link NameMatcher}, which asks for
 * more than one word before it trusts a match.
 */
final class CommentNormaliser {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** NBSP, narrow NBSP, ideographic space, zero-width characters, tabs and line breaks. */
    private static final Pattern ODD_SPACE = Pattern.compile("[\\p{Z}\\s\\u200B-\\u200D\\u2060\\uFEFF]+");
    /** Three or more of one letter: "nhaaaa", "chotttt". Vietnamese words never repeat a letter three times. */
    private static final Pattern STRETCHED = Pattern.compile("(\\p{L})\\1{2,}");

    String normalise(String comment) {
        if (comment == null) {
            return "";
        }
        // NFKC first: fullwidth digits and letters ("０９１２"), superscripts and keycap digits become plain.
        String text = Normalizer.normalize(comment, Normalizer.Form.NFKC);
        text = Normalizer.normalize(text, Normalizer.Form.NFD);
        text = MARKS.matcher(text).replaceAll("");
        text = text.replace('đ', 'd').replace('Đ', 'D').replace('×', 'x').replace('✖', 'x');
        text = text.toLowerCase(Locale.ROOT);
        text = ODD_SPACE.matcher(text).replaceAll(" ");
        text = STRETCHED.matcher(text).replaceAll("$1");
        return text.strip();
    }
}
