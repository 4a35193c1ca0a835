package org.soteria.assessment;

import java.util.EnumMap;
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
            @WholeNumber(min = Long.MIN_VALUE, max = Long.MAX_VALUE,
                    message = "{assessmentError.enterTheSeedAsA}") String seed) {
    }

    /** A case file review: a rating for each {@link ReviewItem}, by its code, then the missed opportunity and learning. */
    record FileReview(String suspect_focus, String timeliness, String victim_engagement, String proportionality,
            String missedOpportunity,
            @MaxChars(value = DeepDiveService.TEXT_LIMIT, label = "field.missedOpportunity") String missedNote,
            @MaxChars(value = DeepDiveService.TEXT_LIMIT, label = "field.learning") String learning) {

        DeepDiveService.ReviewForm read() {
            Map<ReviewItem, ReviewItem.Rating> ratings = new EnumMap<>(ReviewItem.class);
            ratings.put(ReviewItem.SUSPECT_FOCUS, ReviewItem.Rating.of(suspect_focus));
            ratings.put(ReviewItem.TIMELINESS, ReviewItem.Rating.of(timeliness));
            ratings.put(ReviewItem.VICTIM_ENGAGEMENT, ReviewItem.Rating.of(victim_engagement));
            ratings.put(ReviewItem.PROPORTIONALITY, ReviewItem.Rating.of(proportionality));
            Boolean missed = "yes".equals(missedOpportunity) ? Boolean.TRUE
                    : "no".equals(missedOpportunity) ? Boolean.FALSE : null;
            return new DeepDiveService.ReviewForm(ratings, missed, FormValues.text(missedNote), FormValues.text(learning));
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
