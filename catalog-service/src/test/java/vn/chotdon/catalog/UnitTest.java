package vn.chotdon.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitTest {

    @ParameterizedTest
    @CsvSource({ "CAI, CAI", "cái, CAI", "cai, CAI", "Kg, KG", "hộp, HOP", "HOP, HOP", "bó, BO", "chục, CHUC",
            "' lít ', LIT", "quả, QUA" })
    void acceptsCodesAndVietnameseWords(String text, Unit unit) {
        assertThat(Unit.parse(text)).isEqualTo(unit);
    }

    @ParameterizedTest
    @ValueSource(strings = { "tấn", "", "pieces" })
    void refusesUnknownUnitsNamingTheKnownOnes(String text) {
        assertThatThrownBy(() -> Unit.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown unit").hasMessageContaining("HOP (hộp)");
    }
}
