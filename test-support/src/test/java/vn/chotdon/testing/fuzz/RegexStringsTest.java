package vn.chotdon.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The patterns OpenAPI documents write generate strings they match whole, with a fair spread. */
class RegexStringsTest {

    @ParameterizedTest
    @ValueSource(strings = { "\\S", "https?://\\S+", "[A-Za-z0-9_.:-]+", "^[A-Za-z0-9]{1,16}$", "^(0|\\+84)[35789]\\d{8}$",
            "^[A-Z][A-Z0-9]{1,9}$", "^(?:CAI|KG|HOP)$", "^[^\\p{Cc}\\p{Cf}]*$", "^\\p{L}[\\p{L} .'-]*$",
            "^0\\d{2,3}( ?\\d{3}){2,3}$", "[a-z]{2}-[0-9]{2,}" })
    void everyGeneratedStringMatchesWhole(String regex) {
        SplittableRandom random = new SplittableRandom(FuzzCampaign.DEFAULT_SEED);
        for (int i = 0; i < 300; i++) {
            assertThat(RegexStrings.generate(regex, random)).matches(Pattern.compile(regex));
        }
    }

    @Test
    void alternativesAndRangesAreAllReached() {
        SplittableRandom random = new SplittableRandom(1);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(RegexStrings.generate("^(?:CAI|KG|HOP)$", random));
        }
        assertThat(seen).containsExactlyInAnyOrder("CAI", "KG", "HOP");
    }

    @Test
    void lookAroundsAreUnsupportedRatherThanWrong() {
        assertThatThrownBy(() -> RegexStrings.generate("^(?!0)\\d+$", new SplittableRandom(1)))
                .isInstanceOf(RegexStrings.Unsupported.class);
    }

    @Test
    void anchoredMeansBothEnds() {
        assertThat(RegexStrings.anchored("^[A-Z]+$")).isTrue();
        assertThat(RegexStrings.anchored("[A-Z]+")).isFalse();
        assertThat(RegexStrings.anchored("^[A-Z]+")).isFalse();
    }
}
