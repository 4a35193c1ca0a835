package org.soteria.victim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Invalid;
import org.soteria.reference.Coded;
import org.soteria.reference.WithdrawalReason;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A victim's page and the forms that change their journey: contact plan, contact log, withdrawal and
 * re-engagement, Victims' Right to Review, feedback links. Every form validates each field and, when
 * something is wrong, shows the form again with what was typed and a GOV.UK error summary.
 */
@Controller
public class VictimController {

    private static final int SUMMARY_LIMIT = 4000;
    private static final int TEXT_LIMIT = 500;

    private final VictimService victims;

    public VictimController(VictimService victims) {
        this.victims = victims;
    }

    private VictimService.VictimPage load(String id, String ref, SoteriaUser user) {
        return victims.page(RequestValues.id(id), RequestValues.id(ref), user)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String base(VictimService.VictimPage page) {
        return "/cases/" + page.crime().id() + "/victims/" + page.victim().ref();
    }

    /** What every page about one victim needs: the victim, the base of its paths, the case menu. */
    private static void victimModel(VictimService.VictimPage page, Model model) {
        model.addAttribute("page", page);
        model.addAttribute("base", base(page));
        model.addAttribute("activeNav", "cases");
    }

    /** A victim's form: the victim, what was typed and what is wrong with it. */
    private static void formModel(VictimService.VictimPage page, Map<String, String> form, Map<String, String> errors,
            Model model) {
        victimModel(page, model);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    @GetMapping("/cases/{id}/victims/{ref}")
    String show(@PathVariable("id") String id, @PathVariable("ref") String ref, @AuthenticationPrincipal SoteriaUser user,
            Model model) {
        VictimService.VictimPage page = load(id, ref, user);
        victimModel(page, model);
        model.addAttribute("today", victims.today());
        model.addAttribute("canRecord", user.can(org.soteria.security.Permission.RECORD_VICTIM_CONTACT));
        return "victim/victim";
    }

    // ---- contact plan ----

    @GetMapping("/cases/{id}/victims/{ref}/plan")
    String planForm(@PathVariable("id") String id, @PathVariable("ref") String ref,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> form = new LinkedHashMap<>();
        page.plan().ifPresentOrElse(p -> {
            form.put("preferredChannel", p.preferredChannel());
            form.put("doNotCall", Boolean.toString(p.doNotCall()));
            form.put("thisNumberOnly", Boolean.toString(p.thisNumberOnly()));
            form.put("safeNumber", p.safeNumber());
            form.put("safeTimes", p.safeTimes());
            form.put("interviewerGender", p.interviewerGender());
            form.put("interpreterLanguage", p.interpreterLanguage());
            form.put("communicationNeeds", p.communicationNeeds());
            form.put("isvaName", p.isvaName());
            form.put("isvaContact", p.isvaContact());
            form.put("liaisonOfficer", p.liaisonOfficerCode());
            form.put("updateEveryDays", Integer.toString(p.updateEveryDays()));
            form.put("agreedOn", p.agreedOn().toString());
            form.put("endedOn", p.endedOn() == null ? null : p.endedOn().toString());
        }, () -> {
            form.put("interviewerGender", "no_preference");
            form.put("updateEveryDays", "14");
            form.put("agreedOn", victims.today().toString());
        });
        return planView(page, form, Map.of(), model);
    }

    private String planView(VictimService.VictimPage page, Map<String, String> form, Map<String, String> errors,
            Model model) {
        formModel(page, form, errors, model);
        model.addAttribute("channels", ContactChannel.values());
        return "victim/plan";
    }

    @PostMapping("/cases/{id}/victims/{ref}/plan")
    String savePlan(@PathVariable("id") String id, @PathVariable("ref") String ref,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes redirect) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> errors = new LinkedHashMap<>();
        String channel = choice(params, "preferredChannel", ContactChannel.class, "Choose how the victim prefers to be "
                + "contacted", errors);
        String gender = params.getOrDefault("interviewerGender", "no_preference");
        if (!List.of("female", "male", "no_preference").contains(gender)) {
            errors.put("interviewerGender", "Choose the interviewer's gender the victim prefers, or no preference");
        }
        Integer every = whole(params.get("updateEveryDays"), 1, 90, "updateEveryDays",
                "How often to update the victim", errors);
        LocalDate agreed = date(params.get("agreedOn"), "agreedOn", "The date the plan was agreed", true, errors);
        LocalDate ended = date(params.get("endedOn"), "endedOn", "The date the plan ended", false, errors);
        if (agreed != null && agreed.isAfter(victims.today())) {
            errors.put("agreedOn", "The date the plan was agreed must be today or in the past");
        }
        if (agreed != null && ended != null && ended.isBefore(agreed)) {
            errors.put("endedOn", "The date the plan ended must be the same as or after the date it was agreed");
        }
        boolean doNotCall = "true".equals(params.get("doNotCall"));
        boolean thisNumberOnly = "true".equals(params.get("thisNumberOnly"));
        String safeNumber = text(params, "safeNumber", 40, "The safe number", errors);
        if (thisNumberOnly && safeNumber == null) {
            errors.put("safeNumber", "Enter the only number the victim may be contacted on");
        }
        if (safeNumber != null && !safeNumber.matches("[0-9 +()-]{6,40}")) {
            errors.put("safeNumber", "Enter the safe number using digits, spaces and + ( ) - only, like 07700 900123");
        }
        String liaison = params.get("liaisonOfficer");
        liaison = liaison == null || liaison.isBlank() ? null : liaison.trim();
        if (liaison != null && !page.officers().containsKey(liaison)) {
            errors.put("liaisonOfficer", "Choose a liaison officer from the list");
        }
        VictimRepository.Plan plan = new VictimRepository.Plan(page.crime().id(), page.victim().ref(), channel,
                doNotCall, thisNumberOnly, safeNumber, text(params, "safeTimes", TEXT_LIMIT, "Safe times", errors),
                gender, text(params, "interpreterLanguage", 100, "The interpreter's language", errors),
                text(params, "communicationNeeds", TEXT_LIMIT, "Communication needs", errors),
                text(params, "isvaName", 200, "The ISVA's name", errors),
                text(params, "isvaContact", 200, "The ISVA's contact details", errors), liaison, null,
                every == null ? 0 : every, agreed, ended, user.getUsername(), null);
        if (errors.isEmpty()) {
            try {
                victims.savePlan(page.crime().id(), page.victim().ref(), plan, user);
                redirect.addFlashAttribute("success", "Contact plan saved");
                return "redirect:" + base(page);
            } catch (Invalid e) {
                errors.putAll(e.errors());
            }
        }
        return planView(page, new LinkedHashMap<>(params), errors, model);
    }

    // ---- contact log ----

    @GetMapping("/cases/{id}/victims/{ref}/contacts")
    String contactForm(@PathVariable("id") String id, @PathVariable("ref") String ref,
            @RequestParam(name = "purpose", required = false) String purpose,
            @RequestParam(name = "keyEvent", required = false) String keyEvent,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("occurredDate", victims.today().toString());
        form.put("occurredTime", LocalTime.now(DatabaseConfig.LONDON).withSecond(0).withNano(0).toString());
        form.put("purpose", purpose);
        form.put("keyEvent", keyEvent);
        page.plan().ifPresent(p -> form.put("channel", p.preferredChannel()));
        return contactView(page, form, Map.of(), model);
    }

    private String contactView(VictimService.VictimPage page, Map<String, String> form, Map<String, String> errors,
            Model model) {
        formModel(page, form, errors, model);
        model.addAttribute("channels", ContactChannel.values());
        model.addAttribute("purposes", VictimService.Purpose.values());
        model.addAttribute("referrals", org.soteria.reference.SupportReferralDetail.values());
        model.addAttribute("keyEvents", page.crime().events().stream()
                .filter(e -> e.type().isKeyEvent() && e.eventId() != null).toList());
        return "victim/contact";
    }

    @PostMapping("/cases/{id}/victims/{ref}/contacts")
    String logContact(@PathVariable("id") String id, @PathVariable("ref") String ref,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes redirect) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = date(params.get("occurredDate"), "occurredDate", "The date of the contact", true, errors);
        LocalTime time = null;
        String t = params.get("occurredTime");
        if (t == null || t.isBlank()) {
            errors.put("occurredTime", "Enter the time of the contact, like 14:30");
        } else {
            try {
                time = LocalTime.parse(t.trim().length() == 4 ? "0" + t.trim() : t.trim());
            } catch (DateTimeParseException e) {
                errors.put("occurredTime", "Enter the time of the contact in 24-hour form, like 14:30");
            }
        }
        if (day != null && day.isAfter(victims.today())) {
            errors.put("occurredDate", "The date of the contact must be today or in the past");
        }
        String channel = choice(params, "channel", ContactChannel.class, "Choose how the contact was made", errors);
        String purposeCode = choice(params, "purpose", VictimService.Purpose.class, "Choose what the contact was for",
                errors);
        VictimService.Purpose purpose = purposeCode == null ? null
                : Coded.parse(VictimService.Purpose.class, purposeCode).orElse(null);
        String detail = null;
        if (purpose == VictimService.Purpose.SUPPORT_REFERRAL) {
            detail = choice(params, "referral", org.soteria.reference.SupportReferralDetail.class,
                    "Choose the service the victim was referred to, or that they declined", errors);
        } else if (purpose == VictimService.Purpose.KEY_EVENT_NOTIFICATION) {
            detail = params.get("keyEvent");
            if (detail == null || detail.isBlank()) {
                errors.put("keyEvent", "Choose the key event the victim was told about");
            }
        }
        String summary = text(params, "summary", SUMMARY_LIMIT, "What was said", errors);
        if (summary == null && !errors.containsKey("summary")) {
            errors.put("summary", "Enter what was said");
        }
        if (errors.isEmpty()) {
            try {
                Instant at = day.atTime(time).atZone(DatabaseConfig.LONDON).toInstant();
                victims.recordContact(page.crime().id(), page.victim().ref(), at, channel, purpose, detail, summary,
                        user);
                redirect.addFlashAttribute("success", "Contact logged");
                return "redirect:" + base(page);
            } catch (Invalid e) {
                errors.putAll(e.errors());
            }
        }
        return contactView(page, new LinkedHashMap<>(params), errors, model);
    }

    // ---- withdrawal, re-engagement and review ----

    @GetMapping("/cases/{id}/victims/{ref}/journey")
    String journeyForm(@PathVariable("id") String id, @PathVariable("ref") String ref,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("on", victims.today().toString());
        return journeyView(page, form, Map.of(), model);
    }

    private String journeyView(VictimService.VictimPage page, Map<String, String> form, Map<String, String> errors,
            Model model) {
        formModel(page, form, errors, model);
        model.addAttribute("reasons", WithdrawalReason.values());
        return "victim/journey";
    }

    @PostMapping("/cases/{id}/victims/{ref}/journey")
    String recordJourney(@PathVariable("id") String id, @PathVariable("ref") String ref,
            @RequestParam Map<String, String> params, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes redirect) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> errors = new LinkedHashMap<>();
        String what = params.get("what");
        if (!List.of("withdrawal", "reengagement", "vrr_police", "vrr_cps").contains(what == null ? "" : what)) {
            errors.put("what", "Choose what to record");
        }
        LocalDate on = date(params.get("on"), "on", "The date", true, errors);
        WithdrawalReason reason = null;
        if ("withdrawal".equals(what)) {
            String r = choice(params, "reason", WithdrawalReason.class, "Choose the reason the victim gave, or not recorded",
                    errors);
            reason = r == null ? null : Coded.parse(WithdrawalReason.class, r).orElse(null);
        }
        if (errors.isEmpty()) {
            try {
                long crime = page.crime().id();
                long victim = page.victim().ref();
                switch (what) {
                    case "withdrawal" -> victims.recordWithdrawal(crime, victim, on, reason, user);
                    case "reengagement" -> victims.recordReengagement(crime, victim, on, user);
                    default -> victims.recordReview(crime, victim, what.substring(4), on, user);
                }
                redirect.addFlashAttribute("success", "Recorded");
                return "redirect:" + base(page);
            } catch (Invalid e) {
                e.errors().forEach((k, v) -> errors.put("on", v));
            }
        }
        return journeyView(page, new LinkedHashMap<>(params), errors, model);
    }

    @PostMapping("/cases/{id}/victims/{ref}/reviews/{review}")
    String decideReview(@PathVariable("id") String id, @PathVariable("ref") String ref,
            @PathVariable("review") String review, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes redirect) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> errors = new LinkedHashMap<>();
        String outcome = params.get("outcome");
        if (!List.of("decision_upheld", "decision_overturned", "request_withdrawn").contains(outcome == null ? ""
                : outcome)) {
            errors.put("outcome-" + review, "Choose the outcome of the review");
        }
        LocalDate on = date(params.get("outcomeOn-" + review), "outcomeOn-" + review, "The outcome date", true, errors);
        if (errors.isEmpty()) {
            try {
                victims.decideReview(page.crime().id(), page.victim().ref(), RequestValues.id(review), outcome, on,
                        user);
                redirect.addFlashAttribute("success", "Review outcome recorded");
                return "redirect:" + base(page);
            } catch (Invalid e) {
                e.errors().forEach((k, v) -> errors.put(k + "-" + review, v));
            } catch (NoSuchElementException e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        }
        model.addAttribute("reviewErrors", errors);
        model.addAttribute("reviewForm", params);
        return show(id, ref, user, model);
    }

    // ---- feedback link ----

    @PostMapping("/cases/{id}/victims/{ref}/feedback-link")
    String feedbackLink(@PathVariable("id") String id, @PathVariable("ref") String ref,
            @AuthenticationPrincipal SoteriaUser user, Model model,
            jakarta.servlet.http.HttpServletRequest request) {
        VictimService.VictimPage page = load(id, ref, user);
        String token = victims.createFeedbackLink(page.crime().id(), page.victim().ref(), user);
        String origin = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .replacePath(null).build().toUriString();
        victimModel(page, model);
        model.addAttribute("link", origin + "/feedback/" + token);
        model.addAttribute("days", victims.feedbackLinkLife().toDays());
        return "victim/feedback-link";
    }

    // ---- parsing ----

    private static <E extends Enum<E> & Coded> String choice(Map<String, String> params, String field, Class<E> type,
            String message, Map<String, String> errors) {
        String v = params.get(field);
        if (v == null || v.isBlank() || Coded.parse(type, v).isEmpty()) {
            errors.put(field, message);
            return null;
        }
        return Coded.parse(type, v).get().code();
    }

    private static String text(Map<String, String> params, String field, int limit, String label,
            Map<String, String> errors) {
        return RequestValues.text(params.get(field), field, label, limit, errors);
    }

    private static Integer whole(String value, int min, int max, String field, String label,
            Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(field, "Enter " + label.toLowerCase(java.util.Locale.UK) + ", in days");
            return null;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                errors.put(field, label + " must be between " + min + " and " + max + " days");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.put(field, label + " must be a whole number of days, like 14");
            return null;
        }
    }

    private static LocalDate date(String value, String field, String label, boolean required,
            Map<String, String> errors) {
        return RequestValues.date(value, field, label, required, errors);
    }
}
