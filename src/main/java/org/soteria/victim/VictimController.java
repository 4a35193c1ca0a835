package org.soteria.victim;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.ForceMode;
import org.soteria.platform.Invalid;
import org.soteria.reference.WithdrawalReason;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.soteria.web.form.FormErrors;
import org.soteria.web.form.FormValues;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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
@ForceMode
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
            form.put("language", p.language());
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
            @Valid VictimForms.ContactPlan form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding));
        LocalDate agreed = FormValues.date(form.agreedOn());
        if (agreed != null && agreed.isAfter(victims.today())) {
            errors.putIfAbsent("agreedOn", "{victimError.theDateThePlanWas}");
        }
        String liaison = FormValues.text(form.liaisonOfficer());
        if (liaison != null && !page.officers().containsKey(liaison)) {
            errors.put("liaisonOfficer", "{victimError.chooseALiaisonOfficerFrom}");
        }
        errors = FormErrors.attempt(errors, form.getClass(), () -> victims.savePlan(page.crime().id(),
                page.victim().ref(), new VictimRepository.Plan(page.crime().id(), page.victim().ref(),
                        form.preferredChannel().strip(), "true".equals(form.doNotCall()), form.onlyThisNumber(),
                        FormValues.text(form.safeNumber()), FormValues.text(form.safeTimes()), form.gender(),
                        FormValues.text(form.interpreterLanguage()), FormValues.text(form.communicationNeeds()),
                        FormValues.text(form.isvaName()), FormValues.text(form.isvaContact()), liaison, null,
                        form.every(), agreed, FormValues.date(form.endedOn()), user.getUsername(), null,
                        form.speaks()), user));
        if (!errors.isEmpty()) {
            return planView(page, FormErrors.values(form), errors, model);
        }
        redirect.addFlashAttribute("success", "{victimDone.contactPlanSaved}");
        return "redirect:" + base(page);
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
    String logContact(@PathVariable("id") String id, @PathVariable("ref") String ref, @Valid VictimForms.Contact form,
            BindingResult binding, @AuthenticationPrincipal SoteriaUser user, Model model,
            RedirectAttributes redirect) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding));
        LocalDate day = FormValues.date(form.occurredDate());
        if (day != null && day.isAfter(victims.today())) {
            errors.putIfAbsent("occurredDate", "{victimError.theDateOfTheContact}");
        }
        errors = FormErrors.attempt(errors, form.getClass(), () -> victims.recordContact(page.crime().id(),
                page.victim().ref(), day.atTime(form.time()).atZone(DatabaseConfig.LONDON).toInstant(),
                form.channel().strip(), form.chosenPurpose(), form.detail(), FormValues.text(form.summary()), user));
        if (!errors.isEmpty()) {
            return contactView(page, FormErrors.values(form), errors, model);
        }
        redirect.addFlashAttribute("success", "{victimDone.contactLogged}");
        return "redirect:" + base(page);
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
            @Valid VictimForms.Journey form, BindingResult binding, @AuthenticationPrincipal SoteriaUser user,
            Model model, RedirectAttributes redirect) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(binding));
        if (errors.isEmpty()) {
            try {
                long crime = page.crime().id();
                long victim = page.victim().ref();
                LocalDate on = FormValues.date(form.on());
                String what = form.what().strip();
                switch (what) {
                    case "withdrawal" -> victims.recordWithdrawal(crime, victim, on, form.chosenReason(), user);
                    case "reengagement" -> victims.recordReengagement(crime, victim, on, user);
                    default -> victims.recordReview(crime, victim, what.substring(4), on, user);
                }
                redirect.addFlashAttribute("success", "{cases.column.recorded}");
                return "redirect:" + base(page);
            } catch (Invalid e) {
                e.errors().forEach((k, v) -> errors.put("on", v));
            }
        }
        return journeyView(page, FormErrors.values(form), errors, model);
    }

    /** A review's outcome; the page shows a form per review, so its fields' ids carry the review's id. */
    @PostMapping("/cases/{id}/victims/{ref}/reviews/{review}")
    String decideReview(@PathVariable("id") String id, @PathVariable("ref") String ref,
            @PathVariable("review") String review, @Valid VictimForms.ReviewOutcome form, BindingResult binding,
            @AuthenticationPrincipal SoteriaUser user, Model model, RedirectAttributes redirect) {
        VictimService.VictimPage page = load(id, ref, user);
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.of(binding).forEach((k, v) -> errors.put(k + "-" + review, v));
        if (errors.isEmpty()) {
            try {
                victims.decideReview(page.crime().id(), page.victim().ref(), RequestValues.id(review),
                        form.outcome().strip(), FormValues.date(form.outcomeOn()), user);
                redirect.addFlashAttribute("success", "{victimDone.reviewOutcomeRecorded}");
                return "redirect:" + base(page);
            } catch (Invalid e) {
                e.errors().forEach((k, v) -> errors.put(k + "-" + review, v));
            } catch (NoSuchElementException e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        }
        Map<String, String> shown = new LinkedHashMap<>();
        FormErrors.values(form).forEach((k, v) -> shown.put(k.equals("outcomeOn") ? k + "-" + review : k, v));
        model.addAttribute("reviewErrors", errors);
        model.addAttribute("reviewForm", shown);
        return show(id, ref, user, model);
    }

    // ---- feedback link ----

    @PostMapping("/cases/{id}/victims/{ref}/feedback-link")
    String feedbackLink(@PathVariable("id") String id, @PathVariable("ref") String ref,
            @AuthenticationPrincipal SoteriaUser user, Model model,
            jakarta.servlet.http.HttpServletRequest request) {
        VictimService.VictimPage page = load(id, ref, user);
        String token;
        try {
            token = victims.createFeedbackLink(page.crime().id(), page.victim().ref(), user);
        } catch (Invalid e) {
            show(id, ref, user, model);
            model.addAttribute("reviewErrors", e.errors());
            return "victim/victim";
        }
        String origin = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .replacePath(null).build().toUriString();
        victimModel(page, model);
        String language = page.plan().map(VictimRepository.Plan::language).orElse(null);
        model.addAttribute("link", origin + "/feedback/" + token + (language == null ? "" : "?lang=" + language));
        model.addAttribute("linkLanguage", language);
        model.addAttribute("days", victims.feedbackLinkLife().toDays());
        return "victim/feedback-link";
    }
}
