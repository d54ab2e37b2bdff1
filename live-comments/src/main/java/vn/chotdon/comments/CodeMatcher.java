package vn.chotdon.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds lineup codes however they are typed: "BG01", "bg01", "BG 01", "bg-01", "#bg01", "bg1", "BG01x2".
 * A code is its letters and its number; the number is compared as a number so that "bg1" and "BG001"
 * are BG01. Letters glued to a short number that the lineup does not have ("BG07", "XY12") are reported
 * as unknown codes, so that a typo never silently becomes no order or another item's order.
 */
final class CodeMatcher {

    /** Letters then digits, as lineup codes are made ("BG01", "VT 02"); another shape is found by name only. */
    private static final Pattern CODE_SHAPE = Pattern.compile("([a-z]+)\\s*[-_.]?\\s*(\\d{0,6})");
    private static final int MAX_CODE_DIGITS = 3;
    private static final int MAX_GAP = 3;

    /** Code letters → number → item; the number is -1 for codes made of letters only. */
    private final Map<String, Map<Integer, LineupItem>> codes = new TreeMap<>();

    CodeMatcher(Lineup lineup, CommentNormaliser normaliser) {
        for (LineupItem item : lineup.items()) {
            String folded = normaliser.normalise(item.code());
            Matcher m = CODE_SHAPE.matcher(folded);
            if (m.matches()) {
                int number = m.group(2).isEmpty() ? -1 : Integer.parseInt(m.group(2));
                LineupItem before = codes.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(number, item);
                if (before != null) {
                    // A lineup whose codes read alike ("BG1", "bg01") would turn one comment into either item.
                    throw new IllegalArgumentException(
                            "codes " + before.code() + " and " + item.code() + " read the same in a comment");
                }
            }
        }
    }

    /** Mentions of lineup codes among the tokens not yet used by something else. */
    List<Mention> known(List<Token> tokens, Set<Integer> used) {
        List<Mention> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token letters = tokens.get(i);
            if (used.contains(i) || !letters.isLetters() || !codes.containsKey(letters.text())) {
                continue;
            }
            Map<Integer, LineupItem> numbers = codes.get(letters.text());
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (next != null && !used.contains(i + 1) && next.isDigits() && next.text().length() <= MAX_CODE_DIGITS
                    && joins(letters, next)) {
                LineupItem item = numbers.get(next.value());
                if (item != null) {
                    found.add(new Mention(Mention.Kind.CODE, i, i + 1, List.of(item), item.code()));
                    i++;
                }
            } else if (numbers.containsKey(-1)) {
                LineupItem item = numbers.get(-1);
                found.add(new Mention(Mention.Kind.CODE, i, i, List.of(item), item.code()));
            }
        }
        return found;
    }

    /**
     * Code-shaped tokens that are not on the lineup: the lineup's own code letters with another number
     * ("bg 07"), or short letters glued to a short number that are not ordinary words ("xy12", "#ab3").
     */
    List<Mention> unknown(List<Token> tokens, Set<Integer> used) {
        List<Mention> found = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token letters = tokens.get(i);
            Token number = tokens.get(i + 1);
            if (used.contains(i) || used.contains(i + 1) || !letters.isLetters() || !number.isDigits()
                    || number.text().length() > MAX_CODE_DIGITS) {
                continue;
            }
            boolean lineupLetters = codes.containsKey(letters.text()) && joins(letters, number);
            boolean codeShaped = number.attached() && letters.text().length() <= 4
                    && !Vocabulary.known(letters.text())
                    && (letters.text().length() >= 2 || letters.gapBefore().contains("#"));
            boolean hashed = letters.gapBefore().endsWith("#") && number.attached();
            if (lineupLetters || codeShaped || hashed) {
                String written = letters.text().toUpperCase(Locale.ROOT) + number.text();
                found.add(new Mention(Mention.Kind.UNKNOWN_CODE, i, i + 1, List.of(), written));
                i++;
            }
        }
        return found;
    }

    /**
     * Code letters and number may be apart ("BG 01", "bg-01"), unless the letters are also a word:
     * "cho tớ 5 hũ" is not TO05, "TO05" and "to-05" are.
     */
    private static boolean joins(Token letters, Token number) {
        String gap = number.gapBefore();
        if (gap.length() > MAX_GAP || !separatorOnly(gap)) {
            return false;
        }
        return !Vocabulary.known(letters.text()) || !gap.contains(" ");
    }

    private static boolean separatorOnly(String gap) {
        return gap.chars().allMatch(c -> c == ' ' || c == '-' || c == '_' || c == '.' || c == '#');
    }
}
