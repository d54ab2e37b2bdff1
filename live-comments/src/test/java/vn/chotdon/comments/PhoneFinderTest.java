package vn.chotdon.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneFinderTest {

    private final CommentNormaliser normaliser = new CommentNormaliser();
    private final Tokenizer tokenizer = new Tokenizer(normaliser);
    private final PhoneFinder finder = new PhoneFinder();

    private PhoneFinder.Found find(String comment) {
        return finder.find(tokenizer.tokenize(normaliser.prepare(comment)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0912345678              | +84912345678",
            "0912 345 678            | +84912345678",
            "0912.345.678            | +84912345678",
            "0912-345-678            | +84912345678",
            "0912 34 56 78           | +84912345678",
            "09 12 34 56 78          | +84912345678",
            "+84 912 345 678         | +84912345678",
            "+84912345678            | +84912345678",
            "84912345678             | +84912345678",
            "0084 912 345 678        | +84912345678",
            "+84 0912 345 678        | +84912345678",
            "(+84) 912 345 678       | +84912345678",
            "(0912) 345 678          | +84912345678",
            "sdt0912345678           | +84912345678",
            "sđt: 0912345678         | +84912345678",
            "số điện thoại 0369 123 456 | +84369123456",
            "０９１２ ３４５ ６７８      | +84912345678",
            "0912\u00a0345\u00a0678  | +84912345678",
            "0352 111 222            | +84352111222",
            "0563.222.333            | +84563222333",
            "0703888999              | +84703888999",
            "0868 123 456            | +84868123456",
            "0559 123 456            | +84559123456",
            "0876 123 456            | +84876123456",
            "0996 123 456            | +84996123456",
    })
    void readsEveryLocalFormAsOneE164Number(String comment, String e164) {
        PhoneFinder.Found found = find(comment);

        assertThat(found.phonesE164()).containsExactly(e164);
        assertThat(found.invalid()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0123456789",       // 012 has not been a mobile prefix since 2018
            "01688123456",      // the old 11-digit form: mapping it to 038 would be a guess
            "091234567",        // a digit missing
            "0912 345 67",
            "0500123456",       // 050 is not assigned
            "0541234567",
            "02438261234",      // a Hà Nội landline: no SMS, no delivery call on the road
            "912345678",        // no 0, no 84: people who drop the 0 may drop another digit
    })
    void numbersThatAreNoVietnameseMobileAreReportedNotGuessed(String comment) {
        PhoneFinder.Found found = find("bg01 x2 " + comment);

        assertThat(found.phonesE164()).isEmpty();
        assertThat(found.invalid()).hasSize(1);
    }

    @Test
    void aQuantityRightBeforeAPhoneIsNotGluedToIt() {
        PhoneFinder.Found found = find("BG01 2 0912 345 678");

        assertThat(found.phonesE164()).containsExactly("+84912345678");
        List<Token> tokens = tokenizer.tokenize(normaliser.prepare("BG01 2 0912 345 678"));
        assertThat(found.usedTokens()).doesNotContain(2).contains(3, 4, 5);
        assertThat(tokens.get(2).text()).isEqualTo("2");
    }

    @Test
    void aQuantityRightAfterAPhoneIsNotGluedToIt() {
        assertThat(find("0912345678 2").phonesE164()).containsExactly("+84912345678");
        assertThat(find("0912 345 678 2 cái").phonesE164()).containsExactly("+84912345678");
    }

    @Test
    void aCodesDigitsNeverStartAPhone() {
        PhoneFinder.Found found = find("bg01 0912345678");

        assertThat(found.phonesE164()).containsExactly("+84912345678");
        assertThat(found.usedTokens()).containsExactly(2);
    }

    @Test
    void twoDifferentPhonesAreBothFound() {
        assertThat(find("0912345678 hoặc 0987.654.321").phonesE164())
                .containsExactly("+84912345678", "+84987654321");
    }

    @Test
    void theSamePhoneTwiceIsOnePhone() {
        assertThat(find("0912345678 / 0912 345 678").phonesE164()).containsExactly("+84912345678");
    }

    @Test
    void shortNumbersAreNeitherPhonesNorInvalidPhones() {
        PhoneFinder.Found found = find("bg01 2 bc02 3 ngõ 15 số 8");

        assertThat(found.phonesE164()).isEmpty();
        assertThat(found.invalid()).isEmpty();
        assertThat(found.usedTokens()).isEmpty();
    }

    @Test
    void aSingleNumberIsNormalisedForOtherCallers() {
        assertThat(finder.mobileE164("+84 912-345-678")).contains("+84912345678");
        assertThat(finder.mobileE164("0912 345 678")).contains("+84912345678");
        assertThat(finder.mobileE164("0241 234 5678")).isEmpty();
    }
}
