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

    record LinkDecision(String decision, @MaxChars(value = 500, label = "The reason") String reason) {

        Boolean confirm() {
            return "confirm".equals(decision) ? Boolean.TRUE : "reject".equals(decision) ? Boolean.FALSE : null;
        }
    }

    record OrderReview(@IsoDate(label = "Next review date") String reviewDate,
            @IsoDate(label = "Expiry date") String expiresDate) {
    }

    record Breach(@IsoDate(label = "Date of the breach") String breachedOn,
            @MaxChars(value = 40, label = "Crime reference") String crimeRef,
            @MaxChars(value = 1000, label = "What happened") String note) {
    }

    record NewOrder(String type, @IsoDate(label = "Date made or imposed") String madeDate,
            @IsoDate(label = "Expiry date") String expiresDate, @IsoDate(label = "Next review date") String reviewDate,
            @MaxChars(value = 2000, label = "Prohibitions and conditions") String prohibitions) {
    }
}
