package org.soteria.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the start page after sign-in is the home feature's). */
@Controller
public class SignInPageController {

    private final ObjectProvider<ClientRegistrationRepository> directory;
    private final String directoryRegistration;
    private final org.springframework.context.MessageSource messages;
    private final org.soteria.security.PartnerDirectories partners;

    public SignInPageController(ObjectProvider<ClientRegistrationRepository> directory,
            @Value("${soteria.oidc.registration-id:entra}") String directoryRegistration,
            org.springframework.context.MessageSource messages, org.soteria.security.PartnerDirectories partners) {
        this.directory = directory;
        this.partners = partners;
        this.directoryRegistration = directoryRegistration;
        this.messages = messages;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "signedOut", required = false) String signedOut,
            @RequestParam(name = "signedOutEverywhere", required = false) String signedOutEverywhere,
            @RequestParam(name = "expired", required = false) String expired,
            @RequestParam(name = "directoryError", required = false) String directoryError, Model model,
            java.util.Locale locale) {
        model.addAttribute("directoryError", directoryError != null);
        boolean directories = directory.getIfAvailable() != null;
        model.addAttribute("directoryUrl", directories ? "/oauth2/authorization/" + directoryRegistration : null);
        model.addAttribute("partnerDirectories", directories ? partners.signIns() : java.util.List.of());
        model.addAttribute("loginError", error != null);
        model.addAttribute("signedOutMessage", signedOutEverywhere != null
                ? messages.getMessage("login.signedOutEverywhere", null, locale)
                : signedOut != null ? messages.getMessage("login.signedOut", null, locale) : null);
        model.addAttribute("expired", expired != null);
        return "web/login";
    }
}
