package vn.chotdon.comments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one live comment into an order intent against a session's lineup.
 *
 * <p>The order of the steps matters: phones are found first, so their digits are never read as a
 * quantity or a code; then lineup codes, then product names, then code-shaped leftovers (unknown codes);
 * quantities are read last, from the stretches between the items. Whatever is uncertain becomes a
 * reason and the intent goes to review: the parser never picks between two readings.
 *
 * <p>One parser per lineup; it holds no state between comments and is safe to share between threads.
 */
public final class CommentParser {

    /** Above this a comment's quantity is taken for a typo or a joke, and a person decides. */
    public static final int MAX_QUANTITY = 99;
    /** Words the parser cannot place that make an order without quantity, code or phone look like a story. */
    private static final int STORY_WORDS = 3;

    private final CommentNormaliser normaliser = new CommentNormaliser();
    private final Tokenizer tokenizer = new Tokenizer(normaliser);
    private final PhoneFinder phoneFinder = new PhoneFinder();
    private final QuantityReader quantityReader = new QuantityReader();
    private final CodeMatcher codeMatcher;
    private final NameMatcher nameMatcher;
    /** Item → the size of its pack ("5 kg" for "túi 5kg"), read from its unit; "" when it has none. */
    private final Map<LineupItem, String> packSizes = new HashMap<>();

    public CommentParser(Lineup lineup) {
        this.codeMatcher = new CodeMatcher(lineup, normaliser);
        this.nameMatcher = new NameMatcher(lineup, normaliser, tokenizer);
        for (LineupItem item : lineup.items()) {
            List<Token> unit = tokenizer.tokenize(normaliser.prepare(item.unit().orElse("")));
            String size = "";
            for (int i = 0; i + 1 < unit.size(); i++) {
                if (unit.get(i).isDigits() && unit.get(i + 1).isLetters()) {
                    size = unit.get(i).value() + " " + unit.get(i + 1).text();
                }
            }
            packSizes.put(item, size);
        }
    }

    public CommentIntent parse(String comment) {
        String prepared = normaliser.prepare(comment);
        List<Token> tokens = tokenizer.tokenize(prepared);
        PhoneFinder.Found phones = phoneFinder.find(tokens);
        Set<Integer> used = new HashSet<>(phones.usedTokens());
        int end = addressStart(tokens);
        for (int i = end; i < tokens.size(); i++) {
            used.add(i);
        }
        Items items = items(tokens, used, end);
        return decide(tokens, used, items, phones, Signals.read(prepared, tokens));
    }

    /** What the comment names (codes, then names, then unknown codes) and how many of each. */
    private Items items(List<Token> tokens, Set<Integer> used, int end) {
        List<Mention> mentions = new ArrayList<>();
        claim(codeMatcher.known(tokens, used), mentions, used);
        claim(nameMatcher.find(tokens, used), mentions, used);
        claim(codeMatcher.unknown(tokens, used), mentions, used);
        mentions.sort(Comparator.comparingInt(Mention::first));
        mentions = withoutEchoedNames(mentions, tokens);

        Assignment assignment = assign(new Stretches(tokens, used, mentions, end), mentions);
        List<Mention> named = withoutIdleQualifiers(mentions, assignment);
        if (named.size() == mentions.size()) {
            return new Items(mentions, assignment);
        }
        // A dropped place is free text again: its words may sit between an item and its quantity.
        for (Mention dropped : mentions) {
            if (!named.contains(dropped)) {
                for (int i = dropped.first(); i <= dropped.last(); i++) {
                    used.remove(i);
                }
            }
        }
        return new Items(named, assign(new Stretches(tokens, used, named, end), named));
    }

    private record Items(List<Mention> mentions, Assignment assignment) {
    }

    private CommentIntent decide(List<Token> tokens, Set<Integer> used, Items items, PhoneFinder.Found phones,
            Signals signals) {
        List<Mention> mentions = items.mentions();
        Assignment assignment = items.assignment();
        List<Reason> reasons = new ArrayList<>();
        if (signals.cancellation()) {
            reasons.add(Reason.cancellation());
        }
        if (signals.change()) {
            reasons.add(Reason.change());
        }
        if (signals.question()) {
            reasons.add(Reason.question());
        }
        Optional<String> phone = phones.phonesE164().stream().findFirst();
        if (phones.phonesE164().size() > 1) {
            reasons.add(Reason.severalPhones());
            phone = Optional.empty();
        } else if (phone.isEmpty() && !phones.invalid().isEmpty()) {
            reasons.add(Reason.invalidPhone(phones.invalid().get(0)));
        }
        if (assignment.unclear()) {
            reasons.add(Reason.quantityUnclear());
        }

        // What shows an order: an order word (not in a story of an earlier one), a written quantity,
        // a phone, a code. A product's name alone does not.
        boolean orderWord = signals.orderWord() && !signals.earlier();
        boolean phoneWritten = !phones.phonesE164().isEmpty() || !phones.invalid().isEmpty();
        boolean codeWritten = mentions.stream().anyMatch(m -> m.kind() == Mention.Kind.CODE
                || m.kind() == Mention.Kind.UNKNOWN_CODE);
        boolean ordering = orderWord || assignment.marked() || phoneWritten || codeWritten;
        if (signals.earlier() && ordering) {
            reasons.add(Reason.earlierOrder());
        }
        boolean asksOrChanges = signals.question() || signals.cancellation() || signals.change();
        if (mentions.isEmpty()) {
            if (reasons.isEmpty() && !ordering) {
                return CommentIntent.ignored();
            }
            if (ordering && !signals.cancellation() && !signals.change()) {
                reasons.add(0, Reason.itemMissing());
            }
        } else if (!ordering && !asksOrChanges) {
            // "bánh gio ngon quá" is talk about the product; a bare "bánh gio" may be an order.
            if (unexplainedWords(tokens, used) >= 1) {
                return CommentIntent.ignored();
            }
            reasons.add(Reason.nameWithoutOrder());
        } else if (orderWord && !assignment.marked() && !phoneWritten && !codeWritten
                && unexplainedWords(tokens, used) >= STORY_WORDS) {
            // Names and an order word inside a longer sentence ("bánh gio nhà chị ngon lắm, năm nào cũng
            // mua") are more often a story than an order: a person reads it.
            reasons.add(Reason.nameWithoutOrder());
        }

        List<IntentLine> lines = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (int m = 0; m < mentions.size(); m++) {
            Mention mention = mentions.get(m);
            if (mention.kind() == Mention.Kind.UNKNOWN_CODE) {
                reasons.add(Reason.unknownCode(mention.written()));
            } else if (!mention.certain()) {
                reasons.add(Reason.ambiguousProduct(mention.written(), mention.candidates()));
            } else {
                int quantity = assignment.quantities()[m];
                if (quantity < 1 || quantity > MAX_QUANTITY) {
                    reasons.add(Reason.quantityOutOfRange(quantity, MAX_QUANTITY));
                }
                if (!codes.add(mention.item().code())) {
                    reasons.add(Reason.repeatedItem(mention.item().code()));
                }
                lines.add(new IntentLine(mention.item().code(), quantity));
            }
        }
        List<Reason> distinct = reasons.stream().distinct().toList();
        IntentStatus status = distinct.isEmpty() ? IntentStatus.CLEAR : IntentStatus.NEEDS_REVIEW;
        return new CommentIntent(status, lines, phone, distinct);
    }

    private static void claim(List<Mention> found, List<Mention> mentions, Set<Integer> used) {
        for (Mention mention : found) {
            mentions.add(mention);
            for (int i = mention.first(); i <= mention.last(); i++) {
                used.add(i);
            }
        }
    }

    /**
     * "BG01 bánh gio Thanh Huệ x2": buyers copy the code and the product's title together. A name that
     * directly follows or precedes the code of an item it may mean is that item, not a second one.
     */
    private static List<Mention> withoutEchoedNames(List<Mention> mentions, List<Token> tokens) {
        List<Mention> kept = new ArrayList<>();
        for (int m = 0; m < mentions.size(); m++) {
            Mention mention = mentions.get(m);
            boolean echo = mention.kind() != Mention.Kind.CODE && mention.kind() != Mention.Kind.UNKNOWN_CODE
                    && (echoes(mention, m > 0 ? mentions.get(m - 1) : null, tokens)
                    || echoes(mention, m + 1 < mentions.size() ? mentions.get(m + 1) : null, tokens));
            if (!echo) {
                kept.add(mention);
            }
        }
        return kept;
    }

    /**
     * "Lục Ngạn 5kg" is the lychee, and so is "thanh hà x3" after another item; but a place with no
     * quantity of its own in a comment that names a product ("e ở Đan Phượng lấy bánh gio x4") only
     * says where someone lives.
     */
    private static List<Mention> withoutIdleQualifiers(List<Mention> mentions, Assignment assignment) {
        boolean named = mentions.stream().anyMatch(m -> m.kind() != Mention.Kind.QUALIFIER);
        if (!named) {
            return mentions;
        }
        List<Mention> kept = new ArrayList<>();
        for (int m = 0; m < mentions.size(); m++) {
            if (mentions.get(m).kind() != Mention.Kind.QUALIFIER || assignment.given()[m]) {
                kept.add(mentions.get(m));
            }
        }
        return kept;
    }

    private static boolean echoes(Mention name, Mention code, List<Token> tokens) {
        if (code == null || code.kind() != Mention.Kind.CODE || !name.candidates().contains(code.item())) {
            return false;
        }
        int from = Math.min(name.last(), code.last()) + 1;
        int to = Math.max(name.first(), code.first());
        for (int i = from; i < to; i++) {
            Token between = tokens.get(i);
            if (between.isDigits() || Vocabulary.NUMBER_WORDS.containsKey(between.text())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where an address begins ("đc: 12 ngõ 5 Phượng Trì", "địa chỉ …"): its house numbers are not
     * quantities and its place names are not products. The whole comment when there is none.
     */
    private static int addressStart(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (token.isWord("dia") && next != null && next.isWord("chi") || token.isWord("dchi")) {
                return i;
            }
            if (token.isWord("d") && next != null && next.isWord("c") && next.gapBefore().contains("/")) {
                return i;
            }
            if (token.isWord("dc") && next != null && (next.gapBefore().contains(":") || next.isDigits())) {
                return i;
            }
        }
        return tokens.size();
    }

    /** The free tokens before the first item, and after each item up to the next. */
    private record Stretches(List<Token> before, boolean rightBefore, List<List<Token>> after,
            List<Boolean> rightAfter) {

        Stretches(List<Token> tokens, Set<Integer> used, List<Mention> mentions, int end) {
            this(free(tokens, used, 0, mentions.isEmpty() ? end : mentions.get(0).first()), mentions, new ArrayList<>(),
                    new ArrayList<>());
            for (int m = 0; m < mentions.size(); m++) {
                int from = mentions.get(m).last() + 1;
                int to = m + 1 < mentions.size() ? mentions.get(m + 1).first() : end;
                List<Token> stretch = free(tokens, used, from, to);
                after.add(stretch);
                rightAfter.add(!stretch.isEmpty() && stretch.get(0).index() == from);
            }
        }

        private Stretches(List<Token> before, List<Mention> mentions, List<List<Token>> after,
                List<Boolean> rightAfter) {
            this(before, !mentions.isEmpty() && !before.isEmpty()
                    && before.get(before.size() - 1).index() == mentions.get(0).first() - 1, after, rightAfter);
        }

        private static List<Token> free(List<Token> tokens, Set<Integer> used, int from, int to) {
            List<Token> free = new ArrayList<>();
            for (int i = from; i < to; i++) {
                if (!used.contains(i)) {
                    free.add(tokens.get(i));
                }
            }
            return free;
        }
    }

    /** Per item: its quantity and whether the comment gave one (else it is the default 1). */
    private record Assignment(int[] quantities, boolean[] given, boolean unclear, boolean marked) {
    }

    /**
     * Gives each item its quantity. Most comments put it after the item ("BG01 x2 BC02 3"); some put it
     * before ("lấy 2 hộp bánh gio, 3 hộp bánh chưng"): that style is taken only when the first quantity
     * stands before the first item and no quantity follows the last. Numbers left over make the
     * quantity unclear; an item with none gets 1.
     */
    private Assignment assign(Stretches stretches, List<Mention> mentions) {
        int n = stretches.after().size();
        List<Quantity> before = quantityReader.read(stretches.before(), false, stretches.rightBefore());
        List<List<Quantity>> after = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            List<Quantity> read = quantityReader.read(stretches.after().get(m), stretches.rightAfter().get(m), false);
            Mention mention = mentions.get(m);
            if (read.size() > 1 && mention.certain()) {
                String packSize = packSizes.getOrDefault(mention.item(), "");
                List<Quantity> counts = read.stream().filter(q -> !q.describes(packSize)).toList();
                read = counts.isEmpty() ? read : counts;
            }
            after.add(read);
        }
        boolean marked = before.stream().anyMatch(Quantity::marked)
                || after.stream().flatMap(List::stream).anyMatch(Quantity::marked);
        if (n == 0) {
            return new Assignment(new int[0], new boolean[0], false, marked);
        }
        Quantity[] chosen = new Quantity[n];
        boolean unclear = false;
        boolean each = n > 1 && before.isEmpty() && after.get(n - 1).size() == 1
                && eachFollows(stretches.after().get(n - 1))
                && after.subList(0, n - 1).stream().allMatch(List::isEmpty);
        boolean prefixStyle = before.size() == 1 && after.get(n - 1).isEmpty()
                && after.subList(0, n - 1).stream().allMatch(q -> q.size() <= 1);
        if (each) {
            // "BG01 BC02 mỗi loại 2": every item named gets the quantity.
            Arrays.fill(chosen, after.get(n - 1).get(0));
        } else if (prefixStyle) {
            chosen[0] = before.get(0);
            for (int m = 0; m + 1 < n; m++) {
                chosen[m + 1] = after.get(m).isEmpty() ? null : after.get(m).get(0);
            }
        } else {
            for (int m = 0; m < n; m++) {
                List<Quantity> here = after.get(m);
                if (here.isEmpty()) {
                    continue;
                }
                if (chosen[m] == null) {
                    chosen[m] = here.get(0);
                } else {
                    unclear = true;
                }
                List<Quantity> rest = here.subList(chosen[m] == here.get(0) ? 1 : 0, here.size());
                if (rest.size() == 1 && m + 1 < n && after.get(m + 1).isEmpty()) {
                    chosen[m + 1] = rest.get(0);
                } else if (!rest.isEmpty()) {
                    unclear = true;
                }
            }
            if (before.size() == 1 && chosen[0] == null) {
                chosen[0] = before.get(0);
            } else if (!before.isEmpty()) {
                unclear = true;
            }
        }
        int[] quantities = new int[n];
        boolean[] given = new boolean[n];
        for (int m = 0; m < n; m++) {
            Quantity q = chosen[m];
            unclear |= q != null && q.unclear();
            quantities[m] = q == null || q.unclear() ? 1 : q.value();
            given[m] = q != null;
        }
        return new Assignment(quantities, given, unclear, marked);
    }

    private static boolean eachFollows(List<Token> stretch) {
        return stretch.stream().anyMatch(t -> t.isLetters() && Vocabulary.EACH.contains(t.text()));
    }

    private static int unexplainedWords(List<Token> tokens, Set<Integer> used) {
        int count = 0;
        for (Token token : tokens) {
            if (!used.contains(token.index()) && token.isLetters() && !Vocabulary.known(token.text())) {
                count++;
            }
        }
        return count;
    }
}
