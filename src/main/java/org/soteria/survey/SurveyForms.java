package org.soteria.survey;

import java.util.List;
import org.soteria.web.form.IsoDate;
import org.soteria.web.form.MaxChars;
import org.soteria.web.form.WholeNumber;

/** The survey pages' forms as Spring binds them, each field in the order the page shows it. */
final class SurveyForms {

    private SurveyForms() {
    }

    /** A new wave: its title, the teams it goes to (check boxes), its closing day. */
    record Wave(@MaxChars(value = SurveyService.TITLE_LIMIT, label = "field.surveyTitle") String title,
            List<String> teams, @IsoDate(label = "field.theClosingDay", required = true) String closesOn) {
    }

    /** A focus group's theme against a pillar. */
    record Theme(@IsoDate(label = "field.theDayTheGroupMet", required = true) String heldOn,
            @WholeNumber(message = "{surveyError.enterHowManyTookPart}") String participants, String pillar,
            @MaxChars(value = SurveyService.THEME_LIMIT, label = "field.surveyTheme") String theme,
            @MaxChars(value = SurveyService.NOTE_LIMIT, label = "field.surveyNote") String note) {
    }
}
