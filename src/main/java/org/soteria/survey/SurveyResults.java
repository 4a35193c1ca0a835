package org.soteria.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.soteria.disclosure.Cell;
import org.soteria.disclosure.Suppression;

/**
 * What a closed survey wave's answers may show (ADR 42): nothing when fewer than k officers answered; each question's
 * mean (1 strongly disagree to 5 strongly agree) and share agreeing when k or more answered it; each pillar's mean;
 * and each theme's mean by team, where a team of fewer than k respondents is counted with the other small teams, and
 * the smallest teams shown join them while that group would hold fewer than k (so no team's figures can be worked out
 * from the whole and the rest): the rule of {@link Suppression}, which decides it.
 */
public final class SurveyResults {

    /** A question of the questionnaire, in its order. */
    public record Question(String code, String theme, int pillar, String textEn, String textCy) {

        public String text(java.util.Locale locale) {
            return "cy".equals(locale.getLanguage()) ? textCy : textEn;
        }
    }

    /** One officer's answers, in the questionnaire's order (null: preferred not to say), with their team. */
    public record Answer(String team, Integer[] values) {
    }

    /** A question's figures, or withheld (fewer than k answered it). */
    public record Item(Question question, long answered, Double mean, Double agreeing, boolean withheld) {
    }

    /** A pillar's mean over all its questions' answers, or withheld. */
    public record PillarMean(int pillar, long respondents, Double mean, boolean withheld) {
    }

    /** A team (or the small teams together: {@code teams} holds several) with each theme's mean (null: withheld). */
    public record Group(List<String> teams, long respondents, Map<String, Double> themes) {

        public boolean together() {
            return teams.size() > 1;
        }
    }

    public record Results(long respondents, int minimum, List<Item> items, List<PillarMean> pillars,
            List<String> themes, List<Group> groups) {

        public boolean withheld() {
            return respondents < minimum;
        }
    }

    private SurveyResults() {
    }

    public static Results of(List<Question> questions, List<Answer> answers, int k) {
        List<String> themes = questions.stream().map(Question::theme).distinct().toList();
        if (answers.size() < k) {
            return new Results(answers.size(), k, List.of(), List.of(), themes, List.of());
        }
        List<Item> items = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            long n = 0;
            long sum = 0;
            long agree = 0;
            for (Answer a : answers) {
                Integer v = q < a.values().length ? a.values()[q] : null;
                if (v != null) {
                    n++;
                    sum += v;
                    agree += v >= 4 ? 1 : 0;
                }
            }
            boolean withheld = n < k;
            items.add(new Item(questions.get(q), n, withheld ? null : (double) sum / n,
                    withheld ? null : (double) agree / n, withheld));
        }
        List<PillarMean> pillars = new ArrayList<>();
        for (int p = 1; p <= 6; p++) {
            final int pillar = p;
            List<Integer> of = new ArrayList<>();
            for (int q = 0; q < questions.size(); q++) {
                if (questions.get(q).pillar() == pillar) {
                    of.add(q);
                }
            }
            if (!of.isEmpty()) {
                double[] mean = mean(answers, of);
                boolean withheld = mean[1] < k;
                pillars.add(new PillarMean(pillar, (long) mean[1], withheld ? null : mean[0], withheld));
            }
        }
        return new Results(answers.size(), k, items, pillars, themes, groups(questions, answers, themes, k));
    }

    private static List<Group> groups(List<Question> questions, List<Answer> answers, List<String> themes, int k) {
        Map<String, List<Answer>> byTeam = new TreeMap<>();
        answers.forEach(a -> byTeam.computeIfAbsent(a.team(), t -> new ArrayList<>()).add(a));
        // Which teams may stand alone is the disclosure rule every published figure follows (ADR 24): teams of fewer
        // than k hidden, and the smallest shown hidden too while the hidden rest would hold 1 to k - 1.
        List<Cell> cells = new ArrayList<>();
        cells.add(cell(Cell.FORCE, null, answers.size()));
        byTeam.forEach((team, list) -> cells.add(cell(Cell.team(team), Cell.FORCE, list.size())));
        java.util.Set<String> published = Suppression.published(cells, k);
        List<String> shown = new ArrayList<>();
        List<String> small = new ArrayList<>();
        byTeam.keySet().forEach(team -> (published.contains(Cell.team(team)) ? shown : small).add(team));
        long smallCount = small.stream().mapToLong(t -> byTeam.get(t).size()).sum();
        List<Group> out = new ArrayList<>();
        if (shown.isEmpty()) {
            return out; // one group at most: the whole, shown above
        }
        for (String team : shown) {
            out.add(group(List.of(team), byTeam.get(team), questions, themes, k));
        }
        if (smallCount >= k) {
            List<Answer> rest = new ArrayList<>();
            small.stream().sorted().forEach(t -> rest.addAll(byTeam.get(t)));
            out.add(group(small.stream().sorted().toList(), rest, questions, themes, k));
        }
        return out;
    }

    private static Group group(List<String> teams, List<Answer> answers, List<Question> questions, List<String> themes,
            int k) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (String theme : themes) {
            List<Integer> of = new ArrayList<>();
            for (int q = 0; q < questions.size(); q++) {
                if (questions.get(q).theme().equals(theme)) {
                    of.add(q);
                }
            }
            double[] mean = mean(answers, of);
            means.put(theme, mean[1] < k ? null : mean[0]);
        }
        return new Group(teams, answers.size(), means);
    }

    private static Cell cell(String unit, String parent, int people) {
        return new Cell(unit, parent, people, people, 0, new long[0], new long[0]);
    }

    /** The mean of the answers to some questions, and how many officers answered at least one of them. */
    private static double[] mean(List<Answer> answers, List<Integer> questions) {
        long n = 0;
        long sum = 0;
        long people = 0;
        for (Answer a : answers) {
            boolean any = false;
            for (int q : questions) {
                Integer v = q < a.values().length ? a.values()[q] : null;
                if (v != null) {
                    n++;
                    sum += v;
                    any = true;
                }
            }
            people += any ? 1 : 0;
        }
        return new double[] {n == 0 ? Double.NaN : (double) sum / n, people};
    }
}
