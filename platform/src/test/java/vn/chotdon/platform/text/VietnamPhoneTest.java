package vn.chotdon.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnamPhoneTest {

    @ParameterizedTest
    @CsvSource({
            "0912 345 678, +84912345678",
            "+84912345678, +84912345678",
            "84912345678, +84912345678",
            "+84 912.345.678, +84912345678",
            "0084912345678, +84912345678",
            "(0912) 345-678, +84912345678",
            "0387654321, +84387654321",
            "0562345678, +84562345678",
            "0702345678, +84702345678",
            "0812345678, +84812345678",
            "024 3825 1234, +842438251234"
    })
    void normalisesTheFormsBuyersType(String raw, String normalised) {
        assertThat(VietnamPhone.normalise(raw)).contains(normalised);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "123", "01234567890", "0912345", "091234567890", "+1 415 555 0100", "0112345678",
            "0412345678", "không có", "09l2345678", "+84", "8491234567" })
    void refusesWhatIsNotAVietnameseNumber(String raw) {
        assertThat(VietnamPhone.normalise(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "+84912345678, 0912***678",
            "+842438251234, 0243***234",
            "not-a-phone, ***"
    })
    void masksTheMiddleOfANumber(String normalised, String masked) {
        assertThat(VietnamPhone.masked(normalised)).isEqualTo(masked);
    }
}
