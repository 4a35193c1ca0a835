package org.soteria.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The files of the exchange bundle ({@code ../shared/domain/exchange-format.md}), in the order the importer
 * applies them (references point backwards): each file's columns in the order the format lists them, and
 * the columns a file must carry for any of its rows to be read. This is the one definition of the files:
 * the importer checks headers and orders its problems by it, the export writes its headers from it (and
 * refuses a query that does not give exactly these columns), and the synthetic generator takes its
 * headers from it. A column is added here first.
 */
enum ExchangeFile {

    CASES("cases.csv", List.of("crime_ref", "force_code", "record_type", "n100_code", "offence_code", "recorded_date",
            "offence_date", "report_source", "victim_consented", "team_code", "officer_code", "outcome_code",
            "outcome_date", "restricted"),
            List.of("crime_ref", "force_code", "offence_code", "recorded_date")),
    TEAMS("teams.csv", List.of("team_code", "name", "force_code"), List.of("team_code")),
    OFFICERS("officers.csv", List.of("officer_code", "force_code", "display_name", "team_code", "role",
            "accredited_until"), List.of("officer_code")),
    PEOPLE("people.csv", List.of("person_id", "force_code", "given_name", "middle_names", "family_name",
            "date_of_birth", "sex", "postcode", "address", "birth_place", "pnc_id", "phone", "email"),
            List.of("person_id")),
    CASE_PEOPLE("case_people.csv", List.of("force_code", "crime_ref", "person_id", "role", "relationship",
            "age_at_offence"), List.of("crime_ref", "person_id", "role")),
    EVENTS("events.csv", List.of("force_code", "event_id", "crime_ref", "event_type", "occurred_at", "person_id",
            "officer_code", "detail"), List.of("crime_ref", "event_type", "occurred_at")),
    ORDERS("orders.csv", List.of("order_id", "force_code", "person_id", "order_type", "made_date", "expires_date",
            "prohibitions", "breached_on"), List.of("order_id", "person_id", "order_type")),
    FEEDBACK("feedback.csv", List.of("force_code", "crime_ref", "person_id", "returned_date", "dignity", "fairness",
            "voice", "safety", "trust"), List.of("crime_ref", "person_id", "returned_date"));

    private final String file;
    private final List<String> columns;
    private final List<String> required;

    ExchangeFile(String file, List<String> columns, List<String> required) {
        if (!columns.containsAll(required)) {
            throw new IllegalArgumentException(file + ": a required column is not one of its columns");
        }
        this.file = file;
        this.columns = columns;
        this.required = required;
    }

    /** The file's name in the bundle. */
    String file() {
        return file;
    }

    /** Every column, in the order exchange-format.md lists them. */
    List<String> columns() {
        return columns;
    }

    /** The columns without which no row of the file can be read. */
    List<String> required() {
        return required;
    }

    /** A header of some of the file's columns, in the order given; a name that is not one of them is a mistake. */
    String[] header(String... some) {
        for (String column : some) {
            if (!columns.contains(column)) {
                throw new IllegalArgumentException(column + " is not a column of " + file + " (exchange-format.md)");
            }
        }
        return some.clone();
    }

    /** The file of that name, if it is one of the bundle's. */
    static Optional<ExchangeFile> named(String file) {
        return Arrays.stream(values()).filter(f -> f.file.equals(file)).findFirst();
    }

    /** The bundle's file names, in the order they are applied. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (ExchangeFile f : values()) {
            names.add(f.file);
        }
        return List.copyOf(names);
    }
}
