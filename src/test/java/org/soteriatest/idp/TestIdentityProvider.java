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

    /** User name → directory groups; "no-mfa" signs in with a password alone. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "j.smith@force.example", List.of("grp-rasso-investigators", "grp-all-staff"),
            "no-group@force.example", List.of("grp-all-staff"),
            "two-roles@force.example", List.of("grp-rasso-investigators", "grp-auditors"),
            "no-mfa@force.example", List.of("grp-rasso-investigators"));

    @Bean
    UserDetailsService directoryUsers() {
        return new InMemoryUserDetailsManager(GROUPS.keySet().stream()
                .map(u -> User.withUsername(u).password("{noop}" + PASSWORD).roles("USER").build()).toList());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupsAndAmr() {
        return context -> {
            if ("id_token".equals(context.getTokenType().getValue())) {
                String user = context.getPrincipal().getName();
                context.getClaims().claim("groups", GROUPS.getOrDefault(user, List.of()));
                context.getClaims().claim("preferred_username", user);
                context.getClaims().claim("name", "Directory " + user.substring(0, user.indexOf('@')));
                context.getClaims().claim("amr", user.startsWith("no-mfa") ? List.of("pwd") : List.of("pwd", "mfa"));
            }
        };
    }
}
