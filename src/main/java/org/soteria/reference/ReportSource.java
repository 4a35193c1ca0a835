package org.soteria.reference;

/** Who reported the crime (exchange-format.md); anyone but the victim makes a third-party report in the measures. */
public enum ReportSource implements Coded {
    VICTIM("victim"),
    THIRD_PARTY("third_party"),
    PROFESSIONAL("professional"),
    OTHER("other");

    private final String code;

    ReportSource(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
