package org.soteria.investigation;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the case list's filter offers: the force's teams and the officers who may be in the case. */
@Repository
class CaseFilterChoices {

    private final JdbcClient jdbc;

    CaseFilterChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> teamNames(String forceCode) {
        return jdbc.sql("select team_code, name from team where force_code = ? order by team_code").param(forceCode)
                .query().listOfRows();
    }

    /** Investigators and supervisors, of the given teams or (with none given) of every team; at most {@code limit}. */
    List<Map<String, Object>> officers(String forceCode, List<String> teams, int limit) {
        String sql = "select officer_code, coalesce(display_name, officer_code) as name from officer "
                + "where force_code = :force and role in ('investigator', 'supervisor')"
                + (teams.isEmpty() ? "" : " and team_code in (:teams)")
                + " order by display_name, officer_code limit :limit";
        var spec = jdbc.sql(sql).param("limit", limit).param("force", forceCode == null ? "" : forceCode);
        if (!teams.isEmpty()) {
            spec = spec.param("teams", teams);
        }
        return spec.query().listOfRows();
    }

    /** Whether the force has more than {@code limit} officers who may be in the case (counted no further than that). */
    boolean moreOfficersThan(String forceCode, int limit) {
        return jdbc.sql("select count(*) > :limit from (select 1 from officer where force_code = :force "
                        + "and role in ('investigator', 'supervisor') limit :limit + 1) x")
                .param("limit", limit).param("force", forceCode == null ? "" : forceCode).query(Boolean.class).single();
    }
}
