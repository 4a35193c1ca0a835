package org.soteria.survey;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The survey tables (V61, ADR 42): questionnaires, waves, who has answered, answers open and sealed, themes. */
@Repository
class SurveyRepository {

    static final String QUESTIONNAIRE = "soteria-officers";

    private final JdbcClient jdbc;

    SurveyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of the national questionnaire. */
    int latestVersion() {
        return jdbc.sql("select coalesce(max(version), 0) from survey_question where questionnaire = ?")
                .param(QUESTIONNAIRE).query(Integer.class).single();
    }

    List<SurveyResults.Question> questions(String questionnaire, int version) {
        return jdbc.sql("select code, theme, pillar, text_en, text_cy from survey_question where questionnaire = ? "
                + "and version = ? order by position").params(questionnaire, version)
                .query((rs, n) -> new SurveyResults.Question(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5))).list();
    }

    private static final String WAVE = "select w.id, w.force_code, w.title, w.questionnaire, w.version, w.teams, "
            + "w.opened_on, w.closes_on, w.closed_at is not null, w.created_by, "
            + "(select count(*) from survey_taken t where t.wave_id = w.id) from survey_wave w ";

    private static SurveyWave wave(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SurveyWave(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                List.of((String[]) rs.getArray(6).getArray()), rs.getDate(7).toLocalDate(),
                rs.getDate(8).toLocalDate(), rs.getBoolean(9), rs.getString(10), rs.getLong(11));
    }

    List<SurveyWave> waves(String force) {
        return jdbc.sql(WAVE + "where w.force_code = ? order by w.opened_on desc, w.id desc").param(force)
                .query((rs, n) -> wave(rs)).list();
    }

    Optional<SurveyWave> wave(String force, long id) {
        return jdbc.sql(WAVE + "where w.force_code = ? and w.id = ?").params(force, id).query((rs, n) -> wave(rs))
                .optional();
    }

    long insertWave(String force, String title, int version, List<String> teams, LocalDate openedOn,
            LocalDate closesOn, String by) {
        return jdbc.sql("insert into survey_wave (force_code, title, questionnaire, version, teams, opened_on, closes_on, "
                + "created_by) values (?, ?, ?, ?, ?::text[], ?, ?, ?) returning id")
                .params(force, title, QUESTIONNAIRE, version, teams.toArray(String[]::new), Date.valueOf(openedOn),
                        Date.valueOf(closesOn), by).query(Long.class).single();
    }

    /**
     * Closes a wave: its answers are copied in random order to the sealed table and the open rows deleted, in one
     * transaction (the caller's). False when it was closed already.
     */
    boolean close(String force, long id) {
        if (jdbc.sql("update survey_wave set closed_at = now() where force_code = ? and id = ? and closed_at is null")
                .params(force, id).update() == 0) {
            return false;
        }
        jdbc.sql("insert into survey_sealed (wave_id, team_code, answers) select wave_id, team_code, answers "
                + "from survey_open_answer where wave_id = ? order by random()").param(id).update();
        jdbc.sql("delete from survey_open_answer where wave_id = ?").param(id).update();
        return true;
    }

    /** The open waves of a force whose closing day has passed (closed by the schedule). */
    List<Long> due(LocalDate today) {
        return jdbc.sql("select id from survey_wave where closed_at is null and closes_on < ?").param(Date.valueOf(today))
                .query(Long.class).list();
    }

    String forceOf(long id) {
        return jdbc.sql("select force_code from survey_wave where id = ?").param(id).query(String.class).single();
    }

    /** A wave open to someone, and whether they have answered it. */
    record Open(SurveyWave wave, boolean answered) {
    }

    /**
     * The waves of a force open on {@code today} to a user: one of their teams (worked in or supervised) among the
     * wave's; in one query, as the officer's home page asks it at every visit.
     */
    List<Open> openTo(String force, String username, LocalDate today) {
        String answered = ", exists (select 1 from survey_taken t where t.wave_id = w.id and t.username = ?) "
                + "from survey_wave w ";
        return jdbc.sql(WAVE.replace(" from survey_wave w ", answered) + "where w.force_code = ? and w.closed_at is null "
                + "and w.closes_on >= ? and exists (select 1 from user_team u where u.username = ? "
                + "and u.force_code = w.force_code and u.team_code = any(w.teams)) order by w.opened_on desc, w.id desc")
                .params(username, force, Date.valueOf(today), username)
                .query((rs, n) -> new Open(wave(rs), rs.getBoolean(12))).list();
    }

    /** Records that a user answered and, apart, what was answered; false when they had answered already. */
    boolean answer(long wave, String username, String team, Integer[] answers) {
        int taken = jdbc.sql("insert into survey_taken (wave_id, username) values (?, ?) on conflict do nothing")
                .params(wave, username).update();
        if (taken == 0) {
            return false;
        }
        jdbc.sql("insert into survey_open_answer (wave_id, team_code, answers) values (?, ?, ?::smallint[])")
                .params(wave, team, Arrays.stream(answers).map(v -> v == null ? null : v.shortValue())
                        .toArray(Short[]::new)).update();
        return true;
    }

    List<SurveyResults.Answer> sealed(long wave) {
        return jdbc.sql("select team_code, answers from survey_sealed where wave_id = ?").param(wave)
                .query((rs, n) -> {
                    Array a = rs.getArray(2);
                    Object[] raw = (Object[]) a.getArray();
                    Integer[] values = new Integer[raw.length];
                    for (int i = 0; i < raw.length; i++) {
                        values[i] = raw[i] == null ? null : ((Number) raw[i]).intValue();
                    }
                    return new SurveyResults.Answer(rs.getString(1), values);
                }).list();
    }

    /** The teams of a force that officers may be surveyed in: code and name. */
    List<String[]> teams(String force) {
        return jdbc.sql("select team_code, coalesce(name, team_code) from team where force_code = ? order by team_code")
                .param(force).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /** A user's teams (member or supervisor) among some, lowest code first. */
    List<String> teamsOf(String username, String force, List<String> among) {
        return jdbc.sql("select distinct team_code from user_team where username = ? and force_code = ? "
                + "and team_code = any(?::text[]) order by team_code").params(username, force,
                        among.toArray(String[]::new)).query(String.class).list();
    }

    /** How many enabled accounts may answer a wave: officers in its teams. */
    long eligible(String force, List<String> teams, List<String> roles) {
        return jdbc.sql("select count(distinct u.username) from app_user u join user_team t on t.username = u.username "
                + "where u.enabled and u.force_code = ? and u.role = any(?::text[]) and t.force_code = ? "
                + "and t.team_code = any(?::text[])").params(force, roles.toArray(String[]::new), force,
                        teams.toArray(String[]::new)).query(Long.class).single();
    }

    List<SurveyTheme> themes(long wave) {
        return jdbc.sql("select id, held_on, participants, pillar, theme, note from survey_theme where wave_id = ? "
                + "order by pillar, held_on, id").param(wave).query((rs, n) -> new SurveyTheme(rs.getLong(1),
                        rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    void insertTheme(long wave, LocalDate heldOn, int participants, int pillar, String theme, String note, String by) {
        jdbc.sql("insert into survey_theme (wave_id, held_on, participants, pillar, theme, note, recorded_by) "
                + "values (?, ?, ?, ?, ?, ?, ?)").params(wave, Date.valueOf(heldOn), participants, pillar, theme, note,
                        by).update();
    }
}
