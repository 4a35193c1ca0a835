package org.soteria.platform;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Soteria speaks: English and Welsh, each named in itself, as the GOV.UK language switch shows them. */
public enum Language {
    ENGLISH("en", "English"),
    WELSH("cy", "Cymraeg");

    private final String code;
    private final String ownName;

    Language(String code, String ownName) {
        this.code = code;
        this.ownName = ownName;
    }

    /** The ISO 639-1 code, as {@code lang} and {@code ?lang=} carry it. */
    public String code() {
        return code;
    }

    /** The language's name in itself: English, Cymraeg. */
    public String ownName() {
        return ownName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language of that code, if Soteria speaks it. */
    public static Optional<Language> of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }

    /** The language of a locale; English for any other. */
    public static Language of(Locale locale) {
        return locale != null && "cy".equals(locale.getLanguage()) ? WELSH : ENGLISH;
    }
}
