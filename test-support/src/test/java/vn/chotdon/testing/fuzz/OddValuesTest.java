package vn.chotdon.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A seed names every odd value, and a few thousand draws cover every kind of oddness the fuzz relies on. */
class OddValuesTest {

    private static final int DRAWS = 3_000;
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    @Test
    void theSameSeedDrawsTheSameValues() {
        assertThat(draw(20_261_130L, OddValues::jsonValue)).isEqualTo(draw(20_261_130L, OddValues::jsonValue));
        assertThat(draw(20_261_130L, OddValues::pathSegment)).isNotEqualTo(draw(20_261_131L, OddValues::pathSegment));
    }

    @Test
    void numbersReachEveryIntegerLimitAndPastLong() {
        List<String> numbers = draw(FuzzCampaign.DEFAULT_SEED, OddValues::number);

        assertThat(numbers).contains("2147483647", "2147483648", "-2147483649", "9223372036854775807",
                "9223372036854775808", "-9223372036854775809", "-0", "1e309");
        assertThat(numbers).anyMatch(n -> n.matches("-?\\d+") && new BigInteger(n).compareTo(LONG_MAX) > 0);
        assertThat(numbers).anyMatch(n -> n.matches("-?\\d+") && new BigInteger(n).compareTo(LONG_MIN) < 0);
        assertThat(numbers).anyMatch(n -> n.contains("E-"));
    }

    @Test
    void textHasEveryKindOfOddCharacter() {
        List<String> texts = draw(FuzzCampaign.DEFAULT_SEED, OddValues::text);

        assertThat(texts).anyMatch(t -> t.indexOf('\u0000') >= 0);
        assertThat(texts).anyMatch(t -> t.chars().anyMatch(c -> c > 0 && c < 0x20));
        assertThat(texts).anyMatch(OddValuesTest::hasLoneSurrogate);
        assertThat(texts).anyMatch(t -> t.codePoints().anyMatch(Character::isSupplementaryCodePoint));
        assertThat(texts).anyMatch(t -> t.codePoints().anyMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK));
        assertThat(texts).anyMatch(t -> t.codePoints().anyMatch(c -> Character.getDirectionality(c)
                == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC));
        assertThat(texts).anyMatch(t -> t.indexOf('\u202E') >= 0);
        assertThat(texts).anyMatch(t -> t.length() > 5_000);
        assertThat(texts).contains("");
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> draw(long seed, Function<OddValues, String> kind) {
        OddValues odd = new OddValues(new SplittableRandom(seed));
        List<String> values = new ArrayList<>();
        IntStream.range(0, DRAWS).forEach(i -> values.add(kind.apply(odd)));
        return values;
    }
}
