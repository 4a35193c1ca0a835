package org.soteria.performance;

import org.soteria.platform.ForceMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.soteria.security.SoteriaUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every measure of kpis.md as its machine-readable JSON, with the report command's parameters:
 * {@code from}, {@code to}, {@code as-of} and repeated {@code filter=key=value}.
 */
@RestController
@ForceMode
public class MeasuresApi {

    private final MeasureService measures;

    MeasuresApi(MeasureService measures) {
        this.measures = measures;
    }

    @GetMapping("/api/v1/measures")
    Map<String, Object> measures(@RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "as-of", required = false) String asOf,
            @RequestParam(name = "filter", required = false) List<String> filters,
            @AuthenticationPrincipal SoteriaUser user) {
        try {
            LocalDate asOfDate = asOf == null ? measures.today() : date(asOf, "as-of");
            MeasureQuery q = measures.scope(new MeasureQuery(date(required(from, "from"), "from"),
                    date(required(to, "to"), "to"), asOfDate,
                    MeasureFilter.parse(filters == null ? new ArrayList<>() : filters)), user);
            Map<String, Object> json = MeasureJson.of(measures.publish(q));
            measures.audited(user, false, "api", q);
            return json;
        } catch (MeasureFilter.Invalid e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new MeasureFilter.Invalid(name + " is required (YYYY-MM-DD)");
        }
        return value;
    }

    private static LocalDate date(String value, String name) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new MeasureFilter.Invalid(name + ": '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
