package org.soteria.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.soteria.platform.Invalid;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Officer surveys (ADR 42): who may answer and only once; answers kept apart from who gave them and sealed in random
 * order at closing; results only from closed waves and groups of at least k; focus groups' themes; every refusal with
 * its field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H", "soteria.surveys.close-interval=PT1H"})
class SurveyIT {

    @Autowired
    SurveyService surveys;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    private SoteriaUser lead;
    private final Map<String, List<SoteriaUser>> officers = new HashMap<>();

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:import");
        jdbc.sql("insert into force (force_code, name) values ('NWP', 'North Wales Police') on conflict do nothing")
                .update();
        jdbc.sql("insert into team (force_code, team_code, name) values ('NWP', 'T1', 'Team one'), "
                + "('NWP', 'T2', 'Team two'), ('NWP', 'T3', 'Team three'), ('NWP', 'T4', 'Team four') "
                + "on conflict do nothing").update();
        lead = account("lead", Role.FORCE_LEAD, List.of());
        officers.clear();
        int[] sizes = {6, 5, 1, 1};
        for (int t = 0; t < 4; t++) {
            String team = "T" + (t + 1);
            for (int i = 0; i < sizes[t]; i++) {
                officers.computeIfAbsent(team, k -> new ArrayList<>()).add(account("o" + team.toLowerCase() + i,
                        i % 3 == 2 ? Role.VICTIM_LIAISON : Role.INVESTIGATOR, List.of(team)));
            }
        }
    }

    private SoteriaUser account(String username, Role role, List<String> teams) {
        users.createAccount("test", new UserService.NewAccount(username, username, role, "NWP", null, teams, List.of()));
        return (SoteriaUser) users.loadUserByUsername(username);
    }

    private static Map<String, String> errors(Runnable r) {
        try {
            r.run();
        } catch (Invalid e) {
            return e.errors();
        }
        throw new AssertionError("not refused");
    }

    private Map<String, String> answers(int value) {
        Map<String, String> out = new HashMap<>();
        for (SurveyResults.Question q : surveys.questionnaire()) {
            out.put(q.code(), q.code().startsWith("S") ? "skip" : Integer.toString(value));
        }
        return out;
    }

    @Test
    void aWaveIsOpenedOnlyWithATitleKnownTeamsAndAClosingDayWithin90Days() {
        LocalDate today = surveys.today();
        assertThat(errors(() -> surveys.open(lead, " a ", List.of(), null)))
                .containsOnlyKeys("title", "teams", "closesOn");
        assertThat(errors(() -> surveys.open(lead, "Autumn", List.of("T9"), today.minusDays(1))))
                .containsEntry("teams", "{surveyError.chooseTeamsFromTheList}")
                .containsEntry("closesOn", "{surveyError.theClosingDayIsPast}");
        assertThat(errors(() -> surveys.open(lead, "Autumn", List.of("T1"), today.plusDays(91))))
                .containsOnlyKeys("closesOn");
        assertThat(errors(() -> surveys.open(officers.get("T1").get(0), "Autumn", List.of("T1"), today)))
                .containsOnlyKeys("permission");
        long id = surveys.open(lead, "Autumn", List.of("T1", "T2"), today.plusDays(14));
        assertThat(surveys.page(lead).waves()).singleElement().satisfies(w -> {
            assertThat(w.id()).isEqualTo(id);
            assertThat(w.teams()).containsExactly("T1", "T2");
            assertThat(w.closed()).isFalse();
        });
        assertThat(surveys.questionnaire()).hasSize(12);
    }

    @Test
    void eachOfficerOfTheTeamsAnswersOnceAndNothingLinksTheirAnswersToThem() {
        long id = surveys.open(lead, "Autumn", List.of("T1", "T2", "T3", "T4"), surveys.today().plusDays(14));
        SoteriaUser first = officers.get("T1").get(0);
        assertThat(surveys.offers(first)).singleElement().satisfies(o -> assertThat(o.answered()).isFalse());
        Map<String, String> incomplete = answers(4);
        incomplete.remove("W1");
        incomplete.put("C1", "7");
        assertThat(errors(() -> surveys.answer(first, id, incomplete))).containsOnlyKeys("W1", "C1")
                .hasEntrySatisfying("W1", m -> assertThat(m).contains("surveyError.chooseAnAnswer"));
        int value = 1;
        for (String team : List.of("T1", "T2", "T3", "T4")) {
            for (SoteriaUser o : officers.get(team)) {
                surveys.answer(o, id, answers(team.equals("T1") ? 4 : value));
                value = value % 5 + 1;
            }
        }
        assertThat(errors(() -> surveys.answer(first, id, answers(3)))).containsKey("wave");
        assertThat(surveys.offers(first)).singleElement().satisfies(o -> assertThat(o.answered()).isTrue());
        assertThat(errors(() -> surveys.answer(lead, id, answers(3)))).containsOnlyKeys("permission");
        // an officer outside the teams: not open to them
        SoteriaUser outsider = account("outsider", Role.INVESTIGATOR, List.of());
        assertThat(surveys.offers(outsider)).isEmpty();
        assertThat(errors(() -> surveys.answer(outsider, id, answers(3)))).containsKey("wave");

        // No person, no time and no order: the answer tables have none of them (ADR 42).
        for (String table : List.of("survey_open_answer", "survey_sealed")) {
            assertThat(jdbc.sql("select column_name from information_schema.columns where table_name = ?")
                    .param(table).query(String.class).list()).as(table)
                    .allSatisfy(c -> assertThat(c).isIn("id", "wave_id", "team_code", "answers"));
        }
        assertThat(jdbc.sql("select count(*) from survey_taken where wave_id = ?").param(id).query(Long.class).single())
                .isEqualTo(13);
        SurveyService.Detail open = surveys.detail(lead, id);
        assertThat(open.results()).as("no results while open").isNull();
        assertThat(open.wave().taken()).isEqualTo(13);
        assertThat(open.eligible()).isEqualTo(13);
        assertThat(jdbc.sql("select string_agg(detail, ' ') from audit_event where object_type = 'survey' and "
                + "action = 'CHANGE'").query(String.class).single()).doesNotContain("answers=").contains("anonymous");

        surveys.close(lead, id);
        assertThat(errors(() -> surveys.close(lead, id))).containsEntry("wave", "{surveyError.closedAlready}");
        assertThat(jdbc.sql("select count(*) from survey_open_answer").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from survey_sealed where wave_id = ?").param(id).query(Long.class).single())
                .isEqualTo(13);
        assertThat(errors(() -> surveys.answer(officers.get("T2").get(0), id, answers(3)))).containsKey("wave");

        SurveyResults.Results r = surveys.detail(lead, id).results();
        assertThat(r.respondents()).isEqualTo(13);
        // T3 and T4 (one each) are too few: T2 (five), the smallest shown, joins them; T1 stands alone
        assertThat(r.groups()).extracting(SurveyResults.Group::teams)
                .containsExactly(List.of("T1"), List.of("T2", "T3", "T4"));
        assertThat(r.groups().get(0).themes().get("wellbeing")).isEqualTo(4.0);
        assertThat(r.groups().get(0).themes().get("suspect_focus")).as("all preferred not to say").isNull();
        assertThat(r.items()).filteredOn(i -> i.question().code().startsWith("S"))
                .allSatisfy(i -> assertThat(i.withheld()).isTrue());
    }

    @Test
    void fewerThanKAnswersShowNothingAndAWavePastItsClosingDayClosesByItself() {
        long id = surveys.open(lead, "Small", List.of("T3", "T4"), surveys.today());
        surveys.answer(officers.get("T3").get(0), id, answers(5));
        jdbc.sql("update survey_wave set closes_on = opened_on - 1, opened_on = opened_on - 1 where id = ?").param(id)
                .update();
        assertThat(surveys.offers(officers.get("T4").get(0))).as("past its closing day").isEmpty();
        surveys.closeDue();
        SurveyService.Detail d = surveys.detail(lead, id);
        assertThat(d.wave().closed()).isTrue();
        assertThat(d.results().withheld()).isTrue();
        assertThat(d.results().items()).isEmpty();
        assertThat(d.results().groups()).isEmpty();
    }

    @Test
    void focusGroupThemesAreRecordedAgainstPillarsWithEachRefusalOnItsField() {
        long id = surveys.open(lead, "Autumn", List.of("T1"), surveys.today().plusDays(7));
        assertThat(errors(() -> surveys.addTheme(lead, id, surveys.today().plusDays(1), 0, 7, "x", "y".repeat(2001))))
                .containsOnlyKeys("heldOn", "participants", "pillar", "theme", "note");
        surveys.addTheme(lead, id, surveys.today(), 6, 4, "Caseloads leave no time for reflective supervision", null);
        surveys.addTheme(lead, id, surveys.today(), 6, 1, "Early advice helps but comes late", "Several gave examples.");
        assertThat(surveys.detail(lead, id).themes()).extracting(SurveyTheme::pillar).containsExactly(1, 4);
        assertThat(errors(() -> surveys.detail(lead, id + 99))).containsKey("wave");
    }
}
