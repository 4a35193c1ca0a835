package org.soteria.platform;

import java.util.Locale;

/**
 * Words a force keeps as data (a journey stage, a self-assessment question) in English and, when someone has
 * written it, Welsh. A Welsh page shows the Welsh, or the English, marked as English, until it is written.
 */
public record Bilingual(String english, String welsh) {

    public Bilingual {
        english = english == null ? "" : english;
        welsh = welsh == null ? "" : welsh;
    }

    public static Bilingual of(String english, String welsh) {
        return new Bilingual(english, welsh);
    }

    /** The words for a page in {@code locale}. */
    public String in(Locale locale) {
        return Language.of(locale) == Language.WELSH && !welsh.isBlank() ? welsh : english;
    }

    /**
     * The {@code lang} of the words shown in {@code locale} when it is not the page's: {@code en} on a Welsh page
     * whose Welsh is not yet written; otherwise null, so that Thymeleaf leaves the attribute out.
     */
    public String lang(Locale locale) {
        return fallsBack(locale) ? Language.ENGLISH.code() : null;
    }

    public boolean isEmpty() {
        return english.isEmpty() && welsh.isEmpty();
    }

    private boolean fallsBack(Locale locale) {
        return Language.of(locale) == Language.WELSH && welsh.isBlank();
    }

    /** The English, as logs and machine answers carry it. */
    @Override
    public String toString() {
        return english;
    }
}
