package org.soteria.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.IsoDate;
import org.soteria.web.form.MaxChars;
import org.soteria.web.form.WholeNumber;

/** The survey pages' forms as Spring binds them, each field in the order the page shows it. */
final class SurveyForms {

    private SurveyForms() {
    }

    /** A new wave: its title, the teams it goes to (check boxes), its closing day. */
    record Wave(@MaxChars(value = SurveyService.TITLE_LIMIT, label = "field.surveyTitle") String title,
            List<String> teams, @IsoDate(label = "field.theClosingDay", required = true) String closesOn)
            implements FormErrors.CrossField {

        /** Said at once with the date's faults (the service checks them again, and the teams against the force's). */
        @Override
        public Map<String, String> crossFieldFaults() {
            Map<String, String> out = new LinkedHashMap<>();
            if (title == null || title.strip().length() < 3) {
                out.put("title", "{surveyError.enterATitle}");
            }
            if (teams == null || teams.stream().allMatch(t -> t == null || t.isBlank())) {
                out.put("teams", "{surveyError.chooseTheTeams}");
            }
            return out;
        }
    }

    /** A focus group's theme against a pillar. */
    record Theme(@IsoDate(label = "field.theDayTheGroupMet", required = true) String heldOn,
            @WholeNumber(message = "{surveyError.enterHowManyTookPart}") String participants, String pillar,
            @MaxChars(value = SurveyService.THEME_LIMIT, label = "field.surveyTheme") String theme,
            @MaxChars(value = SurveyService.NOTE_LIMIT, label = "field.surveyNote") String note)
            implements FormErrors.CrossField {

        @Override
        public Map<String, String> crossFieldFaults() {
            Map<String, String> out = new LinkedHashMap<>();
            Integer n = participants == null || !participants.strip().matches("[0-9]{1,3}") ? null
                    : Integer.valueOf(participants.strip());
            if (n == null || n < 1 || n > 100) {
                out.put("participants", "{surveyError.enterHowManyTookPart}");
            }
            if (pillar == null || !pillar.matches("[1-6]")) {
                out.put("pillar", "{surveyError.chooseThePillar}");
            }
            if (theme == null || theme.strip().length() < 3) {
                out.put("theme", "{surveyError.enterTheTheme}");
            }
            return out;
        }
    }
}
