package org.soteria.workforce;

import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.platform.Fault;
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

    record Training(String officer, @NotBlank(message = "{workforceError.chooseACourseOrAccreditation}") String course,
            @IsoDate(label = "field.theCompletionDate", required = true) String completedOn,
            @MaxChars(value = TEXT_LIMIT, label = "field.theEvidence") String evidence) {
    }

    /** A course or accreditation of the training catalogue (ADR 39); the check boxes send "true" when ticked. */
    record Course(@NotBlank(message = "{catalogueError.enterACode}") String code,
            @NotBlank(message = "{catalogueError.enterAName}")
            @MaxChars(value = CourseCatalogue.NAME_LIMIT, label = "field.courseName") String name,
            @MaxChars(value = CourseCatalogue.NAME_LIMIT, label = "field.courseNameCy") String nameCy,
            @OneOf(value = {"course", "accreditation"}, message = "{catalogueError.chooseAKind}") String kind,
            String validForMonths, String specialist,
            @MaxChars(value = CourseCatalogue.DESCRIPTION_LIMIT, label = "field.courseDescription") String description,
            @MaxChars(value = CourseCatalogue.DESCRIPTION_LIMIT, label = "field.courseDescriptionCy")
            String descriptionCy, String retired) {
    }

    record PlanItem(String officer, String course,
            @NotBlank(message = "{workforceError.enterWhatYouMeanTo}")
            @MaxChars(value = TEXT_LIMIT, label = "field.theGoal") String goal,
            @IsoDate(label = "field.theTargetDate") String targetOn) {
    }

    record PlanStatus(String officer,
            @OneOf(value = {"planned", "in_progress", "done", "dropped"}, message = "{workforceError.chooseAStatus}") String status) {
    }

    record TeamView(String needs, @IsoDate(label = "field.from") String from, @IsoDate(label = "field.to") String to,
            String month) {
    }

    record Abstraction(@NotBlank(message = "{workforceError.chooseTheOfficerWhoWas}") String officer,
            @NotBlank(message = "{workforceError.enterWhatTheyWereTaken}")
            @MaxChars(value = TEXT_LIMIT, label = "field.whatTheyWereTakenOffFor") String duty,
            @IsoDate(label = "field.theFirstDay", required = true) String startsOn,
            @IsoDate(label = "field.theLastDay", required = true) String endsOn) {
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
                    faults.put(item.column(), Fault.of("workforceError.chooseHowOften", "#wellbeing.item." + item.column()));
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

    record Supervision(@IsoDate(label = "field.theDateOfTheSession", required = true) String heldOn,
            @MaxChars(value = TEXT_LIMIT, label = "field.whoItWasWith") String supervisor) {
    }

    record Referral(@IsoDate(label = "field.theDateOfTheReferral", required = true) String referredOn,
            @OneOf(value = {"occupational_health", "trauma_support", "other"},
                    message = "{workforceError.chooseWhereYouWereReferred}") String service) {
    }

    record Share(@NotBlank(message = "{workforceError.chooseWhoToShareWith}")
            String viewer) {
    }

    record Guidance(String document, String pillar,
            @MaxChars(value = TEXT_LIMIT, label = "field.theTitle") String title, String url,
            @NotBlank(message = "{workforceError.enterASummaryOfWhat}")
            @MaxChars(value = TEXT_LIMIT, label = "field.theSummary") String summary,
            @IsoDate(label = "field.thePublicationDate", required = true) String publishedOn, String share)
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
                faults.put("pillar", "{workforceError.chooseThePillarTheGuidance}");
            }
            if (isNew() && (title == null || title.isBlank())) {
                faults.put("title", "{workforceError.enterTheTitleOfThe}");
            }
            if (url != null && !url.isBlank() && !url.strip().matches("https?://\\S{3,2000}")) {
                faults.put("url", "{workforceError.enterAWebAddressStarting}");
            }
            return faults;
        }
    }
}
