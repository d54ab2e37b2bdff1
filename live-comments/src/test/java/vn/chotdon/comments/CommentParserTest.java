package vn.chotdon.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommentParserTest {

    private static final Lineup DAN_PHUONG = Lineup.of(new LineupItem("BG01", "Bánh gio Thanh Huệ", "cái"),
            new LineupItem("BC02", "Bánh chưng Đan Phượng", "cái"), new LineupItem("GL03", "Giò lụa Phượng Trì", "kg"),
            new LineupItem("BD04", "Bánh dày đỗ xanh", "cái"), new LineupItem("CQ05", "Chả quế", "kg"));

    private final CommentParser parser = new CommentParser(DAN_PHUONG);

    @Test
    void aCodeAQuantityAndAPhoneAreAnOrderReadyToPlace() {
        CommentIntent intent = parser.parse("BG01 2 0912345678");

        assertThat(intent.status()).isEqualTo(IntentStatus.CLEAR);
        assertThat(intent.lines()).containsExactly(new IntentLine("BG01", 2));
        assertThat(intent.phoneE164()).contains("+84912345678");
        assertThat(intent.reasons()).isEmpty();
        assertThat(intent.phoneMissing()).isFalse();
        assertThat(intent.readyToOrder()).isTrue();
    }

    @Test
    void theIssuesSecondExampleIsTheSameOrder() {
        CommentIntent intent = parser.parse("chốt bánh gio x3 sdt 0912 345 678");

        assertThat(intent.lines()).containsExactly(new IntentLine("BG01", 3));
        assertThat(intent.phoneE164()).contains("+84912345678");
        assertThat(intent.readyToOrder()).isTrue();
    }

    @Test
    void withoutAPhoneTheItemsAreClearButTheIntentWaitsForOne() {
        CommentIntent intent = parser.parse("bg01 x2 bc02 x1");

        assertThat(intent.status()).isEqualTo(IntentStatus.CLEAR);
        assertThat(intent.lines()).containsExactly(new IntentLine("BG01", 2), new IntentLine("BC02", 1));
        assertThat(intent.phoneMissing()).isTrue();
        assertThat(intent.readyToOrder()).isFalse();
    }

    @Test
    void aCodeAloneIsOneUnit() {
        assertThat(parser.parse("BG01").lines()).containsExactly(new IntentLine("BG01", 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BG07 x2                     | UNKNOWN_CODE",
            "chốt bánh x2                | AMBIGUOUS_PRODUCT",
            "chốt gio x2                 | AMBIGUOUS_PRODUCT",
            "chốt 2 cái                  | ITEM_MISSING",
            "0912345678                  | ITEM_MISSING",
            "bánh gio                    | NAME_WITHOUT_ORDER",
            "bg01 2 3                    | QUANTITY_UNCLEAR",
            "gl03 1,5kg                  | QUANTITY_UNCLEAR",
            "bg01 x100                   | QUANTITY_OUT_OF_RANGE",
            "bg01 x0                     | QUANTITY_OUT_OF_RANGE",
            "bg01 x2 bg01 x1             | REPEATED_ITEM",
            "bg01 0912345678 0987654321  | SEVERAL_PHONES",
            "bg01 0123456789             | INVALID_PHONE",
            "bg01 còn không shop?        | QUESTION",
            "còn không shop?             | QUESTION",
            "giá bao nhiêu               | QUESTION",
            "huỷ đơn                     | CANCELLATION",
            "hủy bg01 giúp e             | CANCELLATION",
            "đổi bg01 thành 3 cái        | CHANGE",
            "hôm qua e chốt bg01 x2 rồi  | EARLIER_ORDER",
    })
    void whatIsUncertainGoesToReviewWithItsReason(String comment, ReasonCode reason) {
        CommentIntent intent = parser.parse(comment);

        assertThat(intent.status()).isEqualTo(IntentStatus.NEEDS_REVIEW);
        assertThat(intent.reasons()).extracting(Reason::code).contains(reason);
        assertThat(intent.reasons()).allSatisfy(r -> assertThat(r.message()).isNotBlank());
        assertThat(intent.readyToOrder()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"chào shop", "❤️❤️❤️", "đẹp quá", "bánh gio ngon quá", "Chúc shop đắt hàng",
            "chúc htx làm ăn phát đạt", "ib", "ok", "...", "", "   ", "lần trước e mua bánh chưng rất ngon"})
    void chatterIsIgnored(String comment) {
        CommentIntent intent = parser.parse(comment);

        assertThat(intent.status()).isEqualTo(IntentStatus.IGNORED);
        assertThat(intent.lines()).isEmpty();
        assertThat(intent.reasons()).isEmpty();
    }

    @Test
    void anOrderWordInALongSentenceAboutAProductIsReadByAPerson() {
        CommentIntent story = parser.parse("bánh gio nhà chị ngon lắm, năm nào cũng mua");
        CommentIntent order = parser.parse("em muốn mua bánh gio");

        assertThat(story.status()).isEqualTo(IntentStatus.NEEDS_REVIEW);
        assertThat(story.has(ReasonCode.NAME_WITHOUT_ORDER)).isTrue();
        assertThat(order.status()).isEqualTo(IntentStatus.CLEAR);
    }

    @Test
    void aNullCommentIsIgnored() {
        assertThat(parser.parse(null).status()).isEqualTo(IntentStatus.IGNORED);
    }

    @Test
    void reviewKeepsWhatWasUnderstoodForStaffToEdit() {
        CommentIntent intent = parser.parse("bg01 x2 bc03 x1 sdt 0912 345 678");

        assertThat(intent.status()).isEqualTo(IntentStatus.NEEDS_REVIEW);
        assertThat(intent.lines()).containsExactly(new IntentLine("BG01", 2));
        assertThat(intent.phoneE164()).contains("+84912345678");
        assertThat(intent.reasons()).extracting(Reason::message)
                .containsExactly("Mã BC03 không có trong phiên live này");
    }

    @Test
    void anAmbiguousNameSaysWhichItemsItFits() {
        CommentIntent intent = parser.parse("chốt bánh x2");

        assertThat(intent.reasons()).singleElement().satisfies(r -> assertThat(r.message())
                .isEqualTo("\"bánh\" khớp nhiều món: BG01 Bánh gio Thanh Huệ, BC02 Bánh chưng Đan Phượng, "
                        + "BD04 Bánh dày đỗ xanh"));
    }

    @Test
    void severalPhonesKeepNone() {
        assertThat(parser.parse("bg01 0912345678 0987654321").phoneE164()).isEmpty();
    }

    @Test
    void anAddressesNumbersAndPlacesAreNotReadAsQuantitiesOrProducts() {
        CommentIntent intent = parser.parse("chốt đơn BG01 x2, sđt 0912 345 678, đc: 12 ngõ 5 Phượng Trì, Đan Phượng");

        assertThat(intent.status()).isEqualTo(IntentStatus.CLEAR);
        assertThat(intent.lines()).containsExactly(new IntentLine("BG01", 2));
    }

    @Test
    void theCodeAndItsProductTitleTogetherAreOneItem() {
        assertThat(parser.parse("BG01 bánh gio Thanh Huệ x2").lines()).containsExactly(new IntentLine("BG01", 2));
    }

    @Test
    void quantitiesBeforeTheItemsAreRead() {
        assertThat(parser.parse("lấy 2 hộp bánh gio, 3 hộp bánh chưng").lines())
                .containsExactly(new IntentLine("BG01", 2), new IntentLine("BC02", 3));
        assertThat(parser.parse("ba bánh chưng").lines()).containsExactly(new IntentLine("BC02", 3));
    }

    @Test
    void oneQuantityForEachItem() {
        assertThat(parser.parse("bg01 bc02 mỗi loại 2").lines())
                .containsExactly(new IntentLine("BG01", 2), new IntentLine("BC02", 2));
    }

    @Test
    void thePackSizeOfTheUnitIsNotASecondQuantity() {
        CommentParser rice = new CommentParser(Lineup.of(new LineupItem("GS01", "Gạo ST25 Sóc Trăng", "túi 5kg")));

        assertThat(rice.parse("gs01 2 túi 5kg").lines()).containsExactly(new IntentLine("GS01", 2));
    }

    @Test
    void oneParserServesManyThreads() throws Exception {
        List<String> comments = List.of("BG01 2 0912345678", "chốt bánh gio x3", "bg01 x2 bc02 x1", "còn không?",
                "chào shop", "giò lụa 2kg 0987.654.321");
        List<CommentIntent> expected = comments.stream().map(parser::parse).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        for (int i = 0; i < comments.size(); i++) {
                            if (!parser.parse(comments.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theModelRefusesContradictions() {
        assertThatThrownBy(() -> new CommentIntent(IntentStatus.CLEAR, List.of(), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommentIntent(IntentStatus.NEEDS_REVIEW, List.of(), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LineupItem(" ", "Bánh gio")).isInstanceOf(IllegalArgumentException.class);
    }
}
