package org.soteria.victim;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Fault;
import org.soteria.reference.Coded;
import org.soteria.reference.SupportReferralDetail;
import org.soteria.reference.WithdrawalReason;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.soteria.web.form.IsoDate;
import org.soteria.web.form.MaxChars;
import org.soteria.web.form.OneOf;

/**
 * A victim's forms as Spring binds them: the values as typed, each field in the order the page shows it,
 * checked by Bean Validation and the rules that span fields, before the service applies its own.
 */
final class VictimForms {

    static final int TEXT_LIMIT = 500;
    static final int SUMMARY_LIMIT = 4000;

    private VictimForms() {
    }

    /** A required coded choice: its code, or a fault with {@code message}. */
    static <E extends Enum<E> & Coded> String chosen(Class<E> type, String value, String field, String message,
            Map<String, String> faults) {
        return Coded.parse(type, value).map(Coded::code).orElseGet(() -> {
            faults.put(field, message);
            return null;
        });
    }

    record ContactPlan(String preferredChannel, String doNotCall, String thisNumberOnly,
            @MaxChars(value = 40, label = "field.theSafeNumber") String safeNumber,
            @MaxChars(value = TEXT_LIMIT, label = "field.safeTimes") String safeTimes, String interviewerGender,
            @MaxChars(value = 100, label = "field.theInterpretersLanguage") String interpreterLanguage,
            @MaxChars(value = TEXT_LIMIT, label = "field.communicationNeeds") String communicationNeeds,
            @MaxChars(value = 200, label = "field.theIsvasName") String isvaName,
            @MaxChars(value = 200, label = "field.theIsvasContactDetails") String isvaContact, String liaisonOfficer,
            String updateEveryDays, @IsoDate(label = "field.theDateThePlanWasAgreed", required = true) String agreedOn,
            @IsoDate(label = "field.theDateThePlanEnded") String endedOn, String language) implements FormErrors.CrossField {

        /** The victim's language, English or Welsh; null when not asked. */
        String speaks() {
            return language == null || language.isBlank() ? null : language.strip();
        }

        String gender() {
            return interviewerGender == null ? "no_preference" : interviewerGender;
        }

        boolean onlyThisNumber() {
            return "true".equals(thisNumberOnly);
        }

        Integer every() {
            Integer n = FormValues.integer(updateEveryDays);
            return n != null && n >= 1 && n <= 90 ? n : null;
        }

        @Override
        public Map<String, String> crossFieldFaults() {
            Map<String, String> faults = new LinkedHashMap<>();
            chosen(ContactChannel.class, preferredChannel, "preferredChannel",
                    "{victimError.chooseHowTheVictimPrefers}", faults);
            String safe = FormValues.text(safeNumber);
            if (onlyThisNumber() && safe == null) {
                faults.put("safeNumber", "{victimError.enterTheOnlyNumberThe}");
            } else if (safe != null && !safe.matches("[0-9 +()-]{6,40}")) {
                faults.put("safeNumber", "{victimError.enterTheSafeNumberUsing}");
            }
            if (speaks() != null && org.soteria.platform.Language.of(speaks()).isEmpty()) {
                faults.put("language", "{contactPlan.error.language}");
            }
            if (!java.util.List.of("female", "male", "no_preference").contains(gender())) {
                faults.put("interviewerGender", "{victimError.chooseTheInterviewerSGender}");
            }
            if (FormValues.text(updateEveryDays) == null) {
                faults.put("updateEveryDays", "{victimError.enterHowOftenToUpdate}");
            } else if (FormValues.integer(updateEveryDays) == null) {
                faults.put("updateEveryDays", "{victimError.howOftenToUpdateThe}");
            } else if (every() == null) {
                faults.put("updateEveryDays", "{victimError.howOftenToUpdateThe2}");
            }
            LocalDate agreed = FormValues.date(agreedOn);
            LocalDate ended = FormValues.date(endedOn);
            if (agreed != null && ended != null && ended.isBefore(agreed)) {
                faults.put("endedOn", "{victimError.theDateThePlanEnded2}");
            }
            return faults;
        }
    }

    record Contact(@IsoDate(label = "field.theDateOfTheContact", required = true) String occurredDate,
            String occurredTime, String channel, String purpose, String referral, String keyEvent,
            @MaxChars(value = SUMMARY_LIMIT, label = "field.whatWasSaid") String summary)
            implements FormErrors.CrossField {

        LocalTime time() {
            String t = FormValues.text(occurredTime);
            try {
                return t == null ? null : LocalTime.parse(t.length() == 4 ? "0" + t : t);
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        VictimService.Purpose chosenPurpose() {
            return Coded.parse(VictimService.Purpose.class, purpose).orElse(null);
        }

        /** The referral's service, or the key event told about, as the purpose needs. */
        String detail() {
            if (chosenPurpose() == VictimService.Purpose.SUPPORT_REFERRAL) {
                return Coded.parse(SupportReferralDetail.class, referral).map(Coded::code).orElse(null);
            }
            return chosenPurpose() == VictimService.Purpose.KEY_EVENT_NOTIFICATION ? FormValues.text(keyEvent) : null;
        }

        @Override
        public Map<String, String> crossFieldFaults() {
            Map<String, String> faults = new LinkedHashMap<>();
            if (FormValues.text(occurredTime) == null) {
                faults.put("occurredTime", "{victimError.enterTheTimeOfThe}");
            } else if (time() == null) {
                faults.put("occurredTime", "{victimError.enterTheTimeOfThe2}");
            }
            chosen(ContactChannel.class, channel, "channel", "{victimError.chooseHowTheContactWas}", faults);
            chosen(VictimService.Purpose.class, purpose, "purpose", "{victimError.chooseWhatTheContactWas}", faults);
            if (chosenPurpose() == VictimService.Purpose.SUPPORT_REFERRAL) {
                chosen(SupportReferralDetail.class, referral, "referral",
                        "{victimError.chooseTheServiceTheVictim}", faults);
            } else if (chosenPurpose() == VictimService.Purpose.KEY_EVENT_NOTIFICATION
                    && FormValues.text(keyEvent) == null) {
                faults.put("keyEvent", "{victimError.chooseTheKeyEventThe}");
            }
            if (FormValues.text(summary) == null) {
                faults.put("summary", "{victimError.enterWhatWasSaid}");
            }
            return faults;
        }
    }

    record Journey(@OneOf(value = {"withdrawal", "reengagement", "vrr_police", "vrr_cps"},
            message = "{victimError.chooseWhatToRecord}") String what,
            @IsoDate(label = "field.theDate", required = true) String on, String reason) implements FormErrors.CrossField {

        WithdrawalReason chosenReason() {
            return Coded.parse(WithdrawalReason.class, reason).orElse(null);
        }

        @Override
        public Map<String, String> crossFieldFaults() {
            Map<String, String> faults = new LinkedHashMap<>();
            if ("withdrawal".equals(what)) {
                chosen(WithdrawalReason.class, reason, "reason", "{victimError.chooseTheReasonTheVictim}",
                        faults);
            }
            return faults;
        }
    }

    record ReviewOutcome(@OneOf(value = {"decision_upheld", "decision_overturned", "request_withdrawn"},
            message = "{victimError.chooseTheOutcomeOfThe}") String outcome,
            @IsoDate(label = "field.theOutcomeDate", required = true) String outcomeOn) {
    }

    /**
     * A question of the victim's feedback form, by its field: its heading and the statement the victim rates are
     * the messages {@code feedback.question.<name>.heading} and {@code .statement}, in the page's language.
     */
    public record Question(String name) {
    }

    /** The questions in the order the form asks them: the five of procedural justice (kpis.md). */
    public static final List<Question> QUESTIONS = List.of(new Question("dignity"), new Question("fairness"),
            new Question("voice"), new Question("safety"), new Question("trust"));

    static final int COMMENT_LIMIT = 2000;

    /** The victim's answers: each question 1 to 5 or "skip", and a comment; at least one of them. */
    record Answers(String dignity, String fairness, String voice, String safety, String trust,
            @MaxChars(value = COMMENT_LIMIT, label = "field.yourComments", message = "{feedback.comment.tooLong}") String comment)
            implements FormErrors.CrossField {

        Integer[] scores() {
            Map<String, String> given = FormErrors.values(this);
            Integer[] scores = new Integer[QUESTIONS.size()];
            for (int i = 0; i < scores.length; i++) {
                String v = given.get(QUESTIONS.get(i).name());
                scores[i] = v != null && v.matches("[1-5]") ? Integer.parseInt(v) : null;
            }
            return scores;
        }

        @Override
        public Map<String, String> crossFieldFaults() {
            Map<String, String> faults = new LinkedHashMap<>();
            Map<String, String> given = FormErrors.values(this);
            for (Question q : QUESTIONS) {
                String v = given.get(q.name());
                if (v != null && !v.isBlank() && !"skip".equals(v) && !v.matches("[1-5]")) {
                    faults.put(q.name(), Fault.of("feedback.error.choose",
                            "#feedback.question." + q.name() + ".statement"));
                }
            }
            boolean nothing = java.util.Arrays.stream(scores()).allMatch(java.util.Objects::isNull)
                    && FormValues.text(comment) == null;
            if (nothing && faults.isEmpty()) {
                faults.put("dignity", Fault.of("feedback.error.nothing"));
            }
            return faults;
        }
    }
}
