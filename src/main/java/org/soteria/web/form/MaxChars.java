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

/** A form's free-text field of at most {@code value} characters, counted without the spaces around it. */
@Documented
@Constraint(validatedBy = MaxChars.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxChars {

    int value();

    /** The field's label as the page shows it, starting with a capital: "Conditions". */
    String label();

    String message() default "{label} must be {value} characters or fewer";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value. */
    class Check implements ConstraintValidator<MaxChars, String> {
        private int limit;

        @Override
        public void initialize(MaxChars annotation) {
            limit = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.strip().length() <= limit;
        }
    }
}
