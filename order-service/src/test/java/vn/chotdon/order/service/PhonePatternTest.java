package vn.chotdon.order.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.chotdon.platform.text.VietnamPhone;

/**
 * The phone pattern the OpenAPI document shows is the rule the code applies: a front end that
 * checks it refuses exactly the numbers order-service would refuse.
 */
class PhonePatternTest {

    private static final Pattern DOCUMENTED = Pattern.compile(PlaceOrder.PHONE_PATTERN);
    private static final String ALPHABET = "0123456789012345678984+ .()-";

    @ParameterizedTest
    @ValueSource(strings = { "0912345678", "0912 345 678", "+84912345678", "+84 912.345.678", "84912345678",
            "0084912345678", "(+84) 912-345-678", "02438123456", "+842438123456", "0312345678", " 0912345678 ",
            "091234567", "09123456789", "0112345678", "+840912345678", "8491234567", "084912345678", "+8491234567a",
            "", " ", "+", "0", "00849", "(((0912345678)))", "0-9-1-2-3-4-5-6-7-8" })
    void agreesOnTypicalAndBorderlineNumbers(String phone) {
        assertThat(DOCUMENTED.matcher(phone).matches()).as(phone).isEqualTo(VietnamPhone.normalise(phone).isPresent());
    }

    @Test
    void agreesOnManyPhoneLikeStrings() {
        SplittableRandom random = new SplittableRandom(20251130);
        int accepted = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder phone = new StringBuilder();
            if (random.nextInt(3) == 0) {
                phone.append(random.nextBoolean() ? "0" : random.nextBoolean() ? "+84" : "84");
            }
            int length = 8 + random.nextInt(8);
            for (int c = 0; c < length; c++) {
                phone.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            boolean valid = VietnamPhone.normalise(phone.toString()).isPresent();
            assertThat(DOCUMENTED.matcher(phone).matches()).as(phone.toString()).isEqualTo(valid);
            accepted += valid ? 1 : 0;
        }
        assertThat(accepted).as("valid numbers among those tried").isGreaterThan(1000);
    }
}
