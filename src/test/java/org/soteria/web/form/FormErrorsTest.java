package org.soteria.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soteria.platform.Fault;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** A bound form's faults: GOV.UK wording, one per field, in the order the record lists its fields. */
class FormErrorsTest {

    record Bail(String suspect,
            @IsoDate(label = "field.startDate", required = true) String startedOn,
            @IsoDate(label = "field.bailEndDate") String expiresOn,
            @MaxChars(value = 5, label = "field.conditions") String conditions,
            @WholeNumber(min = 1, max = 99, message = "Enter the place, a whole number from 1 to 99") String place,
            @OneOf(value = {"bail", "rui"}, message = "{jakarta.validation.constraints.NotNull.message}") String kind)
            implements FormErrors.CrossField {

        @Override
        public Map<String, String> crossFieldFaults() {
            return suspect == null ? Map.of("suspect", "Choose the suspect", "conditions", "never shown: a fault already")
                    : Map.of();
        }
    }

    static ValidatorFactory factory;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Map<String, String> faults(Bail form) {
        BindingResult binding = new BeanPropertyBindingResult(form, "bail");
        new SpringValidatorAdapter(factory.getValidator()).validate(form, binding);
        return FormErrors.of(binding);
    }

    @Test
    void eachFieldGetsOneFaultInTheRecordsOrderInTheServicesWording() {
        Map<String, String> faults = faults(new Bail(null, "", "2026-02-30", "far too long", "100", "x"));
        assertThat(faults.keySet()).containsExactly("suspect", "startedOn", "expiresOn", "conditions", "place", "kind");
        // Faults travel as message codes (Fault); FormMessagesTest shows them in each language.
        assertThat(faults).containsEntry("startedOn", Fault.enter("field.startDate"))
                .containsEntry("expiresOn", Fault.notADate("field.bailEndDate"))
                .containsEntry("conditions", Fault.tooLong("field.conditions", 5))
                .containsEntry("place", "Enter the place, a whole number from 1 to 99")
                .as("a message code stays a code, for the page to put into its language")
                .containsEntry("kind", "{jakarta.validation.constraints.NotNull.message}")
                .containsEntry("suspect", "Choose the suspect");
    }

    @Test
    void aGoodFormHasNoFaultsAndItsValuesAreShownAgainAsTyped() {
        Bail good = new Bail("7", " 2026-03-27 ", null, " 12345 ", "4", "rui");
        assertThat(faults(good)).isEmpty();
        assertThat(FormErrors.values(good)).containsEntry("startedOn", " 2026-03-27 ").doesNotContainKey("expiresOn");
        assertThat(FormValues.date(good.startedOn())).hasToString("2026-03-27");
        assertThat(FormValues.text(good.conditions())).isEqualTo("12345");
    }

    @Test
    void theServicesFaultsJoinInTheFormsOrderAndOthersComeLast() {
        Map<String, String> ordered = FormErrors.inOrder(new java.util.LinkedHashMap<>(Map.of("other", "o",
                "kind", "k", "startedOn", "s")), Bail.class);
        assertThat(ordered.keySet()).containsExactly("startedOn", "kind", "other");
    }

    @Test
    void aFaultsBracesAndBarsComeThroughBeanValidationAsWritten() {
        // Bean Validation reads braces and dollars as its own template language; a Fault's must pass untouched.
        record Odd(@IsoDate(label = "field.date", required = true) String on,
                @MaxChars(value = 1, label = "field.conditions") String text) {
        }
        BindingResult binding = new BeanPropertyBindingResult(new Odd(null, "${x}"), "odd");
        new SpringValidatorAdapter(factory.getValidator()).validate(new Odd(null, "${x}"), binding);
        assertThat(FormErrors.of(binding)).containsEntry("on", "{form.enter|~field.date|#field.date}")
                .containsEntry("text", "{form.tooLong|~field.conditions|#field.conditions|1}");
    }
}
