package org.soteria.victim;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Victims' Code as the database holds it: every Code version's time limits (table
 * victims_code_version) and the one-off bank holiday changes (table bank_holiday_change). Both are data
 * so that a new Code or a new royal occasion is a migration, not a code change. Read once at start.
 */
@Component
public class VictimsCodeRules {

    private final VictimsCode code;

    public VictimsCodeRules(JdbcTemplate jdbc) {
        List<WorkingDays.Change> changes = jdbc.query("select removed, added, why from bank_holiday_change order by id",
                (rs, n) -> new WorkingDays.Change(rs.getObject(1, java.time.LocalDate.class),
                        rs.getObject(2, java.time.LocalDate.class), rs.getString(3)));
        List<VictimsCode.Version> versions = jdbc.query("select name, in_force_from, key_event_working_days, "
                + "support_referral_working_days from victims_code_version order by in_force_from",
                (rs, n) -> new VictimsCode.Version(rs.getString(1), rs.getObject(2, java.time.LocalDate.class),
                        rs.getInt(3), rs.getInt(4)));
        if (versions.isEmpty()) {
            throw new IllegalStateException("Table victims_code_version is empty: at least one version of the "
                    + "Victims' Code is needed to work out when duties fall due");
        }
        this.code = new VictimsCode(new WorkingDays(changes), versions);
    }

    public VictimsCode code() {
        return code;
    }
}
