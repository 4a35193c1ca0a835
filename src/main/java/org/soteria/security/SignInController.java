package org.soteria.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of sign-in: the six-digit code from the user's authenticator app (or a recovery
 * code), or on first sign-in, setting the app up from a QR code. Failures count towards the account's
 * lockout, like wrong passwords; a session whose account is locked (from here or anywhere else) or whose
 * address is held back ends at its next code, right or wrong.
 */
@Controller
public class SignInController {

    private final UserService users;
    private final AccountAdminService accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    public SignInController(UserService users, AccountAdminService accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @GetMapping("/sign-in/second-factor")
    String secondFactor(Authentication authentication, Model model) {
        if (SoteriaUser.fullySignedIn(authentication)) {
            return "redirect:/";
        }
        SoteriaUser user = (SoteriaUser) authentication.getPrincipal();
        if (!users.secondFactorEnrolled(user.getUsername())) {
            return "redirect:/sign-in/set-up";
        }
        model.addAttribute("errors", Map.of());
        return "security/second-factor";
    }

    @PostMapping("/sign-in/second-factor")
    String checkSecondFactor(@RequestParam(name = "code", defaultValue = "") String code, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (SoteriaUser.fullySignedIn(authentication)) {
            return "redirect:/";
        }
        SoteriaUser user = (SoteriaUser) authentication.getPrincipal();
        if (code.isBlank()) {
            model.addAttribute("errors", Map.of("code", "{secondFactor.error.empty}"));
            return "security/second-factor";
        }
        if (refused(user, "second factor", authentication, request, response)) {
            return "redirect:/login?error";
        }
        if (!users.verifySecondFactor(user.getUsername(), code)) {
            if (users.signInFailed(user.getUsername(), request.getRemoteAddr(), "second factor: wrong code")) {
                new SecurityContextLogoutHandler().logout(request, response, authentication);
                return "redirect:/login?error";
            }
            model.addAttribute("errors", Map.of("code", "{secondFactor.error.wrong}"));
            return "security/second-factor";
        }
        completeSignIn(user, request, response, "password and authenticator code");
        return "redirect:" + afterSignIn(user, request);
    }

    @GetMapping("/sign-in/set-up")
    String setUp(Authentication authentication, Model model) {
        if (SoteriaUser.fullySignedIn(authentication)) {
            return "redirect:/account";
        }
        SoteriaUser user = (SoteriaUser) authentication.getPrincipal();
        if (users.secondFactorEnrolled(user.getUsername())) {
            return "redirect:/sign-in/second-factor";
        }
        return setUpPage(user, model, null);
    }

    @PostMapping("/sign-in/set-up")
    String confirmSetUp(@RequestParam(name = "code", defaultValue = "") String code, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (SoteriaUser.fullySignedIn(authentication)) {
            return "redirect:/account";
        }
        SoteriaUser user = (SoteriaUser) authentication.getPrincipal();
        if (code.isBlank()) {
            return setUpPage(user, model, "{setUp.error.empty}");
        }
        if (refused(user, "set-up", authentication, request, response)) {
            return "redirect:/login?error";
        }
        List<String> recoveryCodes = users.confirmEnrolment(user, code);
        if (recoveryCodes.isEmpty()) {
            return setUpPage(user, model, "{setUp.error.wrong}");
        }
        completeSignIn(user, request, response, "password and authenticator code (second factor set up)");
        afterSignIn(user, request);
        model.addAttribute("notices", accounts.notices(user.getUsername()));
        model.addAttribute("recoveryCodes", recoveryCodes);
        model.addAttribute("firstSetUp", true);
        return "security/recovery-codes";
    }

    /** Ends a half-signed-in session whose account is now locked or disabled, or whose address is held back. */
    private boolean refused(SoteriaUser user, String step, Authentication authentication, HttpServletRequest request,
            HttpServletResponse response) {
        var why = users.secondFactorRefused(user.getUsername(), request.getRemoteAddr());
        if (why.isEmpty()) {
            return false;
        }
        users.signInFailed(user.getUsername(), request.getRemoteAddr(), step + " refused: " + why.get());
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        return true;
    }

    /** The set-up page; {@code error} is a message code in braces, put in the page's language as it renders. */
    private String setUpPage(SoteriaUser user, Model model, String error) {
        String secret = users.pendingSecret(user.getUsername());
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("qrSvg", users.enrolmentQrSvg(user.getUsername(), user.forceCode(), secret));
        model.addAttribute("errors", error == null ? Map.of() : Map.of("code", error));
        return "security/set-up";
    }

    /**
     * Where a fully signed-in user goes first: to choose their own password when an administrator set it, to their
     * account when administrators changed it since (they are told what), otherwise home.
     */
    private String afterSignIn(SoteriaUser user, HttpServletRequest request) {
        if (accounts.mustChangePassword(user.getUsername())) {
            request.getSession().setAttribute(PasswordChangeFilter.MUST_CHANGE, Boolean.TRUE);
            return PasswordChangeFilter.PAGE;
        }
        return accounts.hasUnseenNotices(user.getUsername()) ? "/account" : "/";
    }

    /** Both factors checked: the session gets a new id and the user their role's authorities. */
    private void completeSignIn(SoteriaUser user, HttpServletRequest request, HttpServletResponse response,
            String how) {
        request.changeSessionId();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        holder.setContext(context);
        contexts.saveContext(context, request, response);
        users.signedIn(user, request.getRemoteAddr(), how);
    }
}
