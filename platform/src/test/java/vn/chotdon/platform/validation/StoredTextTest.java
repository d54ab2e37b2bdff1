package vn.chotdon.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class StoredTextTest {

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    record Name(@Size(max = 10) @StoredText(max = 10, folded = true) String name) {
    }

    record Note(@Size(max = 10) @StoredText(max = 10, multiline = true) String note) {
    }

    private static Set<String> problems(Object value) {
        return VALIDATOR.validate(value).stream().map(ConstraintViolation::getMessage)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void vietnameseTextThatFitsIsValidInEitherNormalForm() {
        assertThat(problems(new Name("Bánh giò Huệ".substring(0, 10)))).isEmpty();
        assertThat(problems(new Name("Hue\u0323\u0302"))).isEmpty();
        assertThat(problems(new Name(null))).isEmpty();
    }

    @Test
    void textThatGrowsWhenNormalisedIsMeasuredAsStored() {
        // Ten chars as typed, thirty code points after NFC: @Size alone lets it through.
        assertThat(problems(new Name("\uFB2C".repeat(10)))).containsExactly(
                "must be at most 10 characters (counted after Unicode normalisation)");
        // NFC keeps ten Hangul syllables; the search form decomposes them into thirty jamo.
        assertThat(problems(new Name("한".repeat(10)))).containsExactly(
                "must be at most 10 characters in its search form (without diacritics, decomposed)");
    }

    @Test
    void aSurrogatePairIsOneCharacterAsTheColumnCountsIt() {
        // Nine chars as typed; NFC makes the musical symbol three code points: 7 + 3 = 10 fits.
        assertThat(problems(new Note("abcdefg\uD834\uDD60"))).isEmpty();
        assertThat(problems(new Note("abcdefgh\uD834\uDD60"))).hasSize(1);
    }

    @Test
    void textTooLongAsTypedGetsOneMessage() {
        assertThat(problems(new Name("\uFB2C".repeat(11)))).containsExactly("size must be between 0 and 10");
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreRefused() {
        assertThat(problems(new Name("a\u0000b"))).containsExactly("contains a control character (U+0000)");
        assertThat(problems(new Name("a\tb"))).containsExactly("contains a control character (U+0009)");
        assertThat(problems(new Note("a\tb\r\nc"))).isEmpty();
        assertThat(problems(new Name("a\uD800b"))).containsExactly(
                "contains an unpaired surrogate (\\ud800), which is not text");
        assertThat(problems(new Name("\uDC00"))).hasSize(1);
    }

    @Test
    void everyC1ControlIsRefusedEvenWhereLineBreaksAreAllowed() {
        for (char c = '\u0080'; c <= '\u009F'; c++) {
            assertThat(problems(new Note("a" + c + "b"))).as("U+%04X", (int) c)
                    .containsExactly(String.format("contains a control character (U+%04X)", (int) c));
        }
        assertThat(problems(new Note("a\u007Fb"))).containsExactly("contains a control character (U+007F)");
        assertThat(problems(new Note("giá\u00A0rẻ"))).as("no-break space is text").isEmpty();
    }

    @Test
    void everyC0ControlButTabAndLineBreaksIsRefusedInMultilineText() {
        for (char c = '\u0000'; c < '\u0020'; c++) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertThat(problems(new Note("a" + c + "b")).isEmpty()).as("U+%04X", (int) c).isEqualTo(allowed);
        }
    }

    @Test
    void everyBidiOverrideAndIsolateIsRefused() {
        for (char c : new char[] { '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068',
                '\u2069' }) {
            assertThat(problems(new Note("Giá " + c + "51"))).as("U+%04X", (int) c).containsExactly(String.format(
                    "contains a bidirectional override or isolate (U+%04X), which can make the text display other"
                            + " than it reads", (int) c));
        }
        assertThat(problems(new Name("\u2069"))).hasSize(1);
        // Marks that only set a direction, and the zero-width joiner of emoji, are left alone.
        assertThat(problems(new Note("a\u200Eb\u200Dc"))).isEmpty();
    }
}
