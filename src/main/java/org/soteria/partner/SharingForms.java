package org.soteria.partner;

import java.util.List;
import org.soteria.web.form.IsoDate;
import org.soteria.web.form.MaxChars;

/** The sharing forms as Spring binds them: the values as typed, checked before the service applies its own rules. */
final class SharingForms {

    private SharingForms() {
    }

    /** Sharing a case: with whom, what, on which basis, the victim's consent, and for a closed case why. */
    record Share(String org, List<String> parts, String basis,
            @IsoDate(label = "field.consentDate") String consentOn, String reauthorise,
            @MaxChars(value = SharingService.MAX_REASON, label = "field.theReason") String reason) {

        boolean reauthorised() {
            return "yes".equals(reauthorise);
        }
    }

    /** Ending a share, with the reason. */
    record End(@MaxChars(value = SharingService.MAX_REASON, label = "field.theReason") String endReason) {
    }

    /** What an ISVA records in a shared case: a support contact, a concern or a question. */
    record IsvaNote(String kind, String concern, String channel,
            @IsoDate(label = "field.date", required = true) String notedOn,
            @MaxChars(value = IsvaService.MAX_TEXT, label = "field.note") String note) {
    }

    /** An officer's answer to an ISVA's question. */
    record Answer(@MaxChars(value = IsvaService.MAX_TEXT, label = "field.answer") String answer) {
    }

    /** One side's note on a case of a joint case review. */
    record ReviewNote(@MaxChars(value = JointReviewService.MAX_NOTE, label = "field.note") String note) {
    }

    /** Registering a partner organisation. */
    record NewOrg(@MaxChars(value = 40, label = "field.partnerCode") String code, String kind,
            @MaxChars(value = 200, label = "field.partnerName") String name) {
    }
}
