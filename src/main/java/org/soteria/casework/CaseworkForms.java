package org.soteria.casework;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.soteria.reference.Coded;
import org.soteria.reference.CpsDecision;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.soteria.web.form.IsoDate;
import org.soteria.web.form.MaxChars;
import org.soteria.web.form.WholeNumber;

/**
 * The casework pages' forms as Spring binds them: the values as typed (so a refused form shows them again),
 * each field in the order the page shows it, checked by Bean Validation; then read as the services' types.
 * What is missing or not allowed by the record's own state (no suspect chosen, a stage out of turn) the
 * services say.
 */
final class CaseworkForms {

    private static final int TEXT = CaseworkSupport.TEXT_LIMIT;

    private CaseworkForms() {
    }

    record NewBail(String suspectRef, String kind,
            @IsoDate(label = "field.startDate", required = true) String startedOn,
            @IsoDate(label = "field.bailEndDate") String expiresOn,
            @MaxChars(value = 200, label = "field.authorisedBy") String authorisedBy,
            @IsoDate(label = "field.reviewDate") String reviewOn,
            @MaxChars(value = TEXT, label = "field.conditions") String conditions) {

        BailService.BailForm read() {
            return new BailService.BailForm(FormValues.number(suspectRef), Codes.parse(Codes.BailKind.class, kind),
                    FormValues.date(startedOn), FormValues.date(expiresOn), FormValues.date(reviewOn),
                    FormValues.text(authorisedBy), FormValues.text(conditions));
        }
    }

    record BailChange(@IsoDate(label = "field.bailEndDate") String expiresOn,
            @MaxChars(value = 200, label = "field.authorisedBy") String authorisedBy,
            @IsoDate(label = "field.reviewDate") String reviewOn) {
    }

    record BailEnding(@IsoDate(label = "field.endDate", required = true) String endedOn, String endReason) {
    }

    record CpsSubmission(String kind,
            @MaxChars(value = TEXT, label = "field.question") String question,
            @IsoDate(label = "field.dateAsked") String adviceOn,
            @MaxChars(value = TEXT, label = "field.summary") String summary,
            @IsoDate(label = "field.dateReferred") String referredOn) implements FormErrors.CrossField {

        boolean referral() {
            return "referral".equals(kind);
        }

        String text() {
            return FormValues.text(referral() ? summary : question);
        }

        LocalDate on() {
            return FormValues.date(referral() ? referredOn : adviceOn);
        }

        @Override
        public Map<String, String> crossFieldFaults() {
            Map<String, String> faults = new LinkedHashMap<>();
            if (referral() && FormValues.text(referredOn) == null) {
                faults.put("referredOn", "{caseworkError.enterDateReferred}");
            } else if (!referral() && FormValues.text(adviceOn) == null) {
                faults.put("adviceOn", "{caseworkError.enterDateAsked}");
            }
            return faults;
        }
    }

    record CpsActionForm(@MaxChars(value = TEXT, label = "field.action") String action, String side,
            String actionOwner, @IsoDate(label = "field.dueDate") String actionDue) {
    }

    record CpsReviewForm(String verdict, @MaxChars(value = TEXT, label = "field.yourAnswer") String note,
            @IsoDate(label = "field.dateOfYourAnswer", required = true) String reviewedOn) {
    }

    record EngagementForm(@IsoDate(label = "field.engagementDate", required = true) String engagedOn, String party,
            String startedBy, @MaxChars(value = TEXT, label = "field.whatWasDiscussed") String engagementSummary) {
    }

    record CpsDecisionForm(@IsoDate(label = "field.dateOfTheDecision", required = true) String decidedOn,
            String decision) {

        CpsDecision chosen() {
            return Coded.parse(CpsDecision.class, decision).orElse(null);
        }
    }

    record NewDevice(@MaxChars(value = 40, label = "field.exhibitReference") String exhibitRef, String type, String owner,
            String requestId, @IsoDate(label = "field.dateSubmitted", required = true) String submittedOn) {

        ForensicsService.DeviceForm read() {
            return new ForensicsService.DeviceForm(FormValues.text(exhibitRef), Codes.parse(Codes.DeviceType.class, type),
                    Codes.parse(Codes.DeviceOwner.class, owner), FormValues.number(requestId),
                    FormValues.date(submittedOn));
        }
    }

    record DeviceStep(@IsoDate(label = "field.date", required = true) String on, String triage) {
    }

    record NewMaterialRequest(String victimRef, String material, String lineId,
            @MaxChars(value = 200, label = "field.whoHoldsIt") String holder,
            @MaxChars(value = TEXT, label = "field.whatIsAskedFor") String scope,
            @MaxChars(value = TEXT, label = "field.justification") String justification,
            @MaxChars(value = TEXT, label = "field.lessIntrusiveOptions") String leastIntrusive,
            @IsoDate(label = "field.dateTheVictimWasTold") String victimInformedOn, String victimView,
            @MaxChars(value = TEXT, label = "field.theVictimsView") String victimViewNote) {

        MaterialRequestService.RequestForm read() {
            return new MaterialRequestService.RequestForm(FormValues.number(victimRef),
                    Codes.parse(Codes.Material.class, material), FormValues.number(lineId), FormValues.text(holder),
                    FormValues.text(scope), FormValues.text(justification), FormValues.text(leastIntrusive),
                    FormValues.date(victimInformedOn), Codes.parse(Codes.VictimView.class, victimView),
                    FormValues.text(victimViewNote));
        }
    }

    record MaterialDecision(String decision, @MaxChars(value = TEXT, label = "field.reasons") String note) {
    }

    record MaterialProgress(String step, @IsoDate(label = "field.dateSent") String sentOn,
            @IsoDate(label = "field.dateReturned") String returnedOn,
            @MaxChars(value = 1000, label = "field.reason") String reason) implements FormErrors.CrossField {

        @Override
        public Map<String, String> crossFieldFaults() {
            Map<String, String> faults = new LinkedHashMap<>();
            if ("sent".equals(step) && FormValues.text(sentOn) == null) {
                faults.put("sentOn", "{caseworkError.enterDateSent}");
            } else if ("returned".equals(step) && FormValues.text(returnedOn) == null) {
                faults.put("returnedOn", "{caseworkError.enterDateReturned}");
            }
            return faults;
        }
    }

    record NewLine(String focus, String decision, String prompt,
            @MaxChars(value = TEXT, label = "field.lineOfEnquiry") String description, String owner,
            @IsoDate(label = "field.dueDate") String due,
            @MaxChars(value = TEXT, label = "field.reason") String reason) implements FormErrors.CrossField {

        boolean notPursued() {
            return "not_pursued".equals(decision);
        }

        @Override
        public Map<String, String> crossFieldFaults() {
            return notPursued() && FormValues.text(reason) == null
                    ? Map.of("reason", "{caseworkError.enterWhyNotPursued}") : Map.of();
        }

        PlanService.LineForm read() {
            return new PlanService.LineForm(Codes.parse(Codes.Focus.class, focus), FormValues.text(prompt),
                    FormValues.text(description), FormValues.text(owner), FormValues.date(due),
                    notPursued() ? FormValues.text(reason) : null);
        }
    }

    record LineClosing(String status, @MaxChars(value = TEXT, label = "field.result") String result) {
    }

    record NewReview(@IsoDate(label = "field.dateOfTheReview", required = true) String reviewedOn, String suspectFocus,
            String victimEngagement, String proportionality, String bailStatus,
            @MaxChars(value = TEXT, label = "field.directions") String directions) {

        ReviewService.ReviewForm read() {
            return new ReviewService.ReviewForm(FormValues.date(reviewedOn), Codes.parse(Codes.Answer.class, suspectFocus),
                    Codes.parse(Codes.Answer.class, victimEngagement), Codes.parse(Codes.Answer.class, proportionality),
                    Codes.parse(Codes.Answer.class, bailStatus), FormValues.text(directions));
        }
    }

    record Stage(String code, @MaxChars(value = 120, label = "field.name") String name,
            @MaxChars(value = 120, label = "field.nameCy") String nameCy,
            @MaxChars(value = 1000, label = "field.guidance") String guidance,
            @MaxChars(value = 1000, label = "field.guidanceCy") String guidanceCy,
            @WholeNumber(message = "{caseworkError.enterStagePlace}") String position,
            String active) {

        boolean isNew() {
            return code == null || code.isBlank();
        }

        PlanService.StageForm read() {
            return new PlanService.StageForm(isNew() ? null : code.strip(), FormValues.text(name),
                    FormValues.text(nameCy), FormValues.text(guidance), FormValues.text(guidanceCy),
                    FormValues.integer(position), "true".equals(active));
        }
    }

    record ForensicsPeriod(@IsoDate(label = "field.from") String from, @IsoDate(label = "field.to") String to, String page) {
    }
}
