package vn.chotdon.simulation.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.chotdon.comments.CommentIntent;
import vn.chotdon.comments.CommentParser;
import vn.chotdon.comments.IntentStatus;
import vn.chotdon.comments.Lineup;
import vn.chotdon.comments.LineupItem;
import vn.chotdon.comments.ReasonCode;
import vn.chotdon.simulation.LiveSaleDemo;

class CommentStreamTest {

    private static final long SEED = LiveSaleDemo.COMMENT_SEED;
    private static final List<LineupEntry> LINEUP = LiveSaleDemo.COMMENT_LINEUP;
    /** The demo's early buyers: its phones, each with the code it ordered through the app. */
    private static final List<RegularBuyer> REGULARS = regulars(190);
    private static final Map<CommentKind, Set<ReasonCode>> REVIEW_REASONS = Map.of(
            CommentKind.TYPO, Set.of(ReasonCode.UNKNOWN_CODE, ReasonCode.INVALID_PHONE),
            CommentKind.AMBIGUOUS, Set.of(ReasonCode.AMBIGUOUS_PRODUCT, ReasonCode.ITEM_MISSING),
            CommentKind.QUESTION, Set.of(ReasonCode.QUESTION),
            CommentKind.CANCELLATION, Set.of(ReasonCode.CANCELLATION));

    private final List<StreamComment> stream = CommentStream.generate(SEED, LINEUP, REGULARS);

    @Test
    void theStreamHasThreeHundredCommentsOfEveryKindInItsShare() {
        Map<CommentKind, Integer> counts = new EnumMap<>(CommentKind.class);
        stream.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));

        assertThat(counts).isEqualTo(CommentStream.MIX);
        assertThat(stream).hasSize(300);
        assertThat(stream.stream().map(StreamComment::platformCommentId).distinct()).hasSize(300);
        assertThat(stream.stream().map(StreamComment::platformCommentId))
                .allMatch(id -> id.matches("[0-9]{19}"), "a TikTok comment id");
        for (int i = 0; i < stream.size(); i++) {
            assertThat(stream.get(i).index()).isEqualTo(i);
        }
    }

    @Test
    void theSameSeedGivesTheSameStreamAndAnotherSeedAnother() {
        assertThat(CommentStream.generate(SEED, LINEUP, REGULARS)).isEqualTo(stream);
        assertThat(CommentStream.generate(SEED + 1, LINEUP, REGULARS).stream().map(StreamComment::text).toList())
                .isNotEqualTo(stream.stream().map(StreamComment::text).toList());
    }

    @Test
    void fewerRegularBuyersGiveFewerOrdersAndRepeats() {
        List<StreamComment> small = CommentStream.generate(SEED, LINEUP, regulars(12));
        Map<CommentKind, Integer> counts = new EnumMap<>(CommentKind.class);
        small.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));

        assertThat(counts).isEqualTo(CommentStream.mixFor(12));
        assertThat(counts.get(CommentKind.ORDER)).isEqualTo(12);
        assertThat(counts.get(CommentKind.REPEAT)).isEqualTo(6);
    }

    /** What the generator claims of each comment is what order-service's parser reads in it (with the lineup as order-service gives it). */
    @Test
    void theParserReadsEveryCommentAsItsKindSays() {
        CommentParser parser = new CommentParser(Lineup.of(LINEUP.stream()
                .map(item -> new LineupItem(item.code(), item.productName())).toArray(LineupItem[]::new)));
        List<String> misread = new ArrayList<>();
        for (StreamComment comment : stream) {
            CommentIntent intent = parser.parse(comment.text());
            String problem = switch (comment.kind()) {
                case ORDER, REPEAT, NEW_BUYER -> intent.readyToOrder() && sameLines(intent, comment)
                        && intent.phoneE164().equals(java.util.Optional.of("+84" + comment.phone().substring(1)))
                        ? null : "a clear order with its phone";
                case NO_PHONE -> intent.status() == IntentStatus.CLEAR && intent.phoneMissing() && sameLines(intent, comment)
                        ? null : "a clear order without a phone";
                case CHATTER -> intent.status() == IntentStatus.IGNORED ? null : "chatter";
                default -> intent.status() == IntentStatus.NEEDS_REVIEW && intent.reasons().stream()
                        .anyMatch(reason -> REVIEW_REASONS.get(comment.kind()).contains(reason.code()))
                        ? null : "a review for " + REVIEW_REASONS.get(comment.kind());
            };
            if (problem != null) {
                misread.add(String.format(Locale.ROOT, "%s \"%s\": expected %s, parsed %s %s %s %s", comment.kind(),
                        comment.text(), problem, intent.status(), intent.lines(), intent.phoneE164().orElse("-"),
                        intent.reasons()));
            }
        }
        assertThat(misread).as("comments the parser reads otherwise than generated").isEmpty();
    }

    @Test
    void ordersNameRegularBuyersOnceEachAndNeverTheCodeTheyAlreadyOrdered() {
        Map<String, String> ordered = new HashMap<>();
        REGULARS.forEach(buyer -> ordered.put(buyer.phone(), buyer.orderedCode()));
        List<StreamComment> orders = ofKind(CommentKind.ORDER);

        assertThat(orders.stream().map(StreamComment::phone)).doesNotHaveDuplicates()
                .containsExactlyElementsOf(REGULARS.subList(0, orders.size()).stream().map(RegularBuyer::phone).toList());
        assertThat(orders).allSatisfy(c -> assertThat(c.lines()).doesNotContainKey(ordered.get(c.phone())));
        assertThat(orders).allSatisfy(c -> assertThat(c.lines().values()).allMatch(q -> q >= 1 && q <= 3));
        assertThat(orders.stream().filter(c -> c.lines().size() == 2).count()).as("orders of two items").isPositive();
    }

    @Test
    void eachRepeatFollowsItsBuyersOrderOfTheSameCodeInALaterBatch() {
        Map<String, StreamComment> orderByPhone = ofKind(CommentKind.ORDER).stream()
                .collect(Collectors.toMap(StreamComment::phone, c -> c));
        for (StreamComment repeat : ofKind(CommentKind.REPEAT)) {
            StreamComment first = orderByPhone.get(repeat.phone());
            assertThat(first).as("the order repeated by %s", repeat.text()).isNotNull();
            assertThat(first.lines()).containsKeys(repeat.lines().keySet().toArray(String[]::new));
            assertThat(repeat.commenterName()).isEqualTo(first.commenterName());
            assertThat(repeat.index() - first.index()).as("comments between an order and its repeat")
                    .isGreaterThan(CommentStream.BATCH_SIZE + CommentStream.OVERLAP);
        }
        assertThat(ofKind(CommentKind.REPEAT).stream().map(StreamComment::phone)).doesNotHaveDuplicates();
    }

    @Test
    void newBuyersAreNewAndNoPhoneMeansNoPhone() {
        Set<String> regular = REGULARS.stream().map(RegularBuyer::phone).collect(Collectors.toSet());
        List<StreamComment> newBuyers = ofKind(CommentKind.NEW_BUYER);
        assertThat(newBuyers.stream().map(StreamComment::phone)).doesNotHaveDuplicates().noneMatch(regular::contains)
                .allMatch(phone -> phone.matches("0[35789][0-9]{8}"));
        assertThat(ofKind(CommentKind.NO_PHONE)).allSatisfy(c -> {
            assertThat(c.phone()).isNull();
            assertThat(c.lines()).isNotEmpty();
        });
    }

    /** Buyers write every form the issue names: the stream is not one template repeated. */
    @Test
    void theCommentsAreWrittenInTheManyWaysBuyersWrite() {
        List<String> clear = stream.stream().filter(c -> !c.lines().isEmpty() && c.kind() != CommentKind.TYPO)
                .map(StreamComment::text).toList();
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("a lower-case code", "\\b[a-z]{2}0[1-3]\\b.*");
        forms.put("a code with a space", "(?i).*\\b[a-z]{2} 0[1-3]\\b.*");
        forms.put("a code without its zero", ".*\\b[a-z]{2}[1-3]\\b.*");
        forms.put("a product name with diacritics", "(?i).*(bánh gio|bánh chưng|giò lụa).*");
        forms.put("a product name without diacritics", "(?i).*(banh gio|banh chung|gio lua).*");
        forms.put("x2", "(?i).*x ?[2-3].*");
        forms.put("2c", ".*\\b[2-3]c\\b.*");
        forms.put("a number word", "(?i).*\\b(hai|ba)\\b.*");
        forms.put("sl 2", "(?i).*sl:? [1-3].*");
        forms.put("a phone in groups", ".*0[0-9]{3} [0-9]{3} [0-9]{3}.*");
        forms.put("a phone with dots", ".*0[0-9]{3}\\.[0-9]{3}\\.[0-9]{3}.*");
        forms.put("+84", ".*\\+84.*");
        forms.put("sđt", "(?i).*(sđt|sdt).*");
        forms.put("emoji", ".*[\\x{1F300}-\\x{1FAFF}\\x{2764}].*");
        forms.put("stretched letters", ".*(ttt|aaa).*");
        forms.put("two items", "(?i).*[a-z]{2}.?0?[1-3].*[,+].*");
        for (var form : forms.entrySet()) {
            assertThat(clear.stream().filter(text -> text.matches(form.getValue())).count())
                    .as("clear comments with %s", form.getKey()).isGreaterThanOrEqualTo(2);
        }
        assertThat(stream.stream().map(StreamComment::text).distinct().count()).as("distinct texts").isGreaterThan(250);
    }

    @Test
    void theForwarderSendsEveryCommentSomeTwiceInBatchesOrderServiceTakes() {
        List<ForwarderBatch> batches = CommentStream.batches(stream);

        assertThat(batches).allSatisfy(b -> assertThat(b.comments()).hasSizeBetween(1,
                CommentStream.BATCH_SIZE + CommentStream.OVERLAP));
        Set<String> sent = new HashSet<>();
        batches.forEach(b -> b.comments().forEach(c -> sent.add(c.platformCommentId())));
        assertThat(sent).hasSize(stream.size());
        int fresh = stream.size() / CommentStream.BATCH_SIZE;
        List<ForwarderBatch> resent = batches.stream().filter(ForwarderBatch::resent).toList();
        assertThat(resent).hasSize(fresh / CommentStream.RESEND_EVERY);
        for (ForwarderBatch again : resent) {
            ForwarderBatch first = batches.get(batches.indexOf(again) - 1);
            assertThat(again.comments()).isEqualTo(first.comments());
            assertThat(again.number()).isEqualTo(first.number());
        }
        int total = batches.stream().mapToInt(b -> b.comments().size()).sum();
        assertThat(total).as("comments sent: each once, the overlaps and the resent batches again")
                .isEqualTo(300 + (fresh - 1) * CommentStream.OVERLAP + 2 * (CommentStream.BATCH_SIZE + CommentStream.OVERLAP));
        assertThat(CommentStream.batches(stream)).isEqualTo(batches);
    }

    private List<StreamComment> ofKind(CommentKind kind) {
        return stream.stream().filter(c -> c.kind() == kind).toList();
    }

    private static boolean sameLines(CommentIntent intent, StreamComment comment) {
        Map<String, Integer> parsed = new LinkedHashMap<>();
        intent.lines().forEach(line -> parsed.put(line.code(), line.quantity()));
        return parsed.equals(comment.lines()) && List.copyOf(parsed.keySet()).equals(List.copyOf(comment.lines().keySet()));
    }

    private static List<RegularBuyer> regulars(int n) {
        List<RegularBuyer> buyers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            buyers.add(new RegularBuyer(String.format(Locale.ROOT, "09%08d", 12_000_000 + i * 7),
                    LINEUP.get(i % LINEUP.size()).code()));
        }
        return buyers;
    }
}
