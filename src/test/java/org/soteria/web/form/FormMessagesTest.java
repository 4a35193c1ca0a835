package org.soteria.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.soteria.platform.Fault;
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
        String fault = Fault.of("choose", "#q.dignity");
        assertThat(fault).isEqualTo("{choose|#q.dignity}");
        assertThat(messages().text(fault, Locale.ENGLISH)).isEqualTo("Choose a number for \"I was treated with dignity\"");
        assertThat(messages().text(fault, WELSH)).isEqualTo("Dewiswch rif ar gyfer \"Cefais fy nhrin ag urddas\"");
    }

    @Test
    void otherFaultsAndUnknownCodesAreShownAsTheyAreAndTheOrderIsKept() {
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("b", "Enter the date");
        faults.put("a", "{no.such.code}");
        faults.put("c", Fault.of("choose", "plain"));
        assertThat(messages().localised(faults, WELSH)).containsExactly(Map.entry("b", "Enter the date"),
                Map.entry("a", "{no.such.code}"), Map.entry("c", "Dewiswch rif ar gyfer \"plain\""));
    }

    /** The real bundles: a field's common faults with its label small in English and quoted, unmutated, in Welsh. */
    private static FormMessages bundles() {
        return new FormMessages(org.soteria.support.MessageBundles.messages());
    }

    @Test
    void aFieldsFaultsPlaceItsLabelAsEachLanguageNeeds() {
        FormMessages m = bundles();
        assertThat(m.text(Fault.enter("field.dueDate"), Locale.ENGLISH)).isEqualTo("Enter due date");
        assertThat(m.text(Fault.enter("field.dueDate"), WELSH)).isEqualTo("Rhowch werth yn y maes “Dyddiad erbyn”");
        assertThat(m.text(Fault.tooLong("field.conditions", 5), Locale.ENGLISH))
                .isEqualTo("Conditions must be 5 characters or fewer");
        assertThat(m.text(Fault.notBefore("field.dateSent", "when.dayItWasApproved", java.time.LocalDate.of(2026, 5, 4)),
                Locale.ENGLISH)).isEqualTo("Date sent must be on or after the day it was approved (4 May 2026)");
        assertThat(m.text(Fault.notBefore("field.dateSent", "when.dayItWasApproved", java.time.LocalDate.of(2026, 5, 4)),
                WELSH)).isEqualTo("Rhaid i'r maes “Dyddiad anfon” fod ar y diwrnod y cafodd ei gymeradwyo neu ar ôl hynny"
                        + " (4 Mai 2026)");
    }

    @Test
    void anAcronymKeepsItsCapitalsInTheMiddleOfASentence() {
        StaticMessageSource source = new StaticMessageSource();
        source.setAlwaysUseMessageFormat(true);
        source.addMessage("field.pnc", Locale.ENGLISH, "PNC identifier");
        source.addMessage("form.enter", Locale.ENGLISH, "Enter {0}");
        assertThat(new FormMessages(source).text(Fault.enter("field.pnc"), Locale.ENGLISH)).isEqualTo("Enter PNC identifier");
    }

    @Test
    void anArgumentThatLooksLikeACodeButIsNotOneIsShownAsItIs() {
        assertThat(messages().text(Fault.of("choose", "a|b}c"), Locale.ENGLISH)).isEqualTo("Choose a number for \"a¦b)c\"");
    }

    @Test
    void countsChooseTheirWordsAndMonthsAndDatesAreWrittenInEachLanguage() {
        FormMessages m = bundles();
        String soon = Fault.of("caseworkAlert.bailExpiresIn", Fault.count(1), Fault.date(java.time.LocalDate.of(2026, 6, 1)));
        assertThat(m.text(soon, Locale.ENGLISH)).isEqualTo("Bail expires in 1 day, on 1 June 2026");
        assertThat(m.text(Fault.of("caseworkAlert.bailExpiresIn", Fault.count(3), Fault.date(java.time.LocalDate.of(2026,
                6, 1))), WELSH)).isEqualTo("Mae'r fechnïaeth yn dod i ben ymhen 3 diwrnod, ar 1 Mehefin 2026");
        String months = Fault.of("perf.row.feedbackMonths", Fault.month(java.time.YearMonth.of(2026, 5)),
                Fault.month(java.time.YearMonth.of(2026, 6)), Fault.message("perf.row.feedbackLate"));
        assertThat(m.text(months, Locale.ENGLISH)).isEqualTo("Feedback responses, May 2026 to June 2026 (including forms "
                + "that came back after their month)");
        assertThat(m.text(months, WELSH)).startsWith("Ymatebion adborth, Mai 2026 – Mehefin 2026 (gan gynnwys");
        assertThat(m.text(Fault.of("perf.points", "+2.5"), WELSH)).isEqualTo("+2.5 pwynt");
        assertThat(m.text(Fault.of("netDetail.encodedSuspects", Fault.count(4)), WELSH))
                .isEqualTo("4 person a ddrwgdybir wedi'u hamgodio");
    }
}
