package vn.chotdon.comments;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a folded comment into runs of letters and runs of digits. "bg01x2" gives bg, 01, x, 2 (each
 * attached to the one before), so "BG01 x2", "bg01x2" and "bg 01 x 2" reach the matchers in one shape.
 */
final class Tokenizer {

    List<Token> tokenize(String folded) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder gap = new StringBuilder();
        int i = 0;
        while (i < folded.length()) {
            int cp = folded.codePointAt(i);
            Token.Kind kind = kindOf(cp);
            if (kind == null) {
                gap.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < folded.length() && kindOf(folded.codePointAt(i)) == kind) {
                i += Character.charCount(folded.codePointAt(i));
            }
            tokens.add(new Token(tokens.size(), folded.substring(start, i), kind, gap.toString()));
            gap.setLength(0);
        }
        return tokens;
    }

    private static Token.Kind kindOf(int cp) {
        if (cp >= '0' && cp <= '9') {
            return Token.Kind.DIGITS;
        }
        return Character.isLetter(cp) ? Token.Kind.LETTERS : null;
    }
}
