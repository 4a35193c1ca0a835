package org.soteria.assessment;

/**
 * The finding an improvement action answers (issue 26): an item of a deep-dive sample's findings
 * ({@code deep-dive/12/suspect_focus}, or {@code missed_opportunity}), or a section of a self-assessment
 * ({@code assessment/3/leadership}). Written this way in a form's hidden field and in the links that start an
 * action from a finding.
 */
public record Answers(Kind kind, long id, String code) {

    /** Where the finding is. */
    public enum Kind { DEEP_DIVE, ASSESSMENT }

    /** The missed opportunities of a deep dive, answered as an item. */
    static final String MISSED = "missed_opportunity";

    /** The reference as written; null for one that is not of either form (the caller says what is wrong). */
    static Answers parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] parts = raw.strip().split("/");
        if (parts.length != 3 || !parts[1].matches("[1-9][0-9]{0,17}") || !parts[2].matches("[a-z][a-z_]{0,59}")) {
            return null;
        }
        Kind kind = switch (parts[0]) {
            case "deep-dive" -> Kind.DEEP_DIVE;
            case "assessment" -> Kind.ASSESSMENT;
            default -> null;
        };
        return kind == null ? null : new Answers(kind, Long.parseLong(parts[1]), parts[2]);
    }

    /** As written in a form and a link. */
    public String encoded() {
        return (kind == Kind.DEEP_DIVE ? "deep-dive/" : "assessment/") + id + "/" + code;
    }

    /** The page of the finding. */
    public String href() {
        return kind == Kind.DEEP_DIVE ? "/deep-dive/" + id + "/findings" : "/assessment/" + id + "/sections/" + code;
    }
}
