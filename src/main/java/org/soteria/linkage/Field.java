package org.soteria.linkage;

import java.util.List;

/**
 * The fields compared and their comparison levels, strongest agreement first. Level 0 is always
 * "missing" (either record lacks the value), which counts neither for nor against a match.
 */
public enum Field {
    /** Swapped names count once, on the given name; the family name is then "missing". */
    GIVEN_NAME("given_name", "Given name", "missing", "exact", "nickname or diminutive", "close spelling (Jaro-Winkler 0.94+)",
            "sounds the same (Double Metaphone)", "similar spelling (Jaro-Winkler 0.85+)", "initial only",
            "swapped with family name", "different"),
    FAMILY_NAME("family_name", "Family name", "missing", "exact", "close spelling (Jaro-Winkler 0.94+) or part of the other",
            "sounds the same (Double Metaphone)", "similar spelling (Jaro-Winkler 0.85+)", "different"),
    DATE_OF_BIRTH("date_of_birth", "Date of birth", "missing", "exact", "day and month transposed",
            "one digit wrong or two swapped", "partial date that agrees", "same year and month", "same year",
            "year one out", "different"),
    POSTCODE("postcode", "Postcode", "missing", "full postcode", "same sector", "same district", "one character different",
            "different"),
    SEX("sex", "Sex", "missing", "same", "different"),
    BIRTH_PLACE("birth_place", "Birth place", "missing", "exact", "similar (Jaro-Winkler 0.9+)", "different"),
    ADDRESS("address", "Address", "missing", "exact", "similar (Jaro-Winkler 0.9+)", "half the words shared (Jaccard 0.5+)", "different"),
    PNC_ID("pnc_id", "PNC identifier", "missing", "exact", "one character different", "different"),
    EMAIL("email", "Email", "missing", "exact", "similar (same user name or Jaro-Winkler 0.9+)", "different");

    static final Field[] ALL = values();
    /** Bits a field's level takes in a packed comparison pattern. */
    static final int BITS = 4;

    private final String column;
    private final String label;
    private final List<String> levels;

    Field(String column, String label, String... levels) {
        this.column = column;
        this.label = label;
        this.levels = List.of(levels);
    }

    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    public String level(int level) {
        return levels.get(level);
    }

    int levelCount() {
        return levels.size();
    }

    /** The level of this field in a packed pattern. */
    int of(long pattern) {
        return (int) (pattern >>> (ordinal() * BITS)) & ((1 << BITS) - 1);
    }

    static long pack(int[] levels) {
        long p = 0;
        for (int f = 0; f < levels.length; f++) {
            p |= (long) levels[f] << (f * BITS);
        }
        return p;
    }
}
