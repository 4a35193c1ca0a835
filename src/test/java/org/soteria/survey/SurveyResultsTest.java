package org.soteria.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soteria.survey.SurveyResults.Answer;
import org.soteria.survey.SurveyResults.Question;

/** ADR 42: what a closed wave may show, worked out by hand. */
class SurveyResultsTest {

    private static final List<Question> QUESTIONS = List.of(
            new Question("W1", "wellbeing", 4, "w1", "w1"),
            new Question("W2", "wellbeing", 4, "w2", "w2"),
            new Question("S1", "suspect_focus", 1, "s1", "s1"));

    private static List<Answer> team(String team, int n, Integer... values) {
        List<Answer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Answer(team, values));
        }
        return out;
    }

    @Test
    void fewerThanKOfficersShowNothingAtAll() {
        SurveyResults.Results r = SurveyResults.of(QUESTIONS, team("T1", 4, 5, 5, 5), 5);
        assertThat(r.withheld()).isTrue();
        assertThat(r.items()).isEmpty();
        assertThat(r.pillars()).isEmpty();
        assertThat(r.groups()).isEmpty();
    }

    @Test
    void eachQuestionsMeanAndShareAgreeingWhenKOrMoreAnsweredIt() {
        List<Answer> answers = new ArrayList<>(team("T1", 3, 5, 2, null));
        answers.addAll(team("T1", 2, 3, 4, null));
        answers.addAll(team("T1", 1, 4, 4, 1));
        SurveyResults.Results r = SurveyResults.of(QUESTIONS, answers, 5);
        assertThat(r.respondents()).isEqualTo(6);
        // W1: 5,5,5,3,3,4 → 25/6; agreeing (4 or 5): 4 of 6
        assertThat(r.items().get(0).mean()).isEqualTo(25.0 / 6);
        assertThat(r.items().get(0).agreeing()).isEqualTo(4.0 / 6);
        // S1: one answer, five preferred not to say: withheld
        assertThat(r.items().get(2).withheld()).isTrue();
        assertThat(r.items().get(2).mean()).isNull();
        // pillar 4 (W1, W2): answers 5,2 ×3, 3,4 ×2, 4,4 → (21 + 14 + 8) / 12; pillar 1 rests on one officer
        assertThat(r.pillars()).extracting(SurveyResults.PillarMean::pillar).containsExactly(1, 4);
        assertThat(r.pillars().get(1).mean()).isEqualTo(43.0 / 12);
        assertThat(r.pillars().get(0).withheld()).isTrue();
    }

    @Test
    void smallTeamsAreCountedTogetherAndTheSmallestShownJoinsThemWhileTheyAreTooFew() {
        List<Answer> answers = new ArrayList<>(team("T1", 8, 4, 4, 4));
        answers.addAll(team("T2", 6, 2, 2, 2));
        answers.addAll(team("T3", 2, 1, 1, 1));
        answers.addAll(team("T4", 1, 5, 5, 5));
        SurveyResults.Results r = SurveyResults.of(QUESTIONS, answers, 5);
        // T3 and T4 hold 3: T2 (the smallest shown) joins them, 9 together; T1 is shown alone
        assertThat(r.groups()).extracting(SurveyResults.Group::teams)
                .containsExactly(List.of("T1"), List.of("T2", "T3", "T4"));
        assertThat(r.groups().get(1).respondents()).isEqualTo(9);
        assertThat(r.groups().get(1).themes().get("wellbeing")).isEqualTo((12 * 2 + 4 * 1 + 2 * 5) / 18.0);
        assertThat(r.groups().get(0).themes().get("suspect_focus")).isEqualTo(4.0);
    }

    @Test
    void whenNoTeamCanStandAloneOnlyTheWholeIsShown() {
        List<Answer> answers = new ArrayList<>(team("T1", 5, 4, 4, 4));
        answers.addAll(team("T2", 3, 2, 2, 2));
        SurveyResults.Results r = SurveyResults.of(QUESTIONS, answers, 5);
        assertThat(r.groups()).as("T2's 3 would need T1 beside them: nothing by team").isEmpty();
        assertThat(r.items().get(0).mean()).isEqualTo((20 + 6) / 8.0);
    }

    @Test
    void aThemeAnsweredByFewerThanKInATeamIsWithheldThere() {
        List<Answer> answers = new ArrayList<>(team("T1", 5, 4, 4, null));
        answers.addAll(team("T2", 5, 3, 3, 3));
        SurveyResults.Results r = SurveyResults.of(QUESTIONS, answers, 5);
        assertThat(r.groups().get(0).themes().get("suspect_focus")).isNull();
        assertThat(r.groups().get(1).themes().get("suspect_focus")).isEqualTo(3.0);
    }
}
