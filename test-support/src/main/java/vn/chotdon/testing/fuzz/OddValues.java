package vn.chotdon.testing.fuzz;

import java.util.random.RandomGenerator;

/**
 * The odd values a client can send, drawn from the campaign's seeded random so that a seed names
 * every value: numbers at and past every integer limit, text around column sizes and text that
 * changes length when it is normalised (NFC, case folding, decomposition), control characters,
 * unpaired surrogates, emoji, combining marks, right-to-left text.
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
            "null", "true", "0", "-1", "1e309", "NaN", "שלום", "مرحبا", "\u200F", "\u2067abc\u2069",
            "a" + "\u0301".repeat(64), "🇻🇳", "\uDBFF\uDFFF" };
    private static final int[] LIMITS = { 16, 20, 32, 64, 99, 100, 101, 199, 200, 201, 255, 256, 499, 500, 501,
            1000, 2000, 2001, 4999, 5000, 5001, 65536 };
    private static final String[] LIMIT_FILLERS = { "a", "ệ", "😀", " ", "Đ" };
    private static final String[] NUMBERS = { "0", "-0", "-1", "1", "2147483647", "2147483648", "-2147483648",
            "-2147483649", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "32767", "32768", "-32769", "255", "256", "65535",
            "65536", "1000000000", "1000000001", "999999999999", "1e3", "1E3", "1.0", "1.5", "-0.0", "1e308",
            "1e309", "-1e309", "4.9e-324", "1e-400", "123456789012345678901234567890", "0.1e1", "1e18", "1e19",
            "100000000000000000000", "9007199254740993" };
    private static final String[] OTHER_JSON = { "null", "true", "false", "[]", "{}", "[null]", "[[]]",
            "{\"\":null}", "[1,2,3]", "\"\"", "[\"a\"]", "{\"a\":{\"b\":[]}}" };
    private static final String[] ODD_SEGMENTS = { "%2F", "a%2Fb", "..", "%2e%2e", ".", "%00", "%FF", "%C3%28",
            "%E2%82", "%", "%zz", "%20", "~", "BG01", "bg01", "BG%C4%910", "B%C3%8701", "%F0%9F%98%80",
            "X".repeat(5000), ";a=b", "0x10", "+1", "01" };

    private final RandomGenerator random;

    OddValues(RandomGenerator random) {
        this.random = random;
    }

    String text() {
        return switch (weighted(3, 3, 2, 3, 3, 1, 2)) {
            case 0 -> pick(SHAPES);
            case 1 -> anyChars(random.nextInt(41));
            case 2 -> charsBetween('\u0000', '\u001F', 1 + random.nextInt(8));
            case 3 -> grown();
            case 4 -> pick(LIMIT_FILLERS).repeat(pick(LIMITS));
            case 5 -> charsBetween('\uD800', '\uDFFF', 1 + random.nextInt(4));
            default -> pick(SHAPES) + alphanumeric(random.nextInt(7)) + pick(SHAPES);
        };
    }

    /** A text that passes a character count and grows once normalised. */
    private String grown() {
        return grownTo(pick(LIMITS));
    }

    /** Exactly as many UTF-16 chars as a field's maxLength allows, of characters that grow when stored. */
    String grownTo(int maxLength) {
        String grower = pick(GROWERS);
        return grower.repeat(Math.max(1, maxLength / grower.length()));
    }

    /** Numbers as JSON text: every integer limit, past Long, fractions, exponents, negative zero. */
    String number() {
        return switch (weighted(4, 2, 1, 1, 1)) {
            case 0 -> pick(NUMBERS);
            case 1 -> String.valueOf(random.nextLong());
            case 2 -> String.valueOf(random.nextInt(-3, 1001));
            case 3 -> bigInteger();
            default -> finiteDouble();
        };
    }

    /** Any JSON value as text: odd numbers, odd strings, other types, nesting. */
    String jsonValue() {
        return switch (weighted(4, 4, 2, 1, 1)) {
            case 0 -> number();
            case 1 -> JsonText.quote(text());
            case 2 -> pick(OTHER_JSON);
            case 3 -> {
                int depth = random.nextInt(1, 3001);
                yield "[".repeat(depth) + "]".repeat(depth);
            }
            default -> "[" + "0,".repeat(random.nextInt(1, 20001)) + "0]";
        };
    }

    /** A path segment, percent-encoded where needed, sometimes encoded wrongly on purpose. */
    String pathSegment() {
        return switch (weighted(3, 3, 2)) {
            case 0 -> number();
            case 1 -> JsonText.percentEncode(text());
            default -> pick(ODD_SEGMENTS);
        };
    }

    /** Any UTF-16 chars, lone surrogates included, now and then a supplementary code point such as an emoji. */
    private String anyChars(int length) {
        StringBuilder out = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(8) == 0) {
                out.appendCodePoint(random.nextInt(Character.MIN_SUPPLEMENTARY_CODE_POINT, Character.MAX_CODE_POINT + 1));
            } else {
                out.append((char) random.nextInt(Character.MAX_VALUE + 1));
            }
        }
        return out.toString();
    }

    private String charsBetween(char first, char last, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) random.nextInt(first, last + 1));
        }
        return out.toString();
    }

    private String alphanumeric(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return charsFrom(alphabet, length);
    }

    private String charsFrom(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** An integer from -10^18 to 10^40 written out in digits, past what Long holds most of the time. */
    private String bigInteger() {
        int digits = random.nextInt(1, 41);
        String value = (char) ('1' + random.nextInt(9)) + charsFrom("0123456789", digits - 1);
        return digits <= 18 && random.nextBoolean() ? "-" + value : value;
    }

    /** A finite double: a plain fraction, or any bit pattern from subnormal to the largest (exponents included). */
    private String finiteDouble() {
        if (random.nextBoolean()) {
            return String.valueOf((random.nextDouble() - 0.5) * 2_000_000);
        }
        double value;
        do {
            value = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(value));
        return String.valueOf(value);
    }

    private int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private int pick(int[] options) {
        return options[random.nextInt(options.length)];
    }
}
