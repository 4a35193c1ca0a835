package org.soteria.reference;

import java.util.Locale;
import java.util.Optional;

/** The Home Office offence classification codes for RASSO crimes, exactly as outcomes-and-offences.md lists them. */
public enum OffenceCode {
    C19C("19C", "Rape of a female aged 16 or over", OffenceGroup.ADULT_RAPE),
    C19D("19D", "Rape of a female child under 16", OffenceGroup.CHILD_RAPE),
    C19E("19E", "Rape of a female child under 13", OffenceGroup.CHILD_RAPE),
    C19F("19F", "Rape of a male aged 16 or over", OffenceGroup.ADULT_RAPE),
    C19G("19G", "Rape of a male child under 16", OffenceGroup.CHILD_RAPE),
    C19H("19H", "Rape of a male child under 13", OffenceGroup.CHILD_RAPE),
    C17A("17A", "Sexual assault on a male aged 13 or over", OffenceGroup.SEXUAL_ASSAULT),
    C17B("17B", "Sexual assault on a male child under 13", OffenceGroup.SEXUAL_ASSAULT),
    C20A("20A", "Sexual assault on a female aged 13 or over", OffenceGroup.SEXUAL_ASSAULT),
    C20B("20B", "Sexual assault on a female child under 13", OffenceGroup.SEXUAL_ASSAULT),
    C21("21", "Sexual activity involving a child under 13", OffenceGroup.OTHER_SEXUAL),
    C22A("22A", "Causing sexual activity without consent", OffenceGroup.OTHER_SEXUAL),
    C22B("22B", "Sexual activity involving a child under 16", OffenceGroup.OTHER_SEXUAL),
    C23("23", "Incest or familial sexual offences", OffenceGroup.OTHER_SEXUAL),
    C70("70", "Sexual activity etc. with a person with a mental disorder", OffenceGroup.OTHER_SEXUAL),
    C71("71", "Abuse of children through sexual exploitation", OffenceGroup.OTHER_SEXUAL),
    C72("72", "Trafficking for sexual exploitation", OffenceGroup.OTHER_SEXUAL),
    C73("73", "Abuse of position of trust of a sexual nature", OffenceGroup.OTHER_SEXUAL),
    C88A("88A", "Sexual grooming", OffenceGroup.OTHER_SEXUAL);

    private final String code;
    private final String description;
    private final OffenceGroup group;

    OffenceCode(String code, String description, OffenceGroup group) {
        this.code = code;
        this.description = description;
        this.group = group;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    public OffenceGroup group() {
        return group;
    }

    /** Looks a code up as the exchange format reads it: trimmed and upper-cased. */
    public static Optional<OffenceCode> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalised = raw.trim().toUpperCase(Locale.ROOT);
        for (OffenceCode c : values()) {
            if (c.code.equals(normalised)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
