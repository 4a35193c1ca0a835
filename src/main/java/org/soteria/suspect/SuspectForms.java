package org.soteria.suspect;

import org.soteria.web.form.IsoDate;
import org.soteria.web.form.MaxChars;

/**
 * The repeat-suspect and disruption forms as Spring binds them: the values as typed, each field in the order
 * the page shows it, checked by Bean Validation before the service applies its own rules.
 */
final class SuspectForms {

    private SuspectForms() {
    }

    record LinkDecision(String decision, @MaxChars(value = 500, label = "field.theReason") String reason) {

        Boolean confirm() {
            return "confirm".equals(decision) ? Boolean.TRUE : "reject".equals(decision) ? Boolean.FALSE : null;
        }
    }

    record OrderReview(@IsoDate(label = "field.nextReviewDate") String reviewDate,
            @IsoDate(label = "field.expiryDate") String expiresDate) {
    }

    record Breach(@IsoDate(label = "field.dateOfTheBreach") String breachedOn,
            @MaxChars(value = 40, label = "field.crimeReference") String crimeRef,
            @MaxChars(value = 1000, label = "field.whatHappened") String note) {
    }

    record NewOrder(String type, @IsoDate(label = "field.dateMadeOrImposed") String madeDate,
            @IsoDate(label = "field.expiryDate") String expiresDate, @IsoDate(label = "field.nextReviewDate") String reviewDate,
            @MaxChars(value = 2000, label = "field.prohibitionsAndConditions") String prohibitions) {
    }
}
