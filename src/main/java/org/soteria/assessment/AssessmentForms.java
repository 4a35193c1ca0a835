package org.soteria.assessment;

import java.util.Map;
import org.soteria.web.form.FormValues;
import org.soteria.web.form.IsoDate;
import org.soteria.web.form.MaxChars;
import org.soteria.web.form.WholeNumber;

/**
 * The self-assessment, deep-dive, framework and improvement-plan forms as Spring binds them: the values as
 * typed, each field in the order the page shows it, checked by Bean Validation before the services apply
 * their own rules. (A section's answers are the framework's questions, which are data; that form is read
 * question by question in {@link AssessmentController}.)
 */
final class AssessmentForms {

    private AssessmentForms() {
    }

    record NewAssessment(@MaxChars(value = 200, label = "field.title") String title, String frameworkId) {
    }

    record Comment(String comment, String needsReview) {
    }

    record Sample(@MaxChars(value = 200, label = "field.title") String title,
            @IsoDate(label = "field.recordedFrom", required = true) String from,
            @IsoDate(label = "field.recordedTo", required = true) String to,
            @WholeNumber(message = "{assessmentError.enterHowManyCrimesTo}") String perStratum, String allocation,
            String template, @WholeNumber(min = Long.MIN_VALUE, max = Long.MAX_VALUE,
                    message = "{assessmentError.enterTheSeedAsA}") String seed) {
    }

    /**
     * A case file review's fixed part: the missed opportunity and the learning. Its items are the sample's template's,
     * which are data: their answers are read by item code from the request ({@code given}), as a self-assessment
     * section's questions are, and checked against each item's scale by {@link DeepDiveService#review}.
     */
    record FileReview(String missedOpportunity,
            @MaxChars(value = DeepDiveService.TEXT_LIMIT, label = "field.missedOpportunity") String missedNote,
            @MaxChars(value = DeepDiveService.TEXT_LIMIT, label = "field.learning") String learning) {

        DeepDiveService.ReviewForm read(Map<String, String> given) {
            Boolean missed = "yes".equals(missedOpportunity) ? Boolean.TRUE
                    : "no".equals(missedOpportunity) ? Boolean.FALSE : null;
            return new DeepDiveService.ReviewForm(given, missed, FormValues.text(missedNote), FormValues.text(learning));
        }
    }

    /** An item of a review template (the coordinator's) or of the force's own (the force lead's). */
    record TemplateItem(@MaxChars(value = 40, label = "field.shortName") String code, String pillar, String scale,
            String mayNotApply, @MaxChars(value = ReviewTemplates.TEXT_LIMIT, label = "field.reviewItem") String text,
            @MaxChars(value = ReviewTemplates.TEXT_LIMIT, label = "field.reviewItemCy") String textCy,
            @MaxChars(value = ReviewTemplates.GUIDANCE_LIMIT, label = "field.guidance") String guidance,
            @MaxChars(value = ReviewTemplates.GUIDANCE_LIMIT, label = "field.guidanceCy") String guidanceCy) {

        ReviewTemplates.ItemWords read() {
            return new ReviewTemplates.ItemWords(FormValues.text(code), FormValues.integer(pillar), FormValues.text(scale),
                    "true".equals(mayNotApply), FormValues.text(text), FormValues.text(textCy),
                    FormValues.text(guidance), FormValues.text(guidanceCy));
        }
    }

    record Question(String questionId, String section, String text, String textCy, String guidance,
            String guidanceCy, String evidence, String evidenceCy) {

        /** The question changed, or null for a new one; an id that is not a number names no question (-1). */
        Long id() {
            String raw = FormValues.text(questionId);
            return raw == null ? null : java.util.Objects.requireNonNullElse(FormValues.number(raw), -1L);
        }
    }

    record Action(@MaxChars(value = 200, label = "field.action") String title,
            @MaxChars(value = 4000, label = "field.description") String description,
            @WholeNumber(message = "{assessmentError.selectThePillar}") String pillar,
            @MaxChars(value = 200, label = "field.owner") String owner, @IsoDate(label = "field.dueDate") String dueOn,
            java.util.List<String> measures, @IsoDate(label = "field.dateItWentLive") String liveOn, String answers,
            java.util.List<String> statements) {

        ImprovementService.ActionForm read() {
            return new ImprovementService.ActionForm(FormValues.text(title), FormValues.text(description),
                    FormValues.integer(pillar), FormValues.text(owner), FormValues.date(dueOn),
                    measures == null ? java.util.List.of() : measures.stream().map(FormValues::text)
                            .filter(java.util.Objects::nonNull).toList(),
                    FormValues.date(liveOn), FormValues.text(answers), statements == null ? java.util.List.of()
                            : statements.stream().map(FormValues::text).filter(java.util.Objects::nonNull).toList());
        }
    }

    record Update(@IsoDate(label = "field.dateOfTheUpdate", required = true) String on, String rag,
            @MaxChars(value = 4000, label = "field.progress") String note,
            @MaxChars(value = 1000, label = "field.evidence") String evidence,
            @IsoDate(label = "field.dateItWentLive") String liveOn, String done) {

        ImprovementService.UpdateForm read() {
            return new ImprovementService.UpdateForm(FormValues.date(on), FormValues.text(rag), FormValues.text(note),
                    FormValues.text(evidence), FormValues.date(liveOn), "true".equals(done));
        }
    }
}
