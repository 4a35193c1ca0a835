package org.soteria.web;

import org.soteria.platform.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The language of each page (ADR 22): English or Welsh, chosen with the "English | Cymraeg" link on every
 * page ({@code ?lang=cy}), remembered by the browser in a cookie for a year. Anything else asked for is
 * English, except that a force may serve its public pages (the victims' feedback journey) in Welsh first
 * ({@code soteria.public-pages.language=cy}) to a browser that has not chosen. A signed-in user's choice is also remembered on their account, and the first page after signing in
 * takes the account's language, so the choice follows them to any computer. Pages that may not be served in a language they have no words for cannot exist: a template's
 * text lives in the message bundles, which a test keeps complete in both.
 */
@Configuration(proxyBeanMethods = false)
public class LanguageConfig implements WebMvcConfigurer {

    private final org.soteria.web.form.FormMessages formMessages;
    private final UserService users;

    public LanguageConfig(org.soteria.web.form.FormMessages formMessages, UserService users) {
        this.formMessages = formMessages;
        this.users = users;
    }

    /** Set in a signed-in session once the account's language has been applied to it. */
    static final String ACCOUNT_LANGUAGE_APPLIED = LanguageConfig.class.getName() + ".applied";

    /** The cookie that remembers the choice: the language code only. */
    public static final String COOKIE = "SOTERIA_LANG";

    /** Pages for the public (the victims' feedback journey), which a force may serve in Welsh first. */
    static boolean publicPage(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/feedback/");
    }

    @Bean
    LocaleResolver localeResolver(
            @org.springframework.beans.factory.annotation.Value("${soteria.public-pages.language:en}") String publicLanguage) {
        Language publicFirst = Language.of(publicLanguage).orElseThrow(() -> new IllegalStateException(
                "soteria.public-pages.language must be en or cy, not '" + publicLanguage + "'"));
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, Language.of(locale).locale());
            }
        };
        resolver.setDefaultLocale(Language.ENGLISH.locale());
        // A browser that has not chosen sees the force's language for public pages (Welsh first if it says so).
        resolver.setDefaultLocaleFunction(request -> publicPage(request) ? publicFirst.locale()
                : Language.ENGLISH.locale());
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setLanguageTagCompliant(true);
        resolver.setRejectInvalidCookies(true);
        return resolver;
    }

    /** The user of a signed-in browser session (both factors checked); null for anyone else, and for API calls. */
    private static SoteriaUser signedIn(HttpServletRequest request) {
        if (request.getSession(false) == null) {
            return null;
        }
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return SoteriaUser.fullySignedIn(a) && a.getPrincipal() instanceof SoteriaUser user ? user : null;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                if (resolver == null) {
                    return true;
                }
                Optional<Language> asked = Language.of(request.getParameter("lang"));
                asked.ifPresent(l -> resolver.setLocale(request, response, l.locale()));
                SoteriaUser user = signedIn(request);
                if (user == null) {
                    return true;
                }
                HttpSession session = request.getSession();
                if (asked.isPresent()) {
                    users.chooseLanguage(user, asked.get());
                } else if (session.getAttribute(ACCOUNT_LANGUAGE_APPLIED) == null) {
                    users.language(user.getUsername()).ifPresent(l -> resolver.setLocale(request, response, l.locale()));
                }
                if (session.getAttribute(ACCOUNT_LANGUAGE_APPLIED) == null) {
                    session.setAttribute(ACCOUNT_LANGUAGE_APPLIED, Boolean.TRUE);
                }
                return true;
            }
        });
        registry.addInterceptor(formMessages);
    }
}
