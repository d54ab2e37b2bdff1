package vn.chotdon.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameMatcherTest {

    private static final Lineup DAN_PHUONG = Lineup.of(new LineupItem("BG01", "Bánh gio Thanh Huệ", "cái"),
            new LineupItem("BC02", "Bánh chưng Đan Phượng", "cái"), new LineupItem("GL03", "Giò lụa Phượng Trì", "kg"),
            new LineupItem("BD04", "Bánh dày đỗ xanh", "cái"), new LineupItem("CQ05", "Chả quế", "kg"));
    private static final Lineup FRUIT = Lineup.of(new LineupItem("VT01", "Vải thiều Lục Ngạn", "kg"),
            new LineupItem("VT02", "Vải thiều Thanh Hà", "kg"), new LineupItem("BX04", "Bưởi da xanh Bến Tre", "quả"));
    private static final Lineup RICE = Lineup.of(new LineupItem("GS01", "Gạo ST25 Sóc Trăng", "túi 5kg"),
            new LineupItem("GN02", "Gạo nếp cái hoa vàng", "kg"));

    private final CommentNormaliser normaliser = new CommentNormaliser();
    private final Tokenizer tokenizer = new Tokenizer(normaliser);

    private List<Mention> find(Lineup lineup, String comment) {
        return new NameMatcher(lineup, normaliser, tokenizer)
                .find(tokenizer.tokenize(normaliser.prepare(comment)), new HashSet<>());
    }

    private List<String> codes(Lineup lineup, String comment) {
        return find(lineup, comment).stream()
                .map(m -> m.certain() ? m.item().code() : "?" + m.candidates().size())
                .toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "chốt bánh gio x3          | BG01",
            "chot banh gio x3          | BG01",
            "BÁNH GIO                  | BG01",
            "bánh gìo                  | BG01",
            "bánh gio thanh huệ 2 cái  | BG01",
            "bánh gio đan phượng       | BG01",
            "bánh chưng 2              | BC02",
            "bánh chưng đan phượng     | BC02",
            "giò lụa 1kg               | GL03",
            "giò 1kg                   | GL03",
            "chả 1kg                   | CQ05",
            "banh day do xanh          | BD04",
    })
    void findsAProductByWhatIsTypedOfItsName(String comment, String code) {
        assertThat(codes(DAN_PHUONG, comment)).containsExactly(code);
    }

    @Test
    void findsSeveralProductsInOneRunOfNameWords() {
        assertThat(codes(DAN_PHUONG, "bánh gio bánh chưng giò lụa")).containsExactly("BG01", "BC02", "GL03");
        assertThat(codes(DAN_PHUONG, "bánh chưng x2 với bánh gio x3")).containsExactly("BC02", "BG01");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bánh x2    | 3",   // bánh gio, bánh chưng, bánh dày
            "gio x2     | 2",   // typed without diacritics: bánh gio or giò lụa
            "bnh gio x2 | 2",
    })
    void wordsThatFitSeveralProductsGiveOneMentionWithAllOfThem(String comment, int candidates) {
        assertThat(find(DAN_PHUONG, comment)).singleElement()
                .satisfies(m -> assertThat(m.candidates()).hasSize(candidates));
    }

    @Test
    void diacriticsTellFoldedTwinsApart() {
        assertThat(codes(DAN_PHUONG, "giò x2")).containsExactly("GL03");
        assertThat(codes(DAN_PHUONG, "giao trước 9 giờ")).isEmpty();
        assertThat(codes(FRUIT, "vài hôm nữa")).isEmpty();
        assertThat(codes(FRUIT, "vải x2")).containsExactly("?2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cảm ơn chị Huệ", "màu xanh đẹp", "dạ vâng", "thanh toán rồi"})
    void aSingleInnerWordOfANameIsNoMention(String comment) {
        assertThat(find(DAN_PHUONG, comment)).isEmpty();
        assertThat(find(FRUIT, comment)).isEmpty();
    }

    @Test
    void aPlaceAloneNamesItsProductAsAQualifier() {
        assertThat(find(FRUIT, "lục ngạn 5kg")).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mention.Kind.QUALIFIER);
            assertThat(m.item().code()).isEqualTo("VT01");
        });
        assertThat(codes(FRUIT, "vải thiều thanh hà")).containsExactly("VT02");
    }

    @Test
    void aModelNameWithDigitsIsDistinctive() {
        assertThat(find(RICE, "chốt st25 x3")).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mention.Kind.NAME);
            assertThat(m.item().code()).isEqualTo("GS01");
        });
        assertThat(codes(RICE, "gạo x2")).containsExactly("?2");
        assertThat(codes(RICE, "gạo nếp 5kg")).containsExactly("GN02");
    }

    @Test
    void theWordThatTellsProductsWithTheSameFirstWordApartNamesOneOfThem() {
        assertThat(codes(RICE, "chốt 10kg nếp")).containsExactly("GN02");
        assertThat(codes(RICE, "chot 10kg nep")).containsExactly("GN02");
        assertThat(codes(DAN_PHUONG, "chưng 2 cái")).containsExactly("BC02");
        assertThat(find(DAN_PHUONG, "chưng 2 cái")).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(Mention.Kind.QUALIFIER));
    }

    @Test
    void aTellingWordMustBeTypedAsInTheLineup() {
        // In a comment typed with diacritics, a bare "chung" is "chung" (together), not "chưng".
        assertThat(codes(DAN_PHUONG, "mua chung với bạn nhé")).isEmpty();
        assertThat(codes(DAN_PHUONG, "em ở đây")).isEmpty();
        // Bánh gio has no telling word: its "gio" is also giò lụa's.
        assertThat(codes(DAN_PHUONG, "gio 2")).containsExactly("?2");
    }

    @Test
    void aNumberAloneIsNeverPartOfAName() {
        // "25" of ST25 counts only glued to its letters: "gạo 25 kg" is rice, 25 of it.
        assertThat(find(RICE, "gạo 25 kg")).singleElement().satisfies(m -> assertThat(m.last()).isEqualTo(0));
    }
}
