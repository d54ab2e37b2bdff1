package vn.chotdon.livestream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineupCodeTest {

    @ParameterizedTest
    @CsvSource({ "BG01, BG01", "bg01, BG01", "Bg01, BG01", "' bg-01 ', BG-01", "a_b, A_B", "X, X",
            "abcdefghijklmnop, ABCDEFGHIJKLMNOP" })
    void codesAreStoredUpperCase(String typed, String stored) {
        assertThat(LineupCode.normalise(typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "BG 01", "BÁNH", "abcdefghijklmnopq", "bg01;", "đ1" })
    void otherTextIsNotACode(String typed) {
        assertThatThrownBy(() -> LineupCode.normalise(typed)).isInstanceOf(IllegalArgumentException.class);
    }
}
