package org.soteria.performance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.soteria.reference.Coded;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OffenceGroup;
import org.soteria.reference.Relationship;
import org.soteria.reference.ReportSource;

/**
 * The filters of kpis.md: different keys combine with AND, the same key given twice with OR. Codes
 * are checked and put in canonical form; teams, officers and forces are taken as given.
 */
public record MeasureFilter(Map<Key, Set<String>> values) {

    /** The filter keys, as kpis.md names them. */
    public enum Key {
        FORCE("force", "Force"),
        TEAM("team", "Team"),
        OFFICER("officer", "Officer in the case"),
        OFFENCE_CODE("offence_code", "Offence code"),
        OFFENCE_GROUP("offence_group", "Offence group"),
        REPORT_SOURCE("report_source", "Reported by"),
        RELATIONSHIP("relationship", "Suspect's relationship to the victim"),
        VICTIM_AGE_BAND("victim_age_band", "Victim's age at the offence");

        private final String code;
        private final String label;

        Key(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        static Key of(String code) {
            for (Key k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** A filter that cannot be used, with the reason in words a user can act on. */
    public static final class Invalid extends IllegalArgumentException {
        private final String field;

        public Invalid(String message) {
            this(null, message);
        }

        /** {@code field}: the filter key or query field the message is about, for an inline error. */
        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static final MeasureFilter NONE = new MeasureFilter(Map.of());

    public MeasureFilter {
        Map<Key, Set<String>> copy = new LinkedHashMap<>();
        for (Key k : Key.values()) {
            Set<String> v = values.get(k);
            if (v != null && !v.isEmpty()) {
                copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v)));
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** Parses {@code key=value} pairs, as the report command and the API take them. */
    public static MeasureFilter parse(List<String> pairs) {
        Map<Key, Set<String>> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new Invalid("filter '" + pair + "' is not key=value (keys: " + keyList() + ")");
            }
            add(out, pair.substring(0, eq).trim(), pair.substring(eq + 1));
        }
        return new MeasureFilter(out);
    }

    /** Parses a map of key to values, as the pages and the API's query parameters give them. */
    public static MeasureFilter of(Map<String, List<String>> params) {
        Map<Key, Set<String>> out = new LinkedHashMap<>();
        params.forEach((key, vals) -> {
            for (String v : vals) {
                if (v != null && !v.isBlank()) {
                    add(out, key, v);
                }
            }
        });
        return new MeasureFilter(out);
    }

    private static void add(Map<Key, Set<String>> out, String rawKey, String rawValue) {
        Key key = Key.of(rawKey.toLowerCase(Locale.ROOT));
        if (key == null) {
            throw new Invalid("filter key '" + rawKey + "' is not one of " + keyList());
        }
        String value = rawValue.trim();
        if (value.isEmpty()) {
            throw new Invalid(key.code, "filter " + key.code + " has no value");
        }
        out.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(canonical(key, value));
    }

    private static String canonical(Key key, String value) {
        return switch (key) {
            case FORCE, TEAM, OFFICER -> value;
            case OFFENCE_CODE -> OffenceCode.parse(value).map(OffenceCode::code)
                    .orElseThrow(() -> invalid(key, value, Arrays.stream(OffenceCode.values()).map(OffenceCode::code).toList()));
            case OFFENCE_GROUP -> code(OffenceGroup.class, key, value);
            case REPORT_SOURCE -> code(ReportSource.class, key, value);
            case RELATIONSHIP -> code(Relationship.class, key, value);
            case VICTIM_AGE_BAND -> code(AgeBand.class, key, value);
        };
    }

    private static <E extends Enum<E> & Coded> String code(Class<E> type, Key key, String value) {
        return Coded.parse(type, value).map(Coded::code).orElseThrow(() -> invalid(key, value, Coded.codes(type)));
    }

    private static Invalid invalid(Key key, String value, List<String> allowed) {
        return new Invalid(key.code, "filter " + key.code + ": '" + value + "' is not one of " + String.join(", ", allowed));
    }

    private static String keyList() {
        List<String> keys = new ArrayList<>();
        for (Key k : Key.values()) {
            keys.add(k.code);
        }
        return String.join(", ", keys);
    }

    public Set<String> get(Key key) {
        return values.getOrDefault(key, Set.of());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The same filter with one key replaced (or removed when {@code value} is null). */
    public MeasureFilter with(Key key, String value) {
        Map<Key, Set<String>> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, Set.of(value));
        }
        return new MeasureFilter(copy);
    }

    /** Whether a key other than force restricts which crimes enter. */
    public boolean restrictsCrimes() {
        return values.keySet().stream().anyMatch(k -> k != Key.FORCE);
    }

    /** The filters as kpis.md's JSON carries them: key → the values given. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k.code, List.copyOf(v)));
        return out;
    }
}
