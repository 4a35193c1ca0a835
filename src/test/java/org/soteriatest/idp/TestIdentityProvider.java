package org.soteriatest.idp;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider (Spring Authorization Server) standing in for a force's directory in
 * DirectorySignInIT: users, their groups, and whether they used a second factor. It lives outside
 * org.soteria so that Soteria's components are not scanned into it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestIdentityProvider {

    public static final String PASSWORD = "directory-password";

    /**
     * User name → directory groups; "no-mfa" signs in with a password alone. The same provider stands in for a CPS
     * area's directory too (a second client): its prosecutors are in "grp-cps-rasso"; "both@cps.example" is in a
     * group of each.
     */
    static final Map<String, List<String>> GROUPS = Map.of(
            "j.smith@force.example", List.of("grp-rasso-investigators", "grp-all-staff"),
            "no-group@force.example", List.of("grp-all-staff"),
            "two-roles@force.example", List.of("grp-rasso-investigators", "grp-auditors"),
            "no-mfa@force.example", List.of("grp-rasso-investigators"),
            "clash", List.of("grp-rasso-investigators"),
            "p.jones@cps.example", List.of("grp-cps-rasso", "grp-cps-all"),
            "both@cps.example", List.of("grp-rasso-investigators", "grp-cps-rasso"));

    /**
     * Users whose ID tokens are shaped as Microsoft Entra ID v2.0 issues them: no {@code amr}, the Soteria role as an
     * app role ({@code roles}), and, when Conditional Access asked for it, the authentication context in {@code acrs};
     * "overage" has too many groups to list ({@code _claim_names}).
     */
    static final List<String> ENTRA = List.of("entra.v2@force.example", "entra.noctx@force.example",
            "overage@force.example");

    @Bean
    UserDetailsService directoryUsers() {
        return new InMemoryUserDetailsManager(java.util.stream.Stream.concat(GROUPS.keySet().stream(), ENTRA.stream())
                .map(u -> User.withUsername(u).password("{noop}" + PASSWORD).roles("USER").build()).toList());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupsAndAmr() {
        return context -> {
            if ("id_token".equals(context.getTokenType().getValue())) {
                String user = context.getPrincipal().getName();
                context.getClaims().claim("preferred_username", user);
                context.getClaims().claim("name", "Directory " + user.split("@")[0]);
                if (user.equals("overage@force.example")) {
                    context.getClaims().claim("_claim_names", Map.of("groups", "src1"));
                    context.getClaims().claim("_claim_sources", Map.of("src1", Map.of("endpoint",
                            "https://graph.microsoft.com/v1.0/users/x/getMemberObjects")));
                    context.getClaims().claim("amr", List.of("pwd", "mfa"));
                } else if (ENTRA.contains(user)) {
                    context.getClaims().claim("roles", List.of("Soteria.Investigator"));
                    context.getClaims().claim("tid", "9188040d-6c67-4c5b-b112-36a304b66dad");
                    if (user.startsWith("entra.v2")) {
                        context.getClaims().claim("acrs", List.of("c1"));
                    }
                } else {
                    context.getClaims().claim("groups", GROUPS.getOrDefault(user, List.of()));
                    context.getClaims().claim("amr", user.startsWith("no-mfa") ? List.of("pwd") : List.of("pwd", "mfa"));
                }
            }
        };
    }
}
