package org.soteria.web;

import org.soteria.platform.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.soteria.security.EndpointRules;
import org.soteria.security.NavItem;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the signed-in user (only once both factors are checked), the service
 * navigation they may open (declared by the features, see {@link org.soteria.security.FeatureRoutes}), the
 * permissions they hold, whether this is demo mode or the hub, and the response's CSP nonce.
 */
@ControllerAdvice
public class LayoutAdvice {

    private final boolean demo;
    private final boolean hub;
    private final EndpointRules endpoints;

    public LayoutAdvice(@Value("${soteria.demo:false}") boolean demo, @Value("${soteria.mode:force}") String mode,
            EndpointRules endpoints) {
        this.demo = demo;
        this.hub = "hub".equals(mode);
        this.endpoints = endpoints;
    }

    /** Whether this instance is the learning network's hub (serve --mode hub) rather than a force's. */
    @ModelAttribute("hubMode")
    boolean hubMode() {
        return hub;
    }

    /** One language of the switch: its code, its own name, whether the page is in it, and the page in it. */
    public record LanguageLink(String code, String name, boolean current, String href) {
    }

    /**
     * The language switch for a page reached by GET: the same address in each language (for an error page, the
     * start page). A page shown in reply to a form (a POST) has no address of its own to switch, so it shows no
     * switch; the choice is made on the page before or after it.
     */
    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request, java.util.Locale locale) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        Language current = Language.of(locale);
        // An error page (a refusal, a page not found) switches to the start page: the same address would only
        // refuse again, in the other language.
        boolean error = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE) != null;
        List<LanguageLink> links = new ArrayList<>();
        for (Language l : Language.values()) {
            String href = org.springframework.web.util.UriComponentsBuilder.fromPath(error ? "/" : request.getRequestURI())
                    .query(error ? null : request.getQueryString()).replaceQueryParam("lang", l.code()).build()
                    .toUriString();
            links.add(new LanguageLink(l.code(), l.ownName(), l == current, href));
        }
        return links;
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return demo;
    }

    @ModelAttribute("cspNonce")
    Object cspNonce(HttpServletRequest request) {
        return request.getAttribute("cspNonce");
    }

    @ModelAttribute("currentUser")
    SoteriaUser currentUser(Authentication authentication) {
        return signedIn(authentication);
    }

    /** The permissions the signed-in user holds, by name, for pages that offer more to some roles: {@code can.contains('VIEW_CASES')}. */
    @ModelAttribute("can")
    java.util.Set<String> can(Authentication authentication) {
        SoteriaUser user = signedIn(authentication);
        java.util.Set<String> held = new java.util.HashSet<>();
        if (user != null) {
            for (Permission p : Permission.values()) {
                if (user.can(p)) {
                    held.add(p.name());
                }
            }
        }
        return held;
    }

    /** The service navigation's entries this user may open, left to right, as the features declared them. */
    @ModelAttribute("navigation")
    List<NavLink> navigation(Authentication authentication) {
        SoteriaUser user = signedIn(authentication);
        if (user == null) {
            return List.of();
        }
        List<NavLink> links = new ArrayList<>();
        for (NavItem item : endpoints.navigation()) {
            String href = item.hrefFor(user);
            if (href != null) {
                links.add(new NavLink(item.key(), item.label(), href));
            }
        }
        return links;
    }

    /** One entry of the service navigation as the layout shows it. */
    public record NavLink(String key, String label, String href) {
    }

    private static SoteriaUser signedIn(Authentication a) {
        return a != null && a.getPrincipal() instanceof SoteriaUser user && SoteriaUser.fullySignedIn(a) ? user : null;
    }
}
