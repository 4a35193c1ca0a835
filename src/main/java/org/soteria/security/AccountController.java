package org.soteria.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's own account: second factor status, new recovery codes, and signing out everywhere. */
@Controller
@ConditionalOnWebApplication
public class AccountController {

    private final UserService users;
    private final SessionService sessions;
    private final ApiTokenService tokens;
    private final AccountAdminService accounts;

    public AccountController(UserService users, SessionService sessions, ApiTokenService tokens,
            AccountAdminService accounts) {
        this.users = users;
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SoteriaUser user, Model model) {
        return page(user, model, new java.util.LinkedHashMap<>(), null, "", 30);
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "scopes", required = false) java.util.List<String> scopes,
            @RequestParam(name = "days", defaultValue = "") String days,
            @RequestParam(name = "password", defaultValue = "") String password,
            @RequestParam(name = "code", defaultValue = "") String code,
            @AuthenticationPrincipal SoteriaUser user, Authentication authentication, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        int d = 0;
        try {
            d = Integer.parseInt(days.trim());
        } catch (NumberFormatException e) {
            errors.put("days", "{account.token.error.daysNumber|" + ApiTokenService.MAX_DAYS + "}");
        }
        if (errors.isEmpty()) {
            try {
                tokens.check(user, name, scopes, d);
            } catch (AccessService.Refused e) {
                errors.put(e.field(), e.getMessage());
            }
        }
        if (errors.isEmpty()) {
            errors.putAll(users.stepUp(user, password, code, request.getRemoteAddr(), "token", "an API token"));
            if (!errors.isEmpty() && users.lockedNow(user.getUsername())) {
                return signOutLocked(authentication, request, response);
            }
        }
        if (errors.isEmpty()) {
            try {
                ApiTokenService.Created created = tokens.create(user, name, scopes, d);
                return page(user, model, errors, created.token(), "", 30);
            } catch (AccessService.Refused e) {
                errors.put(e.field(), e.getMessage());
            }
        }
        return page(user, model, errors, null, name, d == 0 ? 30 : d);
    }

    /** Step-up failures locked the account: this session ends as a sign-in's would. */
    private static String signOutLocked(Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/login?error";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@org.springframework.web.bind.annotation.PathVariable("id") String id,
            @AuthenticationPrincipal SoteriaUser user, Model model) {
        try {
            tokens.revoke(user, tokenId(id));
            return "redirect:/account?revoked";
        } catch (AccessService.Refused e) {
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            errors.put("tokens", e.getMessage());
            return page(user, model, errors, null, "", 30);
        }
    }

    /** A token id from the path; anything else names no token. (web.RequestValues would make a package cycle.) */
    private static long tokenId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
    }

    private String page(SoteriaUser user, Model model, java.util.Map<String, String> errors, String newToken,
            String tokenName, int tokenDays) {
        model.addAttribute("activeNav", "account");
        model.addAttribute("errors", errors);
        model.addAttribute("newToken", newToken);
        model.addAttribute("tokenName", tokenName);
        model.addAttribute("tokenDays", tokenDays);
        model.addAttribute("maxDays", ApiTokenService.MAX_DAYS);
        model.addAttribute("scopes", java.util.Arrays.stream(ApiScope.values())
                .filter(sc -> user.can(sc.permission())).toList());
        model.addAttribute("tokens", tokens.tokens(user.getUsername()));
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("enrolled", users.secondFactorEnrolled(user.getUsername()));
        model.addAttribute("unusedRecoveryCodes", users.unusedRecoveryCodes(user.getUsername()));
        model.addAttribute("sessionCount", sessions.count(user.getUsername()));
        model.addAttribute("directory", users.directoryAccount(user.getUsername()));
        model.addAttribute("notices", accounts.notices(user.getUsername()));
        model.addAttribute("language", users.language(user.getUsername()).orElse(null));
        return "security/account";
    }

    @PostMapping("/account/recovery-codes")
    String newRecoveryCodes(@RequestParam(name = "password", defaultValue = "") String password,
            @RequestParam(name = "code", defaultValue = "") String code,
            @AuthenticationPrincipal SoteriaUser user, Authentication authentication, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (!users.secondFactorEnrolled(user.getUsername())) {
            return "redirect:/account";
        }
        java.util.Map<String, String> errors = users.stepUp(user, password, code, request.getRemoteAddr(), "recovery",
                "new recovery codes");
        if (!errors.isEmpty()) {
            if (users.lockedNow(user.getUsername())) {
                return signOutLocked(authentication, request, response);
            }
            return page(user, model, errors, null, "", 30);
        }
        model.addAttribute("recoveryCodes", users.replaceRecoveryCodes(user));
        model.addAttribute("firstSetUp", false);
        return "security/recovery-codes";
    }

    @GetMapping("/account/password")
    String passwordForm(@AuthenticationPrincipal SoteriaUser user, HttpServletRequest request, Model model) {
        return passwordPage(user, request, model, new java.util.LinkedHashMap<>());
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(name = "current", defaultValue = "") String current,
            @RequestParam(name = "fresh", defaultValue = "") String fresh,
            @RequestParam(name = "again", defaultValue = "") String again,
            @AuthenticationPrincipal SoteriaUser user, Authentication authentication, HttpServletRequest request,
            HttpServletResponse response, Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        java.util.Map<String, String> errors = accounts.changeOwnPassword(user, current, fresh, again);
        if (!errors.isEmpty()) {
            if (errors.containsKey("current") && !"{password.error.currentEmpty}".equals(errors.get("current"))
                    && !"{password.error.directory}".equals(errors.get("current"))) {
                // A wrong current password counts towards the lock like a failed sign-in.
                if (users.signInFailed(user.getUsername(), request.getRemoteAddr(), "password change: wrong password")) {
                    return signOutLocked(authentication, request, response);
                }
            }
            return passwordPage(user, request, model, errors);
        }
        request.getSession().removeAttribute(PasswordChangeFilter.MUST_CHANGE);
        redirect.addFlashAttribute("success", "{account.passwordChanged}");
        return "redirect:/account";
    }

    private String passwordPage(SoteriaUser user, HttpServletRequest request, Model model,
            java.util.Map<String, String> errors) {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        model.addAttribute("mustChange", session != null
                && Boolean.TRUE.equals(session.getAttribute(PasswordChangeFilter.MUST_CHANGE)));
        model.addAttribute("errors", errors);
        model.addAttribute("min", AccountAdminService.MIN_PASSWORD);
        model.addAttribute("notices", accounts.notices(user.getUsername()));
        model.addAttribute("activeNav", "account");
        return "security/password";
    }

    @PostMapping("/account/sign-out-everywhere")
    String signOutEverywhere(@AuthenticationPrincipal SoteriaUser user, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response) {
        sessions.endAll(user);
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return "redirect:/login?signedOutEverywhere";
    }
}
