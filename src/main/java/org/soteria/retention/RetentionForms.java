package org.soteria.retention;

import org.soteria.web.form.MaxChars;

/** The review form as Spring binds it: the values as typed, checked before the service applies its own rules. */
final class RetentionForms {

    private RetentionForms() {
    }

    record Decide(String decision, @MaxChars(value = RetentionService.MAX_REASON, label = "field.theReason") String reason,
            String exception) {

        boolean exceptionConfirmed() {
            return "yes".equals(exception);
        }
    }
}
