package org.soteria.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Invalid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
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
 * Administrators' pages for the force's accounts: the list (search, pages, resets waiting for a second
 * administrator) and one account (disable or enable, role, teams, ask for or approve a reset). Everything they do is
 * in {@link AccountAdminService}, audited.
 */
@Controller
@ConditionalOnWebApplication
class AccountAdminController {

    private final AccountAdminService accounts;

    AccountAdminController(AccountAdminService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", required = false) String page, @AuthenticationPrincipal SoteriaUser admin,
            Model model) {
        AccountAdminService.Actor by = AccountAdminService.Actor.of(admin);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("result", accounts.accounts(by, q, pageNumber(page)));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("pending", accounts.pending(by));
        model.addAttribute("me", admin.getUsername());
        model.addAttribute("activeNav", "accounts");
        return "security/admin-users";
    }

    @GetMapping("/admin/users/{username}")
    String show(@PathVariable("username") String username, @AuthenticationPrincipal SoteriaUser admin, Model model) {
        return page(admin, username, model, new LinkedHashMap<>(), Map.of());
    }

    private String page(SoteriaUser admin, String username, Model model, Map<String, String> errors,
            Map<String, String> form) {
        AccountAdminService.Actor by = AccountAdminService.Actor.of(admin);
        AccountAdminRepository.Account account = accounts.account(by, username)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("account", account);
        model.addAttribute("teams", accounts.teams(account.forceCode()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("requests", accounts.requests(username));
        model.addAttribute("kinds", AccountAdminService.RESET_KINDS);
        model.addAttribute("me", admin.getUsername());
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("activeNav", "accounts");
        return "security/admin-user";
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enabled(@PathVariable("username") String username, @RequestParam(name = "enabled", defaultValue = "") String value,
            @AuthenticationPrincipal SoteriaUser admin, Model model, RedirectAttributes redirect) {
        return act(admin, username, model, redirect, Map.of(), () -> accounts.setEnabled(
                AccountAdminService.Actor.of(admin), username, "true".equals(value)),
                "true".equals(value) ? "{admin.done.enabled}" : "{admin.done.disabled}");
    }

    @PostMapping("/admin/users/{username}/role")
    String role(@PathVariable("username") String username, @RequestParam(name = "role", defaultValue = "") String role,
            @AuthenticationPrincipal SoteriaUser admin, Model model, RedirectAttributes redirect) {
        return act(admin, username, model, redirect, Map.of("role", role), () -> accounts.changeRole(
                AccountAdminService.Actor.of(admin), username, Role.fromCode(role).orElse(null)), "{admin.done.role}");
    }

    @PostMapping("/admin/users/{username}/teams")
    String teams(@PathVariable("username") String username,
            @RequestParam(name = "memberOf", required = false) List<String> memberOf,
            @RequestParam(name = "supervises", required = false) List<String> supervises,
            @AuthenticationPrincipal SoteriaUser admin, Model model, RedirectAttributes redirect) {
        return act(admin, username, model, redirect, Map.of(), () -> accounts.setTeams(
                AccountAdminService.Actor.of(admin), username, memberOf == null ? List.of() : memberOf,
                supervises == null ? List.of() : supervises), "{admin.done.teams}");
    }

    @PostMapping("/admin/users/{username}/resets")
    String requestReset(@PathVariable("username") String username,
            @RequestParam(name = "kind", defaultValue = "") String kind,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @AuthenticationPrincipal SoteriaUser admin, Model model, RedirectAttributes redirect) {
        return act(admin, username, model, redirect, Map.of("kind", kind, "reason", reason), () -> accounts.requestReset(
                AccountAdminService.Actor.of(admin), username, kind, reason), "{admin.done.requested}");
    }

    @PostMapping("/admin/resets/{id}/approve")
    String approve(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser admin, Model model,
            RedirectAttributes redirect) {
        AccountAdminService.Actor by = AccountAdminService.Actor.of(admin);
        long requestId = id(id);
        try {
            AccountAdminService.Approved done = accounts.approveReset(by, requestId);
            model.addAttribute("firstPassword", done.firstPassword());
            model.addAttribute("success", done.kind().equals("password") ? "{admin.done.passwordReset}"
                    : "{admin.done.secondFactorReset}");
            return page(admin, done.username(), model, new LinkedHashMap<>(), Map.of());
        } catch (Invalid e) {
            redirect.addFlashAttribute("errors", e.errors());
            return "redirect:/admin/users";
        }
    }

    @PostMapping("/admin/resets/{id}/withdraw")
    String withdraw(@PathVariable("id") String id, @AuthenticationPrincipal SoteriaUser admin,
            RedirectAttributes redirect) {
        try {
            accounts.withdrawReset(AccountAdminService.Actor.of(admin), id(id));
            redirect.addFlashAttribute("success", "{admin.done.withdrawn}");
        } catch (Invalid e) {
            redirect.addFlashAttribute("errors", e.errors());
        }
        return "redirect:/admin/users";
    }

    /** Runs a change; on success back to the account with a message, on a fault the page again with it. */
    private String act(SoteriaUser admin, String username, Model model, RedirectAttributes redirect,
            Map<String, String> form, Runnable change, String done) {
        try {
            change.run();
        } catch (Invalid e) {
            return page(admin, username, model, new LinkedHashMap<>(e.errors()), form);
        }
        redirect.addFlashAttribute("success", done);
        return "redirect:/admin/users/" + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
