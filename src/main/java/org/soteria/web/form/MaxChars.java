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
import org.soteria.platform.Fault;

/** A form's free-text field of at most {@code value} characters, counted without the spaces around it. */
@Documented
@Constraint(validatedBy = MaxChars.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxChars {

    int value();

    /** The message code of the field's label as the page shows it: {@code field.conditions} ("Conditions"). */
    String label();

    /** Unused: the message is {@link Fault#tooLong}. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value. */
    class Check implements ConstraintValidator<MaxChars, String> {
        private MaxChars field;

        @Override
        public void initialize(MaxChars annotation) {
            field = annotation;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.strip().length() <= field.value()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(FormErrors.literal(Fault.tooLong(field.label(), field.value())))
                    .addConstraintViolation();
            return false;
        }
    }
}
