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
import java.util.Arrays;

/** A required choice: one of the given codes (radios, a select). The message says what to choose. */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    String[] value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value. */
    class Check implements ConstraintValidator<OneOf, String> {
        private String[] codes;

        @Override
        public void initialize(OneOf annotation) {
            codes = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null && Arrays.asList(codes).contains(value.strip());
        }
    }
}
