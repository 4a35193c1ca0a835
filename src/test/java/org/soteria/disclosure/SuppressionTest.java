package org.soteria.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule of ADR 24 for people's answers, cell by cell: primary, secondary and what a suppressed parent hides. */
class SuppressionTest {

    private static Cell cell(String unit, String parent, int people) {
        return new Cell(unit, parent, people, people, 0, new long[] {3L * people}, new long[] {people});
    }

    private static Set<String> shown(int k, Cell... cells) {
        return Suppression.published(List.of(cells), k);
    }

    @Test
    void aCellOfFewerThanKPeopleIsNotShown() {
        assertThat(shown(5, cell("force", null, 4))).isEmpty();
        assertThat(shown(5, cell("force", null, 5))).containsExactly("force");
        assertThat(shown(5, cell("force", null, 0))).isEmpty();
    }

    @Test
    void whenOneTeamIsHiddenAnotherIsHiddenTooSoThatTheForceTotalCannotGiveItBack() {
        Set<String> s = shown(5, cell("force", null, 21), cell("team:A", "force", 12), cell("team:B", "force", 7),
                cell("team:C", "force", 2));
        // force − A − B would be C's 2 people: B (the smallest shown) is hidden as well, leaving 9 hidden.
        assertThat(s).containsExactlyInAnyOrder("force", "team:A");
    }

    @Test
    void aRemainderThatIsAlreadyKOrMoreNeedsNothingMore() {
        Set<String> s = shown(5, cell("force", null, 30), cell("team:A", "force", 12), cell("team:B", "force", 7),
                cell("team:C", "force", 2), cell("team:D", "force", 4));
        // C and D hide 6 people together.
        assertThat(s).containsExactlyInAnyOrder("force", "team:A", "team:B");
    }

    @Test
    void answersOutsideEveryTeamCountInTheRemainder() {
        // 3 people's answers belong to crimes with no team: force − A − B gives them, so B is hidden.
        Set<String> s = shown(5, cell("force", null, 20), cell("team:A", "force", 10), cell("team:B", "force", 7));
        assertThat(s).containsExactlyInAnyOrder("force", "team:A");
    }

    @Test
    void whenEveryChildWouldBeHiddenTheParentStillShowsItsOwnTotal() {
        Set<String> s = shown(5, cell("force", null, 6), cell("team:A", "force", 3), cell("team:B", "force", 3));
        assertThat(s).containsExactly("force");
    }

    @Test
    void theChildrenOfAHiddenUnitAreHiddenWithIt() {
        // team B is hidden for the force's sake; its officers would add back up to it.
        Set<String> s = shown(5, cell("force", null, 23), cell("team:A", "force", 13), cell("team:B", "force", 8),
                cell("team:B/officer:X", "team:B", 8), cell("team:C", "force", 2));
        assertThat(s).containsExactlyInAnyOrder("force", "team:A");
    }

    @Test
    void theRuleAppliesAgainWithinEachShownTeam() {
        Set<String> s = shown(5, cell("force", null, 20), cell("team:A", "force", 20),
                cell("team:A/officer:X", "team:A", 9), cell("team:A/officer:Y", "team:A", 8),
                cell("team:A/officer:Z", "team:A", 3));
        assertThat(s).containsExactlyInAnyOrder("force", "team:A", "team:A/officer:X");
    }

    @Test
    void unitsWithoutAParentAreEachJudgedAlone() {
        assertThat(shown(5, cell("team:A", null, 5), cell("team:B", null, 4))).containsExactly("team:A");
    }

    @Test
    void noFigureTheShownCellsAllowDiffersFromAnotherByFewerThanKPeople() {
        // Every pair of shown cells, and every shown parent less its shown children, rests on k or more people.
        java.util.Random random = new java.util.Random(23);
        for (int round = 0; round < 500; round++) {
            List<Cell> cells = new ArrayList<>();
            int force = 0;
            List<Cell> teams = new ArrayList<>();
            for (int t = 0; t < 1 + random.nextInt(5); t++) {
                int people = random.nextInt(15);
                force += people;
                teams.add(cell("team:" + t, "force", people));
            }
            force += random.nextInt(3);
            cells.add(cell("force", null, force));
            cells.addAll(teams);
            Set<String> s = Suppression.published(cells, 5);
            if (s.contains("force")) {
                int rest = force - teams.stream().filter(c -> s.contains(c.unit())).mapToInt(Cell::people).sum();
                assertThat(rest == 0 || rest >= 5).as("force less its shown teams, round " + round + ": " + cells)
                        .isTrue();
            }
            for (Cell c : teams) {
                if (s.contains(c.unit())) {
                    assertThat(c.people()).isGreaterThanOrEqualTo(5);
                }
            }
        }
    }
}
