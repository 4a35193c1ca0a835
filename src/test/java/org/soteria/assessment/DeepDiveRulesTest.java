package org.soteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The deep dive's stratified sample (reproducible, per stratum) and the agreement between reviewers. */
class DeepDiveRulesTest {

    private static List<StratifiedSample.Candidate> candidates() {
        List<StratifiedSample.Candidate> out = new ArrayList<>();
        String[] strata = {"adult_rape / charged / 2025-Q1", "adult_rape / open / 2025-Q1", "child_rape / charged / 2025-Q2",
            "sexual_assault / victim_does_not_support / 2025-Q2"};
        int[] sizes = {40, 3, 12, 25};
        long id = 1;
        for (int s = 0; s < strata.length; s++) {
            for (int i = 0; i < sizes[s]; i++) {
                out.add(new StratifiedSample.Candidate(id++, strata[s]));
            }
        }
        return out;
    }

    @Test
    void eachStratumGivesNCrimesOrAllItHas() {
        List<StratifiedSample.Drawn> drawn = StratifiedSample.draw(candidates(), 5, 2026);
        Map<String, Long> per = drawn.stream().collect(Collectors.groupingBy(StratifiedSample.Drawn::stratum,
                Collectors.counting()));
        assertThat(per).containsEntry("adult_rape / charged / 2025-Q1", 5L).containsEntry("adult_rape / open / 2025-Q1", 3L)
                .containsEntry("child_rape / charged / 2025-Q2", 5L)
                .containsEntry("sexual_assault / victim_does_not_support / 2025-Q2", 5L);
        assertThat(drawn).extracting(StratifiedSample.Drawn::crimeId).doesNotHaveDuplicates();
        Map<Long, String> stratumOf = candidates().stream().collect(Collectors.toMap(StratifiedSample.Candidate::crimeId,
                StratifiedSample.Candidate::stratum));
        assertThat(drawn).allSatisfy(d -> assertThat(stratumOf.get(d.crimeId())).isEqualTo(d.stratum()));
    }

    @Test
    void theSameSeedOverTheSameRecordsGivesTheSameSampleInWhateverOrderTheyCome() {
        List<StratifiedSample.Candidate> shuffled = new ArrayList<>(candidates());
        Collections.shuffle(shuffled, new Random(9));
        assertThat(StratifiedSample.draw(shuffled, 4, 77)).containsExactlyElementsOf(StratifiedSample.draw(candidates(), 4, 77));
        assertThat(StratifiedSample.draw(candidates(), 4, 78)).isNotEqualTo(StratifiedSample.draw(candidates(), 4, 77));
        assertThatThrownBy(() -> StratifiedSample.draw(candidates(), 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aProportionalSampleSharesItsSizeByEachStratumsCrimesWithAtLeastOneFromEach() {
        Map<String, Integer> populations = new java.util.TreeMap<>(Map.of("a", 600, "b", 300, "c", 90, "d", 10));
        Map<String, Integer> quotas = StratifiedSample.proportional(populations, 50);
        assertThat(quotas).containsExactlyInAnyOrderEntriesOf(Map.of("a", 29, "b", 15, "c", 5, "d", 1));
        assertThat(quotas.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
        // largest remainders, ties to the larger stratum, and never more than a stratum has
        assertThat(StratifiedSample.proportional(new java.util.TreeMap<>(Map.of("a", 5, "b", 5, "c", 2)), 11))
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 5, "b", 4, "c", 2));
        assertThat(StratifiedSample.proportional(new java.util.TreeMap<>(Map.of("a", 3, "b", 1)), 10))
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 3, "b", 1));
        // fewer crimes asked for than strata: the largest strata get one each
        assertThat(StratifiedSample.proportional(new java.util.TreeMap<>(Map.of("a", 9, "b", 50, "c", 20)), 2))
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 0, "b", 1, "c", 1));
        List<StratifiedSample.Drawn> drawn = StratifiedSample.draw(candidates(), StratifiedSample.proportional(
                StratifiedSample.populations(candidates()), 12), 2026);
        assertThat(drawn).hasSize(12).extracting(StratifiedSample.Drawn::crimeId).doesNotHaveDuplicates();
    }

    @Test
    void everyCrimeOfAStratumIsEquallyLikelyToBeDrawn() {
        int[] hits = new int[41];
        for (long seed = 0; seed < 4000; seed++) {
            for (StratifiedSample.Drawn d : StratifiedSample.draw(candidates(), 5, seed)) {
                if (d.crimeId() <= 40) {
                    hits[(int) d.crimeId()]++;
                }
            }
        }
        // 5 of 40 each time: 500 expected per crime in 4,000 draws; binomial sd about 21.
        for (int i = 1; i <= 40; i++) {
            assertThat(hits[i]).as("crime " + i).isBetween(420, 580);
        }
    }

    private static ReviewItem item(String code, int pillar, ReviewItem.Scale scale, boolean mayNotApply) {
        return new ReviewItem(code.hashCode(), code, pillar, scale, mayNotApply,
                org.soteria.platform.Bilingual.of(code, ""), org.soteria.platform.Bilingual.of("", ""), null);
    }

    static final ReviewItem FOCUS = item("suspect_focus", 1, ReviewItem.Scale.ORDINAL, false);
    static final ReviewItem PROPORTIONALITY = item("proportionality", 6, ReviewItem.Scale.ORDINAL, true);
    static final ReviewItem CODE = item("victims_code", 3, ReviewItem.Scale.YES_NO_PARTLY, false);
    static final ReviewItem CONTEXT = item("context_examined", 1, ReviewItem.Scale.FREE_TEXT, false);
    static final List<ReviewItem> ITEMS = List.of(FOCUS, CONTEXT, CODE, PROPORTIONALITY);

    private static DeepDiveRepository.Review review(long crime, String reviewer, ReviewItem.Rating focus, boolean missed) {
        return review(crime, reviewer, focus, null, null, missed);
    }

    private static DeepDiveRepository.Review review(long crime, String reviewer, ReviewItem.Rating focus,
            ReviewItem.Rating code, String context, boolean missed) {
        Map<String, ReviewItem.Rating> ratings = new java.util.LinkedHashMap<>();
        ratings.put(FOCUS.code(), focus);
        ratings.put(PROPORTIONALITY.code(), ReviewItem.Rating.NOT_APPLICABLE);
        if (code != null) {
            ratings.put(CODE.code(), code);
        }
        return new DeepDiveRepository.Review(1, crime, reviewer, ratings, context == null ? Map.of()
                : Map.of(CONTEXT.code(), context), missed, missed ? "note " + reviewer : null, null, null);
    }

    private static DeepDiveService.Finding finding(Map<String, List<DeepDiveService.Finding>> byPillar, ReviewItem item) {
        return byPillar.get(item.pillarLabel()).stream().filter(f -> f.item().equals(item)).findFirst().orElseThrow();
    }

    /**
     * Issue 26: findings count crimes, not reviews. A crime reviewed twice counts once, at the lower of its middle
     * ratings until the disagreement is settled (so that a failing one reviewer saw is not averaged away), and the
     * crimes whose reviewers differ are counted.
     */
    @Test
    void findingsCountEachCrimeOnceAndSayWhereReviewersDiffer() {
        List<DeepDiveRepository.Review> reviews = List.of(
                review(1, "a", ReviewItem.Rating.GOOD, false), review(1, "b", ReviewItem.Rating.POOR, true),
                review(2, "a", ReviewItem.Rating.GOOD, false),
                review(3, "a", ReviewItem.Rating.EXCELLENT, false), review(3, "b", ReviewItem.Rating.GOOD, false),
                review(3, "c", ReviewItem.Rating.EXCELLENT, false),
                review(4, "a", ReviewItem.Rating.NOT_APPLICABLE, false));
        DeepDiveService.Finding focus = finding(DeepDiveService.byPillar(ITEMS, reviews, Map.of(1L, "s", 2L, "s", 3L,
                "s", 4L, "s"), Map.of(), Map.of()), FOCUS);
        assertThat(focus.rated()).as("crimes 1 to 3; crime 4 not applicable").isEqualTo(3);
        assertThat(focus.counts()).containsEntry(ReviewItem.Rating.POOR, 1).containsEntry(ReviewItem.Rating.GOOD, 1)
                .containsEntry(ReviewItem.Rating.EXCELLENT, 1).containsEntry(ReviewItem.Rating.NOT_APPLICABLE, 1);
        assertThat(focus.meanScore()).as("(1 + 3 + 4) / 3").isEqualTo(8 / 3.0);
        assertThat(focus.belowGood()).isEqualTo(1);
        assertThat(focus.disagreed()).as("crimes 1 and 3").isEqualTo(2);
        assertThat(focus.weightedBelowGood()).as("no populations kept: not weighted").isNull();

        // The force lead settles crime 1 as good: it counts as good, and no longer as a disagreement.
        DeepDiveService.Finding settled = finding(DeepDiveService.byPillar(ITEMS, reviews, Map.of(1L, "s", 2L, "s", 3L,
                "s", 4L, "s"), Map.of(), Map.of(1L, Map.of(FOCUS.code(), ReviewItem.Rating.GOOD))), FOCUS);
        assertThat(settled.counts()).containsEntry(ReviewItem.Rating.POOR, 0).containsEntry(ReviewItem.Rating.GOOD, 2);
        assertThat(settled.disagreed()).as("crime 3 only").isEqualTo(1);

        DeepDiveService.Missed missed = DeepDiveService.missed(reviews);
        assertThat(missed.crimes()).as("crime 1: one reviewer of two found one").isEqualTo(1);
        assertThat(missed.disagreed()).isEqualTo(1);
        assertThat(missed.notes()).containsExactly("note b");
    }

    /**
     * Issue 26: two crimes drawn from each of two strata, one of 90 crimes and one of 10. In the large stratum one of
     * two is rated poor, in the small none: unweighted 1 of 4 is below good; weighted back to the caseload,
     * (90 x 1/2 + 10 x 0) / 100 = 45%, and the mean score (90 x 2 + 10 x 3) / 100 = 2.1.
     */
    @Test
    void findingsAreWeightedBackToTheCaseloadByStratum() {
        List<DeepDiveRepository.Review> reviews = List.of(review(1, "a", ReviewItem.Rating.POOR, false),
                review(2, "a", ReviewItem.Rating.GOOD, false), review(3, "a", ReviewItem.Rating.GOOD, false),
                review(4, "a", ReviewItem.Rating.GOOD, false));
        DeepDiveService.Finding focus = finding(DeepDiveService.byPillar(ITEMS, reviews, Map.of(1L, "large", 2L, "large",
                3L, "small", 4L, "small"), Map.of("large", 90, "small", 10), Map.of()), FOCUS);
        assertThat(focus.belowGood()).isEqualTo(1);
        assertThat(focus.meanScore()).isEqualTo(2.5);
        assertThat(focus.weightedBelowGood()).isCloseTo(0.45, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(focus.weightedMeanScore()).isCloseTo(2.1, org.assertj.core.api.Assertions.within(1e-12));
        DeepDiveService.Finding proportionality = finding(DeepDiveService.byPillar(ITEMS, reviews, Map.of(1L, "large",
                2L, "large", 3L, "small", 4L, "small"), Map.of("large", 90, "small", 10), Map.of()), PROPORTIONALITY);
        assertThat(proportionality.weightedBelowGood()).as("nothing rated: no estimate").isNull();
    }

    /**
     * Issue 26, templates as data: an item on the yes, partly or no scale counts partly and no as short of good and
     * scores no 1, partly 2, yes 3 (its mean out of 3); an item in the reviewers' words has no figures, only what they
     * wrote; each pillar's items in the template's order, and pillars in their own order.
     */
    @Test
    void itemsOfEveryScaleAreFoundByTheirOwnRules() {
        List<DeepDiveRepository.Review> reviews = List.of(
                review(1, "a", ReviewItem.Rating.GOOD, ReviewItem.Rating.YES, "phones examined", false),
                review(1, "b", ReviewItem.Rating.GOOD, ReviewItem.Rating.PARTLY, null, false),
                review(2, "a", ReviewItem.Rating.GOOD, ReviewItem.Rating.NO, "no context", false),
                review(3, "a", ReviewItem.Rating.GOOD, ReviewItem.Rating.YES, null, false));
        Map<String, List<DeepDiveService.Finding>> byPillar = DeepDiveService.byPillar(ITEMS, reviews,
                Map.of(1L, "s", 2L, "s", 3L, "s"), Map.of(), Map.of());
        assertThat(byPillar.keySet()).containsExactly(FOCUS.pillarLabel(), CODE.pillarLabel(),
                PROPORTIONALITY.pillarLabel());
        assertThat(byPillar.get(FOCUS.pillarLabel())).extracting(DeepDiveService.Finding::item)
                .containsExactly(FOCUS, CONTEXT);
        DeepDiveService.Finding code = finding(byPillar, CODE);
        assertThat(code.counts().keySet()).as("the scale's ratings, then not applicable").containsExactly(
                ReviewItem.Rating.YES, ReviewItem.Rating.PARTLY, ReviewItem.Rating.NO, ReviewItem.Rating.NOT_APPLICABLE);
        assertThat(code.counts()).containsEntry(ReviewItem.Rating.YES, 1).containsEntry(ReviewItem.Rating.PARTLY, 1)
                .containsEntry(ReviewItem.Rating.NO, 1);
        assertThat(code.rated()).isEqualTo(3);
        assertThat(code.belowGood()).as("crime 1 at the lower middle (partly), crime 2 no").isEqualTo(2);
        assertThat(code.meanScore()).as("(2 + 1 + 3) / 3").isEqualTo(2.0);
        assertThat(code.disagreed()).isEqualTo(1);
        assertThat(CODE.scale().top()).isEqualTo(3);
        DeepDiveService.Finding context = finding(byPillar, CONTEXT);
        assertThat(context.words()).containsExactly("phones examined", "no context");
        assertThat(context.counts()).isEmpty();
        assertThat(context.rated()).isZero();
        assertThat(DeepDiveService.agreement(ITEMS, reviews).keySet()).as("words are not compared")
                .containsExactly(FOCUS.code(), CODE.code(), PROPORTIONALITY.code());
    }

    @Test
    void anItemAllowsItsScaleAndNotApplicableOnlyWhereItSaysSo() {
        assertThat(FOCUS.allows(ReviewItem.Rating.GOOD)).isTrue();
        assertThat(FOCUS.allows(ReviewItem.Rating.YES)).as("another scale's").isFalse();
        assertThat(FOCUS.allows(ReviewItem.Rating.NOT_APPLICABLE)).isFalse();
        assertThat(PROPORTIONALITY.allows(ReviewItem.Rating.NOT_APPLICABLE)).isTrue();
        assertThat(CODE.allows(ReviewItem.Rating.PARTLY)).isTrue();
        assertThat(CODE.allows(ReviewItem.Rating.EXCELLENT)).isFalse();
        assertThat(CONTEXT.ratings()).isEmpty();
        assertThat(CONTEXT.allows(null)).isFalse();
    }
}
