package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;

/** A force may serve its public pages in Welsh first (issue 21); staff pages stay English until chosen. */
class LanguageConfigTest {

    private static Locale resolve(LocaleResolver resolver, String path, String cookie) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (cookie != null) {
            request.setCookies(new jakarta.servlet.http.Cookie(LanguageConfig.COOKIE, cookie));
        }
        return resolver.resolveLocale(request);
    }

    @Test
    void welshFirstAppliesToPublicPagesOfABrowserThatHasNotChosen() {
        LocaleResolver welshFirst = new LanguageConfig(null, null).localeResolver("cy");
        assertThat(resolve(welshFirst, "/feedback/abc", null).getLanguage()).isEqualTo("cy");
        assertThat(resolve(welshFirst, "/cases", null).getLanguage()).isEqualTo("en");
        assertThat(resolve(welshFirst, "/feedback/abc", "en").getLanguage()).as("the browser's choice wins")
                .isEqualTo("en");
        LocaleResolver englishFirst = new LanguageConfig(null, null).localeResolver("en");
        assertThat(resolve(englishFirst, "/feedback/abc", null).getLanguage()).isEqualTo("en");
        assertThat(resolve(englishFirst, "/feedback/abc", "cy").getLanguage()).isEqualTo("cy");
    }

    @Test
    void anotherLanguageIsRefusedAtStart() {
        assertThatThrownBy(() -> new LanguageConfig(null, null).localeResolver("fr"))
                .hasMessageContaining("soteria.public-pages.language must be en or cy, not 'fr'");
    }
}
