package org.soteria.victim;

import org.soteria.platform.ForceMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.soteria.reference.Coded;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.web.RequestValues;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The morning queue of Victims' Code duties (due today and overdue) for an officer, their teams or one
 * officer; a supervisor's count of overdue duties by team and officer; and the force lead's reading of
 * victims' free-text feedback.
 */
@Controller
@ForceMode
public class VictimQueueController {

    private final VictimService victims;
    private final VictimQueueService victimQueues;
    private final FeedbackService feedback;
    private final int minimumComments;

    public VictimQueueController(VictimService victims, VictimQueueService victimQueues, FeedbackService feedback,
            org.soteria.disclosure.DisclosurePolicy disclosure) {
        this.victims = victims;
        this.victimQueues = victimQueues;
        this.feedback = feedback;
        this.minimumComments = disclosure.minimum();
    }

    @GetMapping("/victims/due")
    String due(@RequestParam(name = "scope", required = false) String scope,
            @RequestParam(name = "officer", required = false) String officer,
            @RequestParam(name = "show", required = false) String show,
            @RequestParam(name = "page", defaultValue = "1") String page,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        VictimQueueService.Scope s = Coded.parse(VictimQueueService.Scope.class, scope).orElse(VictimQueueService.Scope.MINE);
        String officerCode = officer == null || officer.isBlank() ? null : officer.trim();
        if (s == VictimQueueService.Scope.OFFICER && officerCode == null) {
            s = VictimQueueService.Scope.MINE;
        }
        VictimQueueService.Show sh = Coded.parse(VictimQueueService.Show.class, show).orElse(VictimQueueService.Show.DUE);
        VictimQueueService.Queue queue = victimQueues.queue(user, s, s == VictimQueueService.Scope.OFFICER ? officerCode : null, sh,
                RequestValues.page(page));
        model.addAttribute("queue", queue);
        model.addAttribute("scope", s);
        model.addAttribute("officer", s == VictimQueueService.Scope.OFFICER ? officerCode : null);
        model.addAttribute("show", sh);
        model.addAttribute("shows", VictimQueueService.Show.values());
        model.addAttribute("today", victims.today());
        model.addAttribute("canSeeOverdue", user.can(Permission.VIEW_OVERDUE_BY_TEAM));
        String base = "/victims/due?scope=" + s.code() + (s == VictimQueueService.Scope.OFFICER
                ? "&officer=" + org.springframework.web.util.UriUtils.encodeQueryParam(officerCode,
                        java.nio.charset.StandardCharsets.UTF_8) : "");
        model.addAttribute("baseUrl", base);
        model.addAttribute("pageBaseUrl", base + "&show=" + sh.code() + "&");
        model.addAttribute("activeNav", "victims");
        return "victim/queue";
    }

    @GetMapping("/victims/overdue")
    String overdue(@AuthenticationPrincipal SoteriaUser user, Model model) {
        VictimQueueService.Overdue overdue = victimQueues.overdueByTeamAndOfficer(user);
        model.addAttribute("rows", overdue.rows());
        model.addAttribute("wholeForce", overdue.wholeForce());
        model.addAttribute("types", VictimsCode.ObligationType.values());
        model.addAttribute("today", victims.today());
        model.addAttribute("activeNav", "victims");
        return "victim/overdue";
    }

    @GetMapping("/victims/feedback-comments")
    String comments(@RequestParam(name = "month", required = false) String month,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        LocalDate chosen = null;
        String error = null;
        if (month != null && !month.isBlank()) {
            try {
                chosen = YearMonth.parse(month.trim()).atDay(1);
            } catch (DateTimeParseException e) {
                error = "comments.monthError";
            }
        }
        model.addAttribute("result", feedback.comments(user, chosen, minimumComments));
        model.addAttribute("monthError", error);
        model.addAttribute("minimum", minimumComments);
        model.addAttribute("activeNav", "feedback");
        return "victim/comments";
    }
}
