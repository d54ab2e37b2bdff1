package vn.chotdon.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text that fits its utf8mb4 column as it is stored, not as it was typed: after
 * {@code VietnameseText.tidy} (NFC, stripped), counted in code points as MySQL counts a
 * VARCHAR's characters, and, when the column keeps a search form too, after
 * {@code VietnameseText.fold}. NFC and folding can make text longer (a Hangul syllable folds
 * to three letters; U+FB2C composes to three code points), so {@code @Size} on the typed text
 * does not protect the column. Also refuses what has no place in stored text: unpaired
 * surrogates (not encodable in UTF-8), control characters (NUL, C0, DEL and C1; but tab and line
 * breaks where {@link #multiline()}) and bidirectional overrides and isolates. Null is valid.
 *
 * <p>Pair it with {@code @Size(max)} of the same limit: {@code @Size} refuses text too long as
 * typed (and documents maxLength in OpenAPI), this refuses text that becomes too long once
 * stored. So that a field gets one message, not two, the stored length is checked here only for
 * text {@code @Size} lets through.
 */
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
@Constraint(validatedBy = StoredTextValidator.class)
public @interface StoredText {

    /** The column's size in characters, e.g. 200 for VARCHAR(200). */
    int max();

    /** The column (or a companion column of the same size) also stores the folded search form. */
    boolean folded() default false;

    /** Tab, line feed and carriage return are allowed (descriptions, notes, addresses). */
    boolean multiline() default false;

    String message() default "is not storable text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
