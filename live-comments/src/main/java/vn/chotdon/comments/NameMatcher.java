package vn.chotdon.comments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds products named instead of coded: "chốt bánh gio x3", "lấy 2 hộp giò lụa", "vải lục ngạn 5kg".
 *
 * <p>Words are compared folded, so "giò" and "gio" are one word; to stay safe a name match needs either
 * the product's first word ("bưởi", "giò") or two or more of its words in order ("bánh gio", "lục ngạn").
 * A single inner word ("huệ", "xanh") is too weak: it is often chatter ("cảm ơn chị Huệ") and, folded,
 * often another word ("gio" inside "bánh gio" is also "giò"). Words that fit several items ("bánh",
 * "vải thiều") give a mention with several candidates: the parser sends it to review, never picks one.
 * After a product in a run of name words, the next match must start with a product's first word, so
 * that "bánh gio Đan Phượng" stays bánh gio and does not add bánh chưng Đan Phượng.
 */
final class NameMatcher {

    private final List<LineupItem> items;
    private final List<List<String>> names = new ArrayList<>();
    /** The same words as written in the lineup, with their diacritics ("giò", "lụa"). */
    private final List<List<String>> typedNames = new ArrayList<>();
    private final Set<String> nameWords = new HashSet<>();
    private final Set<String> headWords = new HashSet<>();
    /**
     * For products that share their first word with another ("gạo" ST25 and "gạo" nếp), the word that tells
     * them apart ("nếp", "chưng", "rừng"), when no other product of the lineup has it: buyers drop the
     * shared word ("chốt 10kg nếp"). Word → index of its product.
     */
    private final Map<String, Integer> tellingWords = new HashMap<>();

    NameMatcher(Lineup lineup, CommentNormaliser normaliser, Tokenizer tokenizer) {
        this.items = lineup.items();
        for (LineupItem item : items) {
            List<Token> tokens = words(tokenizer.tokenize(normaliser.prepare(item.productName())));
            List<String> words = tokens.stream().map(Token::text).toList();
            names.add(words);
            typedNames.add(tokens.stream().map(Token::typed).toList());
            nameWords.addAll(words);
            if (!words.isEmpty()) {
                headWords.add(words.get(0));
            }
        }
        for (int k = 0; k < names.size(); k++) {
            int index = k;
            tellingWord(k).ifPresent(word -> tellingWords.put(word, index));
        }
    }

    /**
     * The first word of product k that no product sharing its first word has, provided no other product
     * of the lineup has it either (so a telling word belongs to one product only).
     */
    private Optional<String> tellingWord(int k) {
        List<String> name = names.get(k);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> siblings = new ArrayList<>();
        List<List<String>> others = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            if (j != k) {
                (!names.get(j).isEmpty() && names.get(j).get(0).equals(name.get(0)) ? siblings : others)
                        .add(names.get(j));
            }
        }
        if (siblings.isEmpty()) {
            return Optional.empty();
        }
        for (String word : name.subList(1, name.size())) {
            if (siblings.stream().noneMatch(sibling -> sibling.contains(word))) {
                boolean elsewhere = others.stream().anyMatch(other -> other.contains(word));
                return elsewhere || !word.chars().allMatch(Character::isLetter) ? Optional.empty() : Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /** Name words of a product: digits count only glued to letters ("ST25"), never alone ("25" is a quantity). */
    private static List<Token> words(List<Token> tokens) {
        return tokens.stream().filter(token -> token.isLetters() || token.attached()).toList();
    }

    List<Mention> find(List<Token> tokens, Set<Integer> used) {
        boolean accented = tokens.stream().anyMatch(Token::hasDiacritics);
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!isNameWord(tokens, i, used)) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < tokens.size() && isNameWord(tokens, end + 1, used)) {
                end++;
            }
            matchRun(tokens, i, end, accented, found);
            i = end + 1;
        }
        return found;
    }

    private boolean isNameWord(List<Token> tokens, int i, Set<Integer> used) {
        Token token = tokens.get(i);
        if (used.contains(i) || !nameWords.contains(token.text())) {
            return false;
        }
        return token.isLetters() || token.attached();
    }

    /** Splits a run of name words into products, longest match first. */
    private void matchRun(List<Token> tokens, int start, int end, boolean accented, List<Mention> found) {
        int p = start;
        boolean afterProduct = false;
        while (p <= end) {
            int matchedLength = 0;
            List<LineupItem> candidates = List.of();
            for (int length = end - p + 1; length >= 1; length--) {
                candidates = candidates(tokens.subList(p, p + length), accented);
                if (!candidates.isEmpty()) {
                    matchedLength = length;
                    break;
                }
            }
            String first = tokens.get(p).text();
            boolean trusted = matchedLength > 0 && (!afterProduct || headWords.contains(first));
            if (trusted) {
                int last = p + matchedLength - 1;
                // A model name with digits ("ST25") is as distinctive as a first word.
                boolean distinctive = headWords.contains(first)
                        || tokens.subList(p, last + 1).stream().anyMatch(Token::isDigits);
                Mention.Kind kind = distinctive ? Mention.Kind.NAME : Mention.Kind.QUALIFIER;
                String written = String.join(" ", tokens.subList(p, last + 1).stream().map(Token::typed).toList());
                found.add(new Mention(kind, p, last, candidates, written));
                afterProduct = true;
                p = last + 1;
            } else if (matchedLength > 0) {
                // "bánh gio Đan Phượng": the place qualifies the product before it; it belongs to that mention.
                Mention product = found.remove(found.size() - 1);
                int last = p + matchedLength - 1;
                found.add(new Mention(product.kind(), product.first(), last, product.candidates(),
                        product.written()));
                p = last + 1;
            } else {
                p++;
            }
        }
    }

    /**
     * Items whose name holds the phrase's words in order. A single word must be some product's first word
     * to count at all, and then it means every product that has it: folded "gio" is the first word of
     * "giò lụa" and the second of "bánh gio", so a lone "gio" is ambiguous. Typed with diacritics, a
     * single word must be the lineup's word exactly: "giò" is giò lụa, "giờ" (the hour) is no product.
     * A telling word ("nếp") is weaker still: typed exactly, or bare in a comment typed without any
     * diacritics ("chung" in "mua chung" is not "chưng").
     */
    private List<LineupItem> candidates(List<Token> phraseTokens, boolean accented) {
        List<String> phrase = phraseTokens.stream().map(Token::text).toList();
        Token single = phraseTokens.get(0);
        if (phrase.size() == 1 && !headWords.contains(phrase.get(0))) {
            Integer k = tellingWords.get(single.text());
            boolean typedAsInTheLineup = k != null && (single.hasDiacritics()
                    ? typedNames.get(k).contains(single.typed()) : !accented);
            return typedAsInTheLineup ? List.of(items.get(k)) : List.of();
        }
        List<LineupItem> result = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            List<String> name = names.get(k);
            boolean fits = phrase.size() == 1
                    ? single.hasDiacritics() ? typedNames.get(k).contains(single.typed()) : name.contains(single.text())
                    : inOrder(phrase, name);
            if (fits) {
                result.add(items.get(k));
            }
        }
        return result;
    }

    private static boolean inOrder(List<String> phrase, List<String> name) {
        int n = 0;
        for (String word : phrase) {
            while (n < name.size() && !name.get(n).equals(word)) {
                n++;
            }
            if (n == name.size()) {
                return false;
            }
            n++;
        }
        return true;
    }
}
