package org.soteria.web.form;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.soteria.platform.Invalid;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * A submitted form's faults, for the page's error summary ({@code fragments/forms :: errorSummary}) and its
 * fields: one message per field, in the order the form record lists its fields, which is the order the page
 * shows them. Faults found by Bean Validation on the bound record and by the service's own rules
 * ({@link org.soteria.platform.Invalid}) are listed together in that order; faults of fields the record
 * does not name come last.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * A form whose rules span fields (a date required only for one kind of submission, the end of a range
     * after its start): its faults join Bean Validation's, each on its field, unless that field already has one.
     */
    public interface CrossField {
        Map<String, String> crossFieldFaults();
    }

    /** The faults Bean Validation found in the bound form, with its cross-field faults. */
    public static Map<String, String> of(BindingResult binding) {
        Map<String, String> faults = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            faults.putIfAbsent(e.getField(), fault(e));
        }
        Object target = binding.getTarget();
        if (target instanceof CrossField rules) {
            rules.crossFieldFaults().forEach(faults::putIfAbsent);
        }
        return target == null ? faults : inOrder(faults, target.getClass());
    }

    /**
     * Runs {@code change} when the form has no {@code faults}; the faults, the form's or those the service
     * refused the change with ({@link Invalid}), in the form's order. Empty: the change is made.
     */
    public static Map<String, String> attempt(Map<String, String> faults, Class<?> form, Runnable change) {
        Map<String, String> all = new LinkedHashMap<>(faults);
        if (all.isEmpty()) {
            try {
                change.run();
            } catch (Invalid e) {
                all.putAll(e.errors());
            }
        }
        return inOrder(all, form);
    }

    /** The faults in the order of {@code form}'s fields (a record); the others after them. */
    public static Map<String, String> inOrder(Map<String, String> faults, Class<?> form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : fields(form)) {
            if (faults.containsKey(field)) {
                out.put(field, faults.get(field));
            }
        }
        faults.forEach(out::putIfAbsent);
        return out;
    }

    /** The form's raw values by field, to show the refused form again as it was typed. */
    public static Map<String, String> values(Record form) {
        Map<String, String> out = new LinkedHashMap<>();
        if (form == null) {
            return out;
        }
        for (RecordComponent c : form.getClass().getRecordComponents()) {
            try {
                java.lang.reflect.Method read = c.getAccessor();
                read.setAccessible(true);
                Object v = read.invoke(form);
                if (v instanceof List<?> list) {
                    if (!list.isEmpty()) {
                        out.put(c.getName(), String.join(",", list.stream().map(String::valueOf).toList()));
                    }
                } else if (v != null) {
                    out.put(c.getName(), v.toString());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** A message as Bean Validation's template language would otherwise read it: braces and dollars escaped. */
    /**
     * A field's fault as its message code ({@code {workforceError.chooseACourse}}), for the page to put into its
     * language as it is rendered, rather than words the validator already chose; a fault with no code as it is.
     */
    private static String fault(FieldError e) {
        if (e.contains(jakarta.validation.ConstraintViolation.class)) {
            String template = e.unwrap(jakarta.validation.ConstraintViolation.class).getMessageTemplate();
            if (template.matches("\\{[A-Za-z][\\w.]*\\}")) {
                return template;
            }
        }
        return e.getDefaultMessage();
    }

    static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }

    private static List<String> fields(Class<?> form) {
        List<String> names = new ArrayList<>();
        if (form.isRecord()) {
            for (RecordComponent c : form.getRecordComponents()) {
                names.add(c.getName());
            }
        }
        return names;
    }
}
