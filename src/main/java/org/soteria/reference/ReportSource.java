package org.soteria.reference;

/** Who reported the crime (exchange-format.md); anyone but the victim makes a third-party report in the measures. */
public enum ReportSource implements Choice {
    VICTIM("victim", "The victim"),
    THIRD_PARTY("third_party", "A third party"),
    PROFESSIONAL("professional", "A professional"),
    OTHER("other", "Someone else");

    private final String code;
    private final String label;

    ReportSource(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Who made the report, as a sentence on the case page reads it. */
    @Override
    public String label() {
        return label;
    }

    @Override
    public String code() {
        return code;
    }
}
