package org.soteria.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** A bound form's faults: GOV.UK wording, one per field, in the order the record lists its fields. */
class FormErrorsTest {

    record Bail(String suspect,
            @IsoDate(label = "Start date", required = true) String startedOn,
            @IsoDate(label = "Bail end date") String expiresOn,
            @MaxChars(value = 5, label = "Conditions") String conditions,
            @WholeNumber(min = 1, max = 99, message = "Enter the place, a whole number from 1 to 99") String place,
            @OneOf(value = {"bail", "rui"}, message = "Choose bail or release under investigation") String kind)
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
        assertThat(faults).containsEntry("startedOn", "Enter start date")
                .containsEntry("expiresOn", "Bail end date must be a real date in the form YYYY-MM-DD, for example 2026-03-27")
                .containsEntry("conditions", "Conditions must be 5 characters or fewer")
                .containsEntry("place", "Enter the place, a whole number from 1 to 99")
                .containsEntry("kind", "Choose bail or release under investigation")
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
    void braceAndDollarInAMessageAreShownAsWritten() {
        record Odd(@IsoDate(label = "Date {x} ${y}", required = true) String on) {
        }
        BindingResult binding = new BeanPropertyBindingResult(new Odd(null), "odd");
        new SpringValidatorAdapter(factory.getValidator()).validate(new Odd(null), binding);
        assertThat(FormErrors.of(binding)).containsEntry("on", "Enter date {x} ${y}");
    }
}
