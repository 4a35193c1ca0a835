package org.soteria.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forms whose fields are a list elsewhere in the code name every item of that list, so none is silently dropped. */
class FormsMatchTheirPagesTest {

    private static List<String> fields(String recordClass) throws ClassNotFoundException {
        return Arrays.stream(Class.forName(recordClass).getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The {@code accessor} of each item of the static list {@code owner.field}. */
    private static List<String> items(String owner, String field, String accessor) throws Exception {
        Field f = Class.forName(owner).getDeclaredField(field);
        f.setAccessible(true);
        List<String> out = new ArrayList<>();
        for (Object item : (List<?>) f.get(null)) {
            Method m = item.getClass().getDeclaredMethod(accessor);
            m.setAccessible(true);
            out.add((String) m.invoke(item));
        }
        return out;
    }

    @Test
    void theCheckInNamesEveryStatementAndFeedbackEveryQuestion() throws Exception {
        // (The file review's items are data since ADR 43: its form reads them by code, as DeepDiveIT shows.)
        assertThat(fields("org.soteria.workforce.WorkforceForms$CheckIn"))
                .containsExactlyElementsOf(items("org.soteria.workforce.WellbeingService", "SCALE", "column"));
        assertThat(fields("org.soteria.victim.VictimForms$Answers"))
                .containsAll(items("org.soteria.victim.VictimForms", "QUESTIONS", "name"));
    }
}
