package vn.chotdon.comments;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a prepared comment into runs of letters and runs of digits. "bg01x2" gives bg, 01, x, 2 (each
 * attached to the one before), so "BG01 x2", "bg01x2" and "bg 01 x 2" reach the matchers in one shape.
 */
final class Tokenizer {

    private final CommentNormaliser normaliser;

    Tokenizer(CommentNormaliser normaliser) {
        this.normaliser = normaliser;
    }

    /** @param prepared a comment as {@link CommentNormaliser#prepare} leaves it */
    List<Token> tokenize(String prepared) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder gap = new StringBuilder();
        int i = 0;
        while (i < prepared.length()) {
            int cp = prepared.codePointAt(i);
            Token.Kind kind = kindOf(cp, false);
            if (kind == null) {
                gap.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < prepared.length() && kindOf(prepared.codePointAt(i), kind == Token.Kind.LETTERS) == kind) {
                i += Character.charCount(prepared.codePointAt(i));
            }
            String typed = prepared.substring(start, i);
            String text = kind == Token.Kind.LETTERS ? normaliser.fold(typed) : typed;
            tokens.add(new Token(tokens.size(), text, typed, kind, gap.toString()));
            gap.setLength(0);
        }
        return tokens;
    }

    /** Combining marks left uncomposed belong to the letter before them. */
    private static Token.Kind kindOf(int cp, boolean inWord) {
        if (cp >= '0' && cp <= '9') {
            return Token.Kind.DIGITS;
        }
        if (Character.isLetter(cp) || inWord && Character.getType(cp) == Character.NON_SPACING_MARK) {
            return Token.Kind.LETTERS;
        }
        return null;
    }
}
