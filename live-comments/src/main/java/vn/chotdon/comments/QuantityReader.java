package vn.chotdon.comments;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads quantities from the free tokens of one stretch of a comment: "x2", "X 2", "2c", "2 cái",
 * "2 hộp", "2kg", "sl 2", "số lượng: 2", "hai", "ba hộp", "mười hai".
 *
 * <p>Number words are also everyday words once folded ("ba" is a father, "nam" a name or a year, "bay"
 * is "now"), so a number word is a quantity only right after the item ("bg01 hai"), after a marker
 * ("x hai") or before a unit ("ba hộp"). A number before money words ("200 nghìn"), a time ("9 giờ") or
 * after a place word ("ngõ 5", "ngày 15") is no count. A decimal ("1,5kg"), half ("nửa cân"), "1 chục"
 * or "5k" (five thousand đồng, or five kilos) is unclear: the reader says so instead of guessing.
 */
final class QuantityReader {

    /**
     * @param stretch the free tokens, in order
     * @param rightAfterItem the first token directly follows an item, where a bare number is a count
     * @param rightBeforeItem the last token directly precedes an item, where a bare number is a count too
     *        ("2 bánh gio", "ba bánh chưng")
     */
    List<Quantity> read(List<Token> stretch, boolean rightAfterItem, boolean rightBeforeItem) {
        List<Quantity> found = new ArrayList<>();
        int i = 0;
        while (i < stretch.size()) {
            Token token = stretch.get(i);
            int marker = markerLength(stretch, i);
            if (marker > 0 && i + marker < stretch.size()) {
                int next = i + marker;
                if (stretch.get(next).isDigits()) {
                    i = number(stretch, next, found, true);
                    continue;
                }
                Integer word = numberWord(stretch, next);
                if (word != null) {
                    int end = skipNumberWord(stretch, next);
                    boolean tens = end < stretch.size() && stretch.get(end).isWord(Vocabulary.TENS);
                    found.add(new Quantity(word, tens, true));
                    i = skipUnit(stretch, tens ? end + 1 : end);
                    continue;
                }
            }
            if (token.isWord(Vocabulary.HALF) && i + 1 < stretch.size() && isUnit(stretch.get(i + 1))) {
                found.add(new Quantity(0, true, true));
                i += 2;
                continue;
            }
            if (token.isDigits()) {
                // A bare number right after or before an item is its count ("bánh chưng 2", "2 bánh chưng"),
                // as good as "x2".
                boolean besideItem = i == 0 && rightAfterItem || i == stretch.size() - 1 && rightBeforeItem;
                i = number(stretch, i, found, besideItem);
                continue;
            }
            Integer word = numberWord(stretch, i);
            if (word != null) {
                int after = skipNumberWord(stretch, i);
                boolean tens = after < stretch.size() && stretch.get(after).isWord(Vocabulary.TENS);
                boolean unitFollows = tens || after < stretch.size() && isUnit(stretch.get(after));
                // Right after an item a number word is its count ("bg01 hai") but not, alone, a sign of
                // ordering: "vải năm nay ngọt" is talk. Right before one it is both ("ba bánh chưng").
                boolean beforeItem = after == stretch.size() && rightBeforeItem;
                if (unitFollows || beforeItem || i == 0 && rightAfterItem) {
                    found.add(new Quantity(word, tens, unitFollows || beforeItem));
                    i = skipUnit(stretch, tens ? after + 1 : after);
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    /** How many tokens a marker takes at i: "x", "sl", "slg" = 1, "số lượng" = 2, none = 0. */
    private static int markerLength(List<Token> stretch, int i) {
        Token token = stretch.get(i);
        if (token.isLetters() && Vocabulary.QUANTITY_MARKERS.contains(token.text())) {
            return 1;
        }
        if (token.isWord("so") && i + 1 < stretch.size() && stretch.get(i + 1).isWord("luong")) {
            return 2;
        }
        return 0;
    }

    /** A number at i and what follows it: a unit, a decimal part, money, "chục". Returns the next index. */
    private static int number(List<Token> stretch, int i, List<Quantity> found, boolean markedBefore) {
        Token digits = stretch.get(i);
        Token next = i + 1 < stretch.size() ? stretch.get(i + 1) : null;
        Token previous = i > 0 ? stretch.get(i - 1) : null;
        if (previous != null && previous.isLetters() && Vocabulary.NUMBER_PLACES.contains(previous.text())
                && previous.index() == digits.index() - 1) {
            return i + 1;
        }
        if (next != null && next.isLetters() && Vocabulary.TIME_UNITS.contains(next.text())) {
            return i + 2;
        }
        if (next != null && next.isLetters() && Vocabulary.MONEY.contains(next.text())) {
            // "150 nghìn" is a price; "5k" is a price to some and five kilos to others: a person decides.
            if (next.text().equals("k") && next.attached()) {
                found.add(new Quantity(digits.value(), true, true));
                return i + 2;
            }
            if (next.text().length() > 1) {
                return i + 2;
            }
        }
        if (next != null && next.isDigits() && (next.gapBefore().equals(",") || next.gapBefore().equals("."))) {
            found.add(new Quantity(0, true, true));
            return skipUnit(stretch, i + 2);
        }
        if (next != null && next.isWord(Vocabulary.TENS)) {
            found.add(new Quantity(digits.value(), true, true));
            return i + 2;
        }
        boolean unit = next != null && isUnit(next);
        found.add(new Quantity(digits.value(), false, markedBefore || unit, unit ? next.text() : ""));
        return unit ? i + 2 : i + 1;
    }

    private static boolean isUnit(Token token) {
        return token.isLetters() && Vocabulary.UNITS.contains(token.text());
    }

    private static int skipUnit(List<Token> stretch, int i) {
        return i < stretch.size() && isUnit(stretch.get(i)) ? i + 1 : i;
    }

    /** "hai" = 2, "mười" = 10, "mười hai" = 12, "mười lăm" = 15; "hai mươi" (20) is left to review as two numbers. */
    private static Integer numberWord(List<Token> stretch, int i) {
        Token token = stretch.get(i);
        if (!token.isLetters() || !Vocabulary.NUMBER_WORDS.containsKey(token.text())) {
            return null;
        }
        int value = Vocabulary.NUMBER_WORDS.get(token.text());
        Integer units = unitsAfterTen(stretch, i);
        return units == null ? value : 10 + units;
    }

    private static int skipNumberWord(List<Token> stretch, int i) {
        return unitsAfterTen(stretch, i) == null ? i + 1 : i + 2;
    }

    /** The units of "mười hai", "mười lăm" ("lăm" is five only there), or null. */
    private static Integer unitsAfterTen(List<Token> stretch, int i) {
        if (!stretch.get(i).isWord("muoi") || i + 1 >= stretch.size() || !stretch.get(i + 1).isLetters()) {
            return null;
        }
        String next = stretch.get(i + 1).text();
        if (next.equals("lam")) {
            return 5;
        }
        Integer units = Vocabulary.NUMBER_WORDS.get(next);
        return units != null && units < 10 ? units : null;
    }
}
