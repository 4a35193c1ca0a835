package org.soteria.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A value from one of the domain's coded vocabularies, written in the exchange format as {@link #code()}. */
public interface Coded {

    String code();

    /** Matches a raw value case-insensitively after trimming, as the exchange format requires. */
    static <E extends Enum<E> & Coded> Optional<E> parse(Class<E> type, String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String wanted = raw.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.code().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
    }
}
