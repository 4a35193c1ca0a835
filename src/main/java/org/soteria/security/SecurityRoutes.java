package org.soteria.security;

import java.util.List;
import org.springframework.stereotype.Component;

/** Sign-in, the second factor, your account, and what every page loads (styles, scripts, errors, health checks). Both kinds of instance. */
@Component
class SecurityRoutes implements FeatureRoutes {

    @Override
    public List<EndpointRules.Rule> rules() {
        return List.of(
                EndpointRules.Rule.open("/assets/**", "GOV.UK and MoJ Frontend styles, fonts and scripts"),
                EndpointRules.Rule.open("/css/**", "Soteria's styles"),
                EndpointRules.Rule.open("/js/**", "Soteria's scripts"),
                EndpointRules.Rule.open("/favicon.ico", "The site icon"),
                EndpointRules.Rule.open("/actuator/health", "Health check for the load balancer"),
                EndpointRules.Rule.open("/actuator/health/**", "Liveness and readiness probes"),
                EndpointRules.Rule.open("/login", "The sign-in page"),
                EndpointRules.Rule.open("/oauth2/authorization/*", "Sign-in through the force's directory (OpenID Connect), when set up"),
                EndpointRules.Rule.open("/login/oauth2/code/*", "The directory's answer to a sign-in (OpenID Connect), when set up"),
                EndpointRules.Rule.open("/error", "Error pages (they reveal nothing)"),
                EndpointRules.Rule.signedIn("/sign-in/**", "The second step of sign-in and setting up the second factor"),
                EndpointRules.Rule.needs("/account/**", Permission.MANAGE_OWN_ACCOUNT, "Your account: second factor, recovery codes, alerts by e-mail, "
                        + "your password, signing out everywhere"),
                EndpointRules.Rule.needs("/admin/users", Permission.ADMINISTER_ACCOUNTS, "The force's accounts"),
                EndpointRules.Rule.needs("/admin/users/**", Permission.ADMINISTER_ACCOUNTS,
                        "One account: disable, enable, role, teams, resets"),
                EndpointRules.Rule.needs("/admin/resets/**", Permission.ADMINISTER_ACCOUNTS,
                        "Approving or withdrawing a reset request"));
    }

    @Override
    public List<NavItem> navigation() {
        return List.of(NavItem.of("accounts", "nav.accounts", 160, Permission.ADMINISTER_ACCOUNTS, "/admin/users"));
    }
}
