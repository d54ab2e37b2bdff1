package vn.chotdon.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import vn.chotdon.platform.text.VietnameseText;

public class StoredTextValidator implements ConstraintValidator<StoredText, String> {

    private int max;
    private boolean folded;
    private boolean multiline;

    @Override
    public void initialize(StoredText annotation) {
        this.max = annotation.max();
        this.folded = annotation.folded();
        this.multiline = annotation.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = problem(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    private String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate (\\u" + Integer.toHexString(c) + "), which is not text";
            } else if (Character.isISOControl(c) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                // C0, DEL and C1 (U+0080-U+009F): nothing a person types, and C1 is often mis-decoded Windows-1252.
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            } else if (isBidiControl(c)) {
                return "contains a bidirectional override or isolate (U+" + String.format("%04X", (int) c)
                        + "), which can make the text display other than it reads";
            }
        }
        if (value.length() > max) {
            // Too long as typed already: @Size on the same field says so, once.
            return null;
        }
        if (codePoints(VietnameseText.tidy(value)) > max) {
            return "must be at most " + max + " characters (counted after Unicode normalisation)";
        }
        if (folded && codePoints(VietnameseText.fold(value)) > max) {
            return "must be at most " + max + " characters in its search form (without diacritics, decomposed)";
        }
        return null;
    }

    /**
     * Embeddings and overrides (U+202A-U+202E) and isolates (U+2066-U+2069) reorder what follows
     * them on screen: a product name could show a price or a phone number other than the one stored.
     */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
