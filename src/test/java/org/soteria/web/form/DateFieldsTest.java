package org.soteria.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Issue 24, GOV.UK's date input: three boxes read as one date, shown again as typed, and what was left empty. */
class DateFieldsTest {

    private static ServletRequest filtered(MockHttpServletRequest request) throws Exception {
        AtomicReference<ServletRequest> seen = new AtomicReference<>();
        new DateFields().doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(req);
            }
        });
        return seen.get();
    }

    @Test
    void theThreeBoxesAreReadAsOneDateThatFormsUnderstand() throws Exception {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/x");
        r.addParameter("dueOn-day", " 14 ");
        r.addParameter("dueOn-month", "12");
        r.addParameter("dueOn-year", "2026");
        r.addParameter("note", "kept");
        ServletRequest seen = filtered(r);
        assertThat(seen.getParameter("dueOn")).isEqualTo("14/12/2026");
        assertThat(FormValues.date(seen.getParameter("dueOn"))).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(seen.getParameter("note")).isEqualTo("kept");
        assertThat(seen.getParameterMap()).containsKeys("dueOn", "dueOn-day", "note");
    }

    @Test
    void allEmptyIsNoDateAndAValueSentWholeIsLeftAlone() throws Exception {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/x");
        r.addParameter("from-day", "");
        r.addParameter("from-month", "");
        r.addParameter("from-year", "");
        r.addParameter("to", "2026-01-31");
        r.addParameter("to-day", "1");
        ServletRequest seen = filtered(r);
        assertThat(seen.getParameter("from")).isEmpty();
        assertThat(seen.getParameter("to")).as("the API and links that keep a filter send it whole").isEqualTo("2026-01-31");
    }

    @Test
    void anUploadIsNotReadBeforeItsHandler() throws Exception {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/x");
        r.setContentType("multipart/form-data; boundary=x");
        r.addParameter("on-day", "1");
        assertThat(filtered(r)).isSameAs(r);
    }

    @Test
    void theBoxesAreFilledAgainFromADateOrFromWhatWasTyped() {
        assertThat(DateFields.parts(LocalDate.of(2026, 3, 7))).containsExactly("7", "3", "2026");
        assertThat(DateFields.parts("2026-03-07")).containsExactly("07", "03", "2026");
        assertThat(DateFields.parts("2024-02-30")).as("an impossible date is kept as typed").containsExactly("30", "02", "2024");
        assertThat(DateFields.parts("14//2026")).containsExactly("14", "", "2026");
        assertThat(DateFields.parts("14 December 2026")).containsExactly("14", "12", "2026");
        assertThat(DateFields.parts("next Tuesday")).as("nothing typed is lost").containsExactly("next Tuesday", "", "");
        assertThat(DateFields.parts(null)).containsExactly("", "", "");
    }

    @Test
    void theBoxesLeftEmptyAreNamedAsTheServiceManualDoes() {
        assertThat(DateFields.missing("14//2026")).isEqualTo("month");
        assertThat(DateFields.missing("//2026")).isEqualTo("day_month");
        assertThat(DateFields.missing("14/12/")).isEqualTo("year");
        assertThat(DateFields.missing("/12/")).isEqualTo("day_year");
        assertThat(DateFields.missing("14//")).isEqualTo("month_year");
        assertThat(DateFields.missing("14/12/2026")).isNull();
        assertThat(DateFields.missing("2026-12-14")).isNull();
        assertThat(DateFields.missing(null)).isNull();

        assertThat(FormValues.date("31/2/2026")).isNull();
        java.util.Map<String, String> faults = new java.util.LinkedHashMap<>();
        FormValues.date("14//2026", "on", "field.date", faults);
        assertThat(faults).containsEntry("on", org.soteria.platform.Fault.dateMissing("field.date", "month"));
    }
}
