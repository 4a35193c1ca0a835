package org.soteria.web.form;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A form's whole-number field: empty, or a whole number between {@code min} and {@code max}. */
@Documented
@Constraint(validatedBy = WholeNumber.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WholeNumber {

    long min() default Integer.MIN_VALUE;

    long max() default Integer.MAX_VALUE;

    /** What to do about it, in the page's words: "Enter the number of days as a whole number". */
    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value. */
    class Check implements ConstraintValidator<WholeNumber, String> {
        private long min;
        private long max;

        @Override
        public void initialize(WholeNumber annotation) {
            min = annotation.min();
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank()) {
                return true;
            }
            Long n = FormValues.number(value);
            return n != null && n >= min && n <= max;
        }
    }
}
