package org.soteria.reference;

/** The suspect's relationship to the victim. */
public enum Relationship implements Coded {
    PARTNER("partner"),
    EX_PARTNER("ex_partner"),
    FAMILY("family"),
    ACQUAINTANCE("acquaintance"),
    STRANGER("stranger"),
    ONLINE_CONTACT("online_contact"),
    PROFESSIONAL("professional"),
    OTHER("other"),
    UNKNOWN("unknown");

    private final String code;

    Relationship(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
