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
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
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

    private static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
