package org.soteria.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
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
 * English. Pages that may not be served in a language they have no words for cannot exist: a template's
 * text lives in the message bundles, which a test keeps complete in both.
 */
@Configuration(proxyBeanMethods = false)
public class LanguageConfig implements WebMvcConfigurer {

    private final org.soteria.web.form.FormMessages formMessages;

    public LanguageConfig(org.soteria.web.form.FormMessages formMessages) {
        this.formMessages = formMessages;
    }

    /** The cookie that remembers the choice: the language code only. */
    public static final String COOKIE = "SOTERIA_LANG";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, Language.of(locale).locale());
            }
        };
        resolver.setDefaultLocale(Language.ENGLISH.locale());
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setLanguageTagCompliant(true);
        resolver.setRejectInvalidCookies(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String asked = request.getParameter("lang");
                if (asked != null) {
                    LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
                    if (resolver != null) {
                        Language.of(asked).ifPresent(l -> resolver.setLocale(request, response, l.locale()));
                    }
                }
                return true;
            }
        });
        registry.addInterceptor(formMessages);
    }
}
