package vn.chotdon.testing.fuzz;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The odd values a client can send, as jqwik arbitraries: numbers at and past every integer
 * limit, text around column sizes and text that changes length when it is normalised (NFC,
 * case folding, decomposition), control characters, unpaired surrogates, emoji.
 */
final class OddValues {

    /**
     * Characters whose stored form is longer than what was typed: NFC expands U+FB2C (3 code
     * points) and U+0958 (2); decomposition for search folds a Hangul syllable into 3 jamo; İ
     * lower-cases to 2 chars; the musical symbol is a surrogate pair that NFC makes 3 code points.
     */
    private static final String[] GROWERS = { "\uFB2C", "\u0958", "한", "\u0130", "\uD834\uDD60", "\u0344", "ǅ", "ﬃ" };
    private static final String[] SHAPES = { "", " ", "\u00A0", "\u200B", "\uFEFF", "\u202E", "\u0000", "\t", "\n",
            "\r\n", "\u007F", "\u0085", "\u2028", "'", "\"", "\\", "%", "_", "../", "' OR 1=1 --", "<script>",
            "😀", "👨‍👩‍👧‍👦", "\uD800", "\uDC00", "\uFFFF", "\uFFFE", "Huệ", "Hue\u0323\u0302", "Đ", "İ",
            "null", "true", "0", "-1", "1e309", "NaN" };
    private static final Integer[] LIMITS = { 16, 20, 32, 64, 99, 100, 101, 199, 200, 201, 255, 256, 499, 500, 501,
            1000, 2000, 2001, 4999, 5000, 5001, 65536 };

    private OddValues() {
    }

    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(SHAPES)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMinLength(1).ofMaxLength(8)),
                Tuple.of(3, grown()),
                Tuple.of(3, aroundLimit()),
                Tuple.of(1, Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMinLength(1).ofMaxLength(4)),
                Tuple.of(2, Combinators.combine(Arbitraries.of(SHAPES), Arbitraries.of(SHAPES),
                        Arbitraries.strings().alpha().numeric().ofMaxLength(6)).as((a, b, c) -> a + c + b)));
    }

    /** A text that passes a character count and grows once normalised. */
    private static Arbitrary<String> grown() {
        return Combinators.combine(Arbitraries.of(GROWERS), Arbitraries.of(LIMITS)).as((grower, times) ->
                grower.repeat(Math.max(1, times / grower.length())));
    }

    /** Exactly as many UTF-16 chars as a field's maxLength allows, of characters that grow when stored. */
    static Arbitrary<String> grownTo(int maxLength) {
        return Arbitraries.of(GROWERS).map(grower -> grower.repeat(Math.max(1, maxLength / grower.length())));
    }

    private static Arbitrary<String> aroundLimit() {
        return Combinators.combine(Arbitraries.of("a", "ệ", "😀", " ", "Đ"), Arbitraries.of(LIMITS))
                .as((c, n) -> c.repeat(n));
    }

    /** Numbers as JSON text: every integer limit, past Long, fractions, exponents, negative zero. */
    static Arbitrary<String> number() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("0", "-0", "-1", "1", "2147483647", "2147483648", "-2147483649",
                        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
                        "18446744073709551616", "1000000000", "1000000001", "999999999999", "1e3", "1E3", "1.0", "1.5",
                        "-0.0", "1e308", "1e309", "-1e309", "4.9e-324", "1e-400", "123456789012345678901234567890",
                        "0.1e1", "1e18", "1e19", "100000000000000000000")),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.integers().between(-3, 1000).map(String::valueOf)),
                Tuple.of(1, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(18).negate(),
                        BigInteger.TEN.pow(40)).map(BigInteger::toString)),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf)
                        .filter(d -> !d.contains("N") && !d.contains("I"))));
    }

    /** Any JSON value as text: odd numbers, odd strings, other types, nesting. */
    static Arbitrary<String> jsonValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, number()),
                Tuple.of(4, text().map(JsonText::quote)),
                Tuple.of(2, Arbitraries.of("null", "true", "false", "[]", "{}", "[null]", "[[]]",
                        "{\"\":null}", "[1,2,3]", "\"\"", "[\"a\"]", "{\"a\":{\"b\":[]}}")),
                Tuple.of(1, Arbitraries.integers().between(1, 3000)
                        .map(depth -> "[".repeat(depth) + "]".repeat(depth))),
                Tuple.of(1, Arbitraries.integers().between(1, 20000)
                        .map(n -> "[" + "0,".repeat(n) + "0]")));
    }

    /** A path segment, percent-encoded where needed, sometimes encoded wrongly on purpose. */
    static Arbitrary<String> pathSegment() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, number()),
                Tuple.of(3, text().map(JsonText::percentEncode)),
                Tuple.of(2, Arbitraries.of("%2F", "a%2Fb", "..", "%2e%2e", ".", "%00", "%FF", "%C3%28",
                        "%E2%82", "%", "%zz", "%20", "~", "BG01", "bg01", "BG%C4%910", "B%C3%8701", "%F0%9F%98%80",
                        "X".repeat(5000), ";a=b", "0x10", "+1", "01")));
    }
}
