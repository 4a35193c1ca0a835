package org.soteria.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The database's reference tables and code checks hold exactly the codes of the enums (and so of shared/domain). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off"})
class ReferenceDataIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void offenceCodesAndGroupsMatch() {
        Map<String, String> db = jdbc.sql("select code, group_code from offence_code").query()
                .listOfRows().stream().collect(Collectors.toMap(r -> (String) r.get("code"),
                        r -> (String) r.get("group_code")));
        assertThat(db).isEqualTo(Arrays.stream(OffenceCode.values())
                .collect(Collectors.toMap(OffenceCode::code, c -> c.group().code())));
        assertThat(checkedCodes("crime", "offence_code")).containsExactlyInAnyOrderElementsOf(db.keySet());
    }

    @Test
    void outcomeCodesAndGroupsMatch() {
        Map<String, String> db = jdbc.sql("select code, group_code from outcome_code").query()
                .listOfRows().stream().collect(Collectors.toMap(r -> (String) r.get("code"),
                        r -> (String) r.get("group_code")));
        assertThat(db).isEqualTo(Arrays.stream(OutcomeCode.values())
                .collect(Collectors.toMap(OutcomeCode::code, c -> c.group().code())));
        assertThat(checkedCodes("crime", "outcome_code")).containsExactlyInAnyOrderElementsOf(db.keySet());
    }

    @Test
    void eventTypesMatch() {
        Map<String, Boolean> db = jdbc.sql("select code, key_event from event_type").query().listOfRows().stream()
                .collect(Collectors.toMap(r -> (String) r.get("code"), r -> (Boolean) r.get("key_event")));
        assertThat(db).isEqualTo(Arrays.stream(EventType.values())
                .collect(Collectors.toMap(EventType::code, EventType::isKeyEvent)));
        assertThat(checkedCodes("event", "event_type")).containsExactlyInAnyOrderElementsOf(db.keySet());
    }

    @Test
    void theDerivedGroupsOfACrimeAreTheGroupsOfItsCodes() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into force (force_code, name) values ('ZZZ', 'test') on conflict do nothing").update();
            int n = 0;
            for (OffenceCode offence : OffenceCode.values()) {
                for (OutcomeCode outcome : OutcomeCode.values()) {
                    jdbc.sql("insert into crime (force_code, crime_ref, record_type, offence_code, recorded_date, "
                                    + "report_source, outcome_code, outcome_date) values ('ZZZ', ?, 'crime', ?, "
                                    + "date '2024-01-01', 'victim', ?, date '2024-02-01')")
                            .params("R" + (++n), offence.code(), outcome.code()).update();
                }
            }
            List<Map<String, Object>> rows = jdbc.sql("select offence_code, offence_group, outcome_code, outcome_group "
                    + "from crime where force_code = 'ZZZ'").query().listOfRows();
            assertThat(rows).hasSize(OffenceCode.values().length * OutcomeCode.values().length);
            for (Map<String, Object> r : rows) {
                assertThat(r.get("offence_group")).as((String) r.get("offence_code"))
                        .isEqualTo(OffenceCode.parse((String) r.get("offence_code")).orElseThrow().group().code());
                assertThat(r.get("outcome_group")).as((String) r.get("outcome_code"))
                        .isEqualTo(OutcomeCode.parse((String) r.get("outcome_code")).orElseThrow().group().code());
            }
            status.setRollbackOnly();
        });
    }

    private List<String> checkedCodes(String table, String column) {
        String def = jdbc.sql("select pg_get_constraintdef(c.oid) from pg_constraint c "
                        + "where c.conrelid = ?::regclass and c.contype = 'c' and pg_get_constraintdef(c.oid) like ?")
                .params(table, "%(" + column + " = ANY%").query(String.class).single();
        Matcher m = Pattern.compile("'([^']+)'").matcher(def);
        List<String> codes = new java.util.ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
