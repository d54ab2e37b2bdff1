package vn.chotdon.comments;

import java.util.List;
import java.util.Set;

/**
 * What a comment says besides its items: it asks a question, it cancels or changes an order, it speaks of
 * an earlier order, it uses an order word.
 * Read on folded words, so "hủy", "huỷ" and "huy" are one word, as are "còn không", "con ko", "còn k".
 */
record Signals(boolean question, boolean cancellation, boolean change, boolean earlier, boolean orderWord) {

    /** How far after "đổi"/"sửa" its object may come: "đổi bg01 thành 3". */
    private static final int CHANGE_REACH = 4;

    static Signals read(String prepared, List<Token> tokens) {
        boolean accented = tokens.stream().anyMatch(Token::hasDiacritics);
        List<String> words = tokens.stream().filter(Token::isLetters).map(t -> word(t, accented)).toList();
        boolean question = prepared.indexOf('?') >= 0 || containsAny(words, Vocabulary.QUESTION_PHRASES)
                || endsWithQuestionWord(words);
        boolean cancellation = containsAny(words, Vocabulary.CANCEL_PHRASES);
        boolean earlier = containsAny(words, Vocabulary.EARLIER_PHRASES);
        return new Signals(question, cancellation, changes(words), earlier, hasOrderWord(words));
    }

    private static boolean changes(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (Vocabulary.CHANGE_VERBS.contains(words.get(i))) {
                for (int j = i + 1; j < Math.min(words.size(), i + 1 + CHANGE_REACH); j++) {
                    if (Vocabulary.CHANGE_OBJECTS.contains(words.get(j))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The folded word, or none ("") when its diacritics make it another word: "đắt" is not "đặt". In a
     * comment typed with diacritics, a bare word is what it says: "Gia Lâm" is not "giá".
     */
    private static String word(Token token, boolean accented) {
        Set<String> forms = Vocabulary.SIGNAL_FORMS.get(token.text());
        boolean twin = forms != null && (token.hasDiacritics() || accented) && !forms.contains(token.typed());
        return twin ? "" : token.text();
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
