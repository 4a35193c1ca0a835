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

/** The database's reference tables and code checks hold exactly the codes of the enums (and so of shared/domain). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off"})
class ReferenceDataIT {

    @Autowired
    JdbcClient jdbc;

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
