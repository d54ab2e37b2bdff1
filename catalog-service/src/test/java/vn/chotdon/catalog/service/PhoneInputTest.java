package vn.chotdon.catalog.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.chotdon.platform.text.VietnamPhone;

/** The phone pattern the OpenAPI document shows accepts exactly the numbers the service accepts. */
class PhoneInputTest {

    private static final Pattern DOCUMENTED = Pattern.compile(PhoneInput.PATTERN);

    @ParameterizedTest
    @ValueSource(strings = { "0912345678", "0912 345 678", "+84912345678", "+84 912.345.678", "84912345678",
            "0084912345678", "(+84) 912-345-678", " 0987 654 321 ", "0243 826 4567", "+842438264567", "02438264567",
            "0312345678", "0512345678", "0712345678", "0812345678",
            "", "091234567", "09123456789", "0112345678", "0612345678", "+85912345678", "8491234567", "+84 0912345678",
            "0912a45678", "0912_345_678", "+8491234567", "00849123456", "0912345678 ext 2", "++84912345678",
            "021234567", "0212345678901" })
    void documentedPatternAgreesWithTheNormaliser(String typed) {
        assertThat(DOCUMENTED.matcher(typed).matches()).as("'%s' matches the documented pattern", typed)
                .isEqualTo(VietnamPhone.normalise(typed).isPresent());
    }
}
