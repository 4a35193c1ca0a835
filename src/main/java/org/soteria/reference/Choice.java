package org.soteria.reference;

import java.util.Locale;

/** A coded value that people choose from a list, so it also has a label to show them. */
public interface Choice extends Coded {

    String label();

    /** The message code of its label in the bundles: {@code choice.<Type>.<code>} (the English is {@link #label}). */
    default String messageKey() {
        Class<?> type = this instanceof Enum<?> e ? e.getDeclaringClass() : getClass();
        return "choice." + type.getSimpleName() + "." + code();
    }

    /** The value with this code, or an IllegalArgumentException naming the code and the type. */
    static <E extends Enum<E> & Choice> E fromCode(Class<E> type, String code) {
        return Coded.parse(type, code).orElseThrow(() -> new IllegalArgumentException(
                "Unknown " + type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                        + ": " + code));
    }
}
