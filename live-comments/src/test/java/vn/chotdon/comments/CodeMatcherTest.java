package vn.chotdon.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeMatcherTest {

    private static final Lineup LINEUP = Lineup.of(new LineupItem("BG01", "Bánh gio Thanh Huệ", "cái"),
            new LineupItem("BC02", "Bánh chưng Đan Phượng", "cái"), new LineupItem("TO05", "Tinh bột nghệ", "hũ"),
            new LineupItem("BG10", "Bánh gio nhân thịt", "cái"));

    private final CommentNormaliser normaliser = new CommentNormaliser();
    private final Tokenizer tokenizer = new Tokenizer(normaliser);
    private final CodeMatcher matcher = new CodeMatcher(LINEUP, normaliser);

    private List<Mention> known(String comment) {
        return matcher.known(tokenizer.tokenize(normaliser.prepare(comment)), new HashSet<>());
    }

    private List<Mention> unknown(String comment) {
        return matcher.unknown(tokenizer.tokenize(normaliser.prepare(comment)), new HashSet<>());
    }

    @ParameterizedTest
    @ValueSource(strings = {"BG01", "bg01", "Bg01", "BG 01", "bg-01", "bg_01", "bg.01", "#BG01", "#bg 01", "bg1",
            "BG001", "bg01x2", "chốt bg01 nha", "ＢＧ０１"})
    void findsACodeHoweverItIsTyped(String comment) {
        assertThat(known(comment)).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mention.Kind.CODE);
            assertThat(m.item().code()).isEqualTo("BG01");
        });
    }

    @Test
    void findsSeveralCodesInOrder() {
        assertThat(known("BG01+BC02 bg10 x2")).extracting(m -> m.item().code()).containsExactly("BG01", "BC02", "BG10");
    }

    @Test
    void numbersAreComparedAsNumbers() {
        assertThat(known("bg10")).extracting(m -> m.item().code()).containsExactly("BG10");
        assertThat(known("bg1")).extracting(m -> m.item().code()).containsExactly("BG01");
    }

    @Test
    void codeLettersThatAreAlsoAWordMustTouchTheirNumber() {
        // "cho tớ 5 hũ" is not TO05; "TO05" and "to-05" are.
        assertThat(known("cho tớ 5 hũ")).isEmpty();
        assertThat(unknown("cho tớ 5 hũ")).isEmpty();
        assertThat(known("TO05 x1")).extracting(m -> m.item().code()).containsExactly("TO05");
        assertThat(known("to-05")).extracting(m -> m.item().code()).containsExactly("TO05");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BG07", "bg 09", "bg012", "XY12", "#ab3", "vt01"})
    void codeShapedTextOffTheLineupIsAnUnknownCode(String comment) {
        assertThat(known(comment)).isEmpty();
        assertThat(unknown(comment)).singleElement()
                .satisfies(m -> assertThat(m.kind()).isEqualTo(Mention.Kind.UNKNOWN_CODE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x2", "sl2", "2c", "lấy 2", "sdt 0912", "ngõ 5", "chốt 3 cái", "e2"})
    void quantitiesAndWordsBeforeNumbersAreNoCodes(String comment) {
        assertThat(known(comment)).isEmpty();
        assertThat(unknown(comment)).isEmpty();
    }

    @Test
    void aLineupWhoseCodesReadAlikeIsRefused() {
        Lineup alike = Lineup.of(new LineupItem("BG1", "Bánh gio"), new LineupItem("bg01", "Bánh gio nhân thịt"));

        assertThatThrownBy(() -> new CodeMatcher(alike, normaliser))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BG1").hasMessageContaining("bg01");
    }

    @Test
    void theUnknownCodeIsReportedAsWritten() {
        assertThat(unknown("chốt bg07 x2")).extracting(Mention::written).containsExactly("BG07");
    }
}
