package org.soteria.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** A fault given as a message code is shown in the page's language; any other fault as it is. */
class FormMessagesTest {

    private static final Locale WELSH = Locale.forLanguageTag("cy");

    private static FormMessages messages() {
        StaticMessageSource source = new StaticMessageSource();
        source.setAlwaysUseMessageFormat(true);
        source.addMessage("q.dignity", Locale.ENGLISH, "I was treated with dignity");
        source.addMessage("q.dignity", WELSH, "Cefais fy nhrin ag urddas");
        source.addMessage("choose", Locale.ENGLISH, "Choose a number for \"{0}\"");
        source.addMessage("choose", WELSH, "Dewiswch rif ar gyfer \"{0}\"");
        return new FormMessages(source);
    }

    @Test
    void aCodeIsShownInThePagesLanguageWithItsArgumentsTranslatedToo() {
        String fault = FormErrors.message("choose", "#q.dignity");
        assertThat(fault).isEqualTo("{choose|#q.dignity}");
        assertThat(messages().text(fault, Locale.ENGLISH)).isEqualTo("Choose a number for \"I was treated with dignity\"");
        assertThat(messages().text(fault, WELSH)).isEqualTo("Dewiswch rif ar gyfer \"Cefais fy nhrin ag urddas\"");
    }

    @Test
    void otherFaultsAndUnknownCodesAreShownAsTheyAreAndTheOrderIsKept() {
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("b", "Enter the date");
        faults.put("a", "{no.such.code}");
        faults.put("c", FormErrors.message("choose", "plain"));
        assertThat(messages().localised(faults, WELSH)).containsExactly(Map.entry("b", "Enter the date"),
                Map.entry("a", "{no.such.code}"), Map.entry("c", "Dewiswch rif ar gyfer \"plain\""));
    }
}
