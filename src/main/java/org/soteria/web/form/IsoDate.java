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

/** A form's date field (YYYY-MM-DD): a real date, or empty unless {@link #required}. */
@Documented
@Constraint(validatedBy = IsoDate.Check.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDate {

    /** The message code of the field's label as the page shows it: {@code field.startDate} ("Start date"). */
    String label();

    /** Whether the date must be given ("Enter start date" when it is not). */
    boolean required() default false;

    /** Unused: the message is {@link Fault#notADate}, or {@link Fault#enter} for a required date left empty. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the value. */
    class Check implements ConstraintValidator<IsoDate, String> {
        private IsoDate date;

        @Override
        public void initialize(IsoDate annotation) {
            date = annotation;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String fault = null;
            if (value == null || value.isBlank()) {
                fault = date.required() ? Fault.enter(date.label()) : null;
            } else if (DateFields.missing(value) != null) {
                fault = Fault.dateMissing(date.label(), DateFields.missing(value));
            } else if (FormValues.date(value) == null) {
                fault = Fault.notADate(date.label());
            }
            if (fault == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(FormErrors.literal(fault)).addConstraintViolation();
            return false;
        }
    }
}
