package vn.chotdon.comments;

/**
 * A run of letters or of digits in a comment, with what separated it from the token before
 * ({@code gapBefore}: "" when attached, as "01" is to "bg" in "bg01"). Keeping the gap lets the phone
 * finder join "0912.345.678" and the code matcher join "bg-01" without guessing from the raw text.
 *
 * @param text the word folded, without diacritics ("gio"), which most matching uses
 * @param typed the word as typed, in NFC lower case ("giờ"), for where folding makes two words one
 */
record Token(int index, String text, String typed, Kind kind, String gapBefore) {

    enum Kind {
        LETTERS,
        DIGITS
    }

    boolean isDigits() {
        return kind == Kind.DIGITS;
    }

    boolean isLetters() {
        return kind == Kind.LETTERS;
    }

    boolean isWord(String word) {
        return kind == Kind.LETTERS && text.equals(word);
    }

    /** Typed with diacritics (or "đ"): the typed form can then tell "giờ" from "giò". */
    boolean hasDiacritics() {
        return !typed.equals(text);
    }

    /** Nothing between this token and the one before ("x2", "bg01", "2c"). */
    boolean attached() {
        return index > 0 && gapBefore.isEmpty();
    }

    int value() {
        return text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
    }
}
