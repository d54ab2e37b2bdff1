package vn.chotdon.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommentNormaliserTest {

    private final CommentNormaliser normaliser = new CommentNormaliser();
    private final Tokenizer tokenizer = new Tokenizer(normaliser);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Chốt Bánh Gio           | chot banh gio",
            "CHỐT BÁNH CHƯNG         | chot banh chung",
            "Đặt đơn                 | dat don",
            "chốttttt nhaaaa         | chot nha",
            "  bg01   x2            | bg01 x2",
            "ＢＧ０１ ｘ２              | bg01 x2",
            "bg01 × 2                | bg01 x 2",
            "Hoà Lộc / Hòa Lộc       | hoa loc / hoa loc",
    })
    void foldsToLowerCaseWithoutDiacritics(String comment, String folded) {
        assertThat(normaliser.normalise(comment)).isEqualTo(folded);
    }

    @Test
    void nfdAndNfcAreOne() {
        String nfc = "chốt bánh gio thanh huệ";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);

        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(normaliser.prepare(nfd)).isEqualTo(normaliser.prepare(nfc)).isEqualTo(nfc);
    }

    @Test
    void oddSpacesAreOneSpace() {
        assertThat(normaliser.prepare("bg01\u00a0x2\u202f0912\u3000345\t678\n\u200bnha"))
                .isEqualTo("bg01 x2 0912 345 678 nha");
    }

    @Test
    void emojiAndPunctuationAreGapsBetweenTokens() {
        List<Token> tokens = tokenizer.tokenize(normaliser.prepare("🔥🔥 BG01 ❤️ x2!!! ..."));

        assertThat(tokens).extracting(Token::text).containsExactly("bg", "01", "x", "2");
        assertThat(tokens.get(1).attached()).isTrue();
        assertThat(tokens.get(2).gapBefore()).contains("❤");
    }

    @Test
    void tokensKeepTheTypedWordBesideTheFoldedOne() {
        List<Token> tokens = tokenizer.tokenize(normaliser.prepare("Giờ giò gio"));

        assertThat(tokens).extracting(Token::text).containsOnly("gio");
        assertThat(tokens).extracting(Token::typed).containsExactly("giờ", "giò", "gio");
        assertThat(tokens).extracting(Token::hasDiacritics).containsExactly(true, true, false);
    }

    @Test
    void lettersAndDigitsSplitWhereTheyMeet() {
        List<Token> tokens = tokenizer.tokenize(normaliser.prepare("bg01x2bc02x3 sdt0912345678"));

        assertThat(tokens).extracting(Token::text)
                .containsExactly("bg", "01", "x", "2", "bc", "02", "x", "3", "sdt", "0912345678");
        assertThat(tokens.get(9).attached()).isTrue();
        assertThat(tokens.get(8).attached()).isFalse();
    }

    @Test
    void keycapDigitsAreDigits() {
        assertThat(tokenizer.tokenize(normaliser.prepare("bg01 2️⃣"))).extracting(Token::text)
                .containsExactly("bg", "01", "2");
    }
}
