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

/** A Vietnamese mobile or fixed-line number in any usual form; null is valid (add @NotNull to require one). */
@Target({ FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE })
@Retention(RUNTIME)
@Constraint(validatedBy = VietnamesePhoneNumberValidator.class)
public @interface VietnamesePhoneNumber {

    String message() default "is not a Vietnamese phone number (e.g. 0912 345 678 or +84912345678)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
