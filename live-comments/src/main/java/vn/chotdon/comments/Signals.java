package vn.chotdon.comments;

import java.util.List;

/**
 * What a comment says besides its items: it asks a question, it cancels, it uses an order word.
 * Read on folded words, so "hủy", "huỷ" and "huy" are one word, as are "còn không", "con ko", "còn k".
 */
record Signals(boolean question, boolean cancellation, boolean orderWord) {

    static Signals read(String folded, List<Token> tokens) {
        List<String> words = tokens.stream().filter(Token::isLetters).map(Token::text).toList();
        boolean question = folded.indexOf('?') >= 0 || containsAny(words, Vocabulary.QUESTION_PHRASES)
                || endsWithQuestionWord(words);
        boolean cancellation = containsAny(words, Vocabulary.CANCEL_PHRASES);
        return new Signals(question, cancellation, hasOrderWord(words));
    }

    private static boolean hasOrderWord(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (Vocabulary.ORDER_WORDS.contains(word)) {
                return true;
            }
            if (word.equals("cho") && i + 1 < words.size() && Vocabulary.PRONOUNS.contains(words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** "bg01 còn k", "ship Huế chưa shop ơi": a closing không/chưa asks, whatever comes before. */
    private static boolean endsWithQuestionWord(List<String> words) {
        int last = words.size() - 1;
        while (last >= 0 && Vocabulary.TRAILING.contains(words.get(last))) {
            last--;
        }
        return last >= 1 && Vocabulary.QUESTION_ENDINGS.contains(words.get(last));
    }

    static boolean containsAny(List<String> words, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            for (int i = 0; i + phrase.size() <= words.size(); i++) {
                if (words.subList(i, i + phrase.size()).equals(phrase)) {
                    return true;
                }
            }
        }
        return false;
    }
}
