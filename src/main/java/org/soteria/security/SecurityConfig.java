package org.soteria.security;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.soteria.audit.AuditService;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Deny by default: every path is in {@link EndpointRules} (gathered from the features' routes) with who
 * may use it, and anything not listed is refused. Sign-in is two steps (password, then the TOTP code); between them the user may reach
 * only the second step.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class SecurityConfig {

    /** The API: personal access tokens only, no session, no cookies (so no CSRF), problem documents on refusal. */
    /**
     * Nothing collects observations (the service exposes its health alone), and wrapping every security filter in
     * one cost every page a few per cent of its time (docs/benchmarks.md, the case list).
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, AuditService audit, EndpointRules endpoints)
            throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> {
                    for (EndpointRules.Rule rule : endpoints.rules()) {
                        if (rule.access() == EndpointRules.Access.SIGNED_FILE) {
                            // the hub checks the signature itself, against the force's registered key
                            auth.requestMatchers(rule.pattern()).permitAll();
                        } else if (rule.isApi()) {
                            auth.requestMatchers(rule.pattern()).access(AuthorizationManagers.allOf(
                                    AuthorityAuthorizationManager.hasAnyRole(rule.permission().roleNames()),
                                    AuthorityAuthorizationManager.hasAuthority(rule.scope().authority())));
                        }
                    }
                    auth.anyRequest().denyAll();
                })
                .addFilterBefore(new SecurityHeadersFilter(), SecurityContextHolderFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, audit), AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ApiProblems.write(response, 401,
                                "Sign-in needed", "Send a personal access token: Authorization: Bearer sot_..."))
                        .accessDeniedHandler((request, response, ex) -> ApiProblems.write(response, 403,
                                "Not allowed", "Your role or this token's scopes do not allow this request.")))
                .headers(h -> h.httpStrictTransportSecurity(hsts -> hsts.disable()).frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, UserService users, PasswordEncoder encoder, Clock clock,
            @Value("${soteria.demo:false}") boolean demoMode,
            @Value("${soteria.session.absolute-limit:PT10H}") Duration absoluteLimit,
            ObjectProvider<ClientRegistrationRepository> directory, Environment env, EndpointRules endpoints,
            UserRepository accounts) throws Exception {
        if (directory.getIfAvailable() != null) {
            // The force's directory, and partners' (OpenID Connect): their second factor stands in for Soteria's (ADRs
            // 7, 41).
            DirectorySignIn signIn = new DirectorySignIn(users, accounts::partnerOrgKind, env);
            signIn.checkRegistrations(directory.getObject());
            http.oauth2Login(o -> o.loginPage("/login").userInfoEndpoint(u -> u.oidcUserService(signIn))
                    .defaultSuccessUrl("/", true).failureUrl("/login?directoryError"));
        }
        // No parent authentication manager: Spring would otherwise build one from UserService (a UserDetailsService)
        // and ask it whenever SignInProvider refuses, so a refused but correct password (a held-back address) would
        // sign in fully, without the second factor.
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        http.authorizeHttpRequests(auth -> {
            for (EndpointRules.Rule rule : endpoints.rules()) {
                if (rule.isApi()) {
                    continue;
                }
                AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = auth.requestMatchers(rule.pattern());
                switch (rule.access()) {
                    case PUBLIC -> url.permitAll();
                    case SIGNED_IN -> url.access(signedIn(rule));
                    case PERMISSION -> url.access(AuthorityAuthorizationManager.hasAnyRole(
                            rule.permission().roleNames()));
                    case TOKEN, SIGNED_FILE -> url.denyAll();
                }
            }
            auth.anyRequest().denyAll();
        })
                .authenticationProvider(new SignInProvider(users, encoder, demoMode))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler((request, response, authentication) -> response.sendRedirect(
                                SoteriaUser.fullySignedIn(authentication) ? "/" : "/sign-in/second-factor"))
                        .failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .deleteCookies("SOTERIA_SESSION"))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> {
                    Authentication a = SecurityContextHolder.getContext().getAuthentication();
                    if (a != null && !SoteriaUser.fullySignedIn(a) && a.isAuthenticated()
                            && a.getPrincipal() instanceof SoteriaUser) {
                        response.sendRedirect("/sign-in/second-factor");
                    } else {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN);
                    }
                }))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(new SecurityHeadersFilter(), SecurityContextHolderFilter.class)
                .addFilterAfter(new SessionLimitFilter(clock, absoluteLimit), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeFilter(), SessionLimitFilter.class)
                .headers(h -> h
                        .httpStrictTransportSecurity(hsts -> hsts.disable())
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> signedIn(EndpointRules.Rule rule) {
        if (rule.pattern().startsWith("/sign-in")) {
            // Between the two steps of sign-in: the password was right, the second factor is still to come.
            return (authentication, context) -> new org.springframework.security.authorization.AuthorizationDecision(
                    authentication.get() != null && authentication.get().getPrincipal() instanceof SoteriaUser);
        }
        return AuthorityAuthorizationManager.hasAuthority(SoteriaUser.SIGNED_IN);
    }
}
