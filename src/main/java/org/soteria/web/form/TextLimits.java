package org.soteria.web.form;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The most characters a long text field takes, for the page's character count, read from where the rule is
 * kept so the page and the check cannot differ: a form record's {@link MaxChars} field
 * ({@code @limits.chars('suspect.SuspectForms.LinkDecision.reason')}) or an {@code int} constant of the service
 * that checks a field bound without a record ({@code @limits.chars('security.AccessService.MAX_REASON')}). Names
 * are relative to {@code org.soteria}; one that names neither fails the page, so a renamed field cannot silently
 * drop its count.
 */
@Component("limits")
public class TextLimits {

    private static final String ROOT = "org.soteria.";
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    /** The limit of {@code member}: {@code package.Class[.Nested].field}, below {@code org.soteria}. */
    public int chars(String member) {
        return known.computeIfAbsent(member, TextLimits::find);
    }

    private static int find(String member) {
        int dot = member.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("Not a class's member: " + member);
        }
        Class<?> type = type(member.substring(0, dot));
        String name = member.substring(dot + 1);
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                MaxChars rule = c.getName().equals(name) ? field(type, name).getAnnotation(MaxChars.class) : null;
                if (rule != null) {
                    return rule.value();
                }
            }
        }
        try {
            Field f = type.getDeclaredField(name);
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()) && f.getType() == int.class) {
                f.setAccessible(true);
                return f.getInt(null);
            }
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalArgumentException("No limit at " + member, e);
        }
        throw new IllegalArgumentException("No limit at " + member + ": neither a @MaxChars field nor an int constant");
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class named, nested classes written with dots as in the source. */
    private static Class<?> type(String name) {
        String binary = ROOT + name;
        while (true) {
            try {
                return Class.forName(binary, false, TextLimits.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                int dot = binary.lastIndexOf('.');
                if (dot <= ROOT.length()) {
                    throw new IllegalArgumentException("No class " + name, e);
                }
                binary = binary.substring(0, dot) + '$' + binary.substring(dot + 1);
            }
        }
    }
}
