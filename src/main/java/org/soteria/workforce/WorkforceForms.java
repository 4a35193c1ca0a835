package org.soteria.workforce;

import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.reference.Coded;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.IsoDate;
import org.soteria.web.form.MaxChars;
import org.soteria.web.form.OneOf;

/**
 * The workforce pages' forms as Spring binds them: the values as typed, each field in the order the page
 * shows it, checked by Bean Validation before the services apply their own rules.
 */
final class WorkforceForms {

    static final int TEXT_LIMIT = 500;

    private WorkforceForms() {
    }

    record Training(String officer, @NotBlank(message = "Choose a course or accreditation") String course,
            @IsoDate(label = "The completion date", required = true) String completedOn,
            @MaxChars(value = TEXT_LIMIT, label = "The evidence") String evidence) {
    }

    record PlanItem(String officer, String course,
            @NotBlank(message = "Enter what you mean to learn or complete")
            @MaxChars(value = TEXT_LIMIT, label = "The goal") String goal,
            @IsoDate(label = "The target date") String targetOn) {
    }

    record PlanStatus(String officer,
            @OneOf(value = {"planned", "in_progress", "done", "dropped"}, message = "Choose a status") String status) {
    }

    record TeamView(String needs, @IsoDate(label = "From") String from, @IsoDate(label = "To") String to,
            String month) {
    }

    record Abstraction(@NotBlank(message = "Choose the officer who was taken off RASSO work") String officer,
            @NotBlank(message = "Enter what they were taken off for, for example public order duty")
            @MaxChars(value = TEXT_LIMIT, label = "What they were taken off for") String duty,
            @IsoDate(label = "The first day", required = true) String startsOn,
            @IsoDate(label = "The last day", required = true) String endsOn) {
    }

    /** A wellbeing check-in: how often, 1 to 5, for each statement of {@link WellbeingService#SCALE}. */
    record CheckIn(String coping, String supported, String switch_off, String sleep, String purpose)
            implements FormErrors.CrossField {

        Map<String, String> answers() {
            return FormErrors.values(this);
        }

        @Override
        public Map<String, String> crossFieldFaults() {
            Map<String, String> faults = new LinkedHashMap<>();
            for (WellbeingService.Item item : WellbeingService.SCALE) {
                String v = answers().get(item.column());
                if (v == null || !v.matches("[1-5]")) {
                    faults.put(item.column(), "Choose how often: \"" + item.statement() + "\"");
                }
            }
            return faults;
        }

        int[] scores() {
            int[] scores = new int[WellbeingService.SCALE.size()];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = Integer.parseInt(answers().get(WellbeingService.SCALE.get(i).column()));
            }
            return scores;
        }
    }

    record Supervision(@IsoDate(label = "The date of the session", required = true) String heldOn,
            @MaxChars(value = TEXT_LIMIT, label = "Who it was with") String supervisor) {
    }

    record Referral(@IsoDate(label = "The date of the referral", required = true) String referredOn,
            @OneOf(value = {"occupational_health", "trauma_support", "other"},
                    message = "Choose where you were referred") String service) {
    }

    record Share(@NotBlank(message = "Enter the user name of someone in your force, for example a trusted colleague")
            String viewer) {
    }

    record Guidance(String document, String pillar,
            @MaxChars(value = TEXT_LIMIT, label = "The title") String title, String url,
            @NotBlank(message = "Enter a summary of what the guidance says and who it is for")
            @MaxChars(value = TEXT_LIMIT, label = "The summary") String summary,
            @IsoDate(label = "The publication date", required = true) String publishedOn, String share)
            implements FormErrors.CrossField {

        boolean isNew() {
            return document == null || document.isBlank();
        }

        GuidanceService.Pillar chosenPillar() {
            return Coded.parse(GuidanceService.Pillar.class, pillar).orElse(null);
        }

        @Override
        public Map<String, String> crossFieldFaults() {
            Map<String, String> faults = new LinkedHashMap<>();
            if (isNew() && chosenPillar() == null) {
                faults.put("pillar", "Choose the pillar the guidance belongs to");
            }
            if (isNew() && (title == null || title.isBlank())) {
                faults.put("title", "Enter the title of the guidance");
            }
            if (url != null && !url.isBlank() && !url.strip().matches("https?://\\S{3,2000}")) {
                faults.put("url", "Enter a web address starting with https://, or leave it empty");
            }
            return faults;
        }
    }
}
