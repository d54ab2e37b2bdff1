package vn.chotdon.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {

    @ParameterizedTest
    @CsvSource({
            "Bánh gio Thanh Huệ, banh gio thanh hue",
            "BÁNH  GIÒ, banh gio",
            "Đan Phượng, dan phuong",
            "Gạo nếp cái hoa vàng, gao nep cai hoa vang",
            "Mật ong bạc hà Hà Giang, mat ong bac ha ha giang",
            "Ổi Đông Dư, oi dong du",
            "ưu đãi, uu dai",
            "'  khoai   lang  ', khoai lang"
    })
    void foldsCaseDiacriticsAndSpaces(String text, String folded) {
        assertThat(VietnameseText.fold(text)).isEqualTo(folded);
    }

    @Test
    void foldsDecomposedInputTheSameAsComposed() {
        String decomposed = java.text.Normalizer.normalize("Huệ", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo(VietnameseText.fold("Huệ")).isEqualTo("hue");
    }

    @Test
    void tidyComposesAndTrims() {
        String decomposed = java.text.Normalizer.normalize(" Bánh gio ", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.tidy(decomposed)).isEqualTo("Bánh gio");
        assertThat(VietnameseText.tidy(null)).isNull();
        assertThat(VietnameseText.fold(null)).isNull();
    }
}
