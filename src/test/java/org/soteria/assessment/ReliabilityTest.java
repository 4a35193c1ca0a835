package org.soteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 26: agreement across every reviewer, by Krippendorff's alpha, against the published worked examples. */
class ReliabilityTest {

    /**
     * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (also Krippendorff 2019, Content
     * Analysis, 4th edition, p. 290): four observers, twelve units, values 1 to 5, some missing; unit 12 has one value
     * and cannot be paired. Published: nominal 0.743, ordinal 0.815, interval 0.849.
     */
    private static final Integer[][] OBSERVERS = {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
        {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null},
    };

    private static List<List<Integer>> units(Integer[][] byObserver) {
        List<List<Integer>> units = new ArrayList<>();
        for (int u = 0; u < byObserver[0].length; u++) {
            List<Integer> values = new ArrayList<>();
            for (Integer[] observer : byObserver) {
                if (observer[u] != null) {
                    values.add(observer[u]);
                }
            }
            units.add(values);
        }
        return units;
    }

    @Test
    void reproducesKrippendorffsWorkedExampleAtEachLevel() {
        List<List<Integer>> units = units(OBSERVERS);
        assertThat(Reliability.alpha(units, Reliability.Level.NOMINAL).alpha()).isCloseTo(0.743, within(0.0005));
        assertThat(Reliability.alpha(units, Reliability.Level.ORDINAL).alpha()).isCloseTo(0.815, within(0.0005));
        assertThat(Reliability.alpha(units, Reliability.Level.INTERVAL).alpha()).isCloseTo(0.849, within(0.0005));
        Reliability.Result r = Reliability.alpha(units, Reliability.Level.NOMINAL);
        assertThat(r.units()).as("unit 12 has a single value").isEqualTo(11);
        assertThat(r.values()).isEqualTo(40);
    }

    /**
     * With two observers and no missing values, nominal alpha is Scott's pi corrected for sample size; the
     * 2 × 2 example: 20 both yes, 15 both no, 5 and 10 split (50 units). By hand: the coincidences count
     * each unit both ways, so yes 2 × 20 + 15 = 55 values, no 2 × 15 + 15 = 45, n = 100; observed disagreement
     * 30 of 100 values; alpha = 1 − (n − 1) × 30 / (2 × 55 × 45) = 1 − 99 × 30 / 4950 = 0.4.
     */
    @Test
    void twoObserversOnAYesNoItem() {
        List<List<Integer>> units = new ArrayList<>();
        add(units, 1, 1, 20);
        add(units, 0, 0, 15);
        add(units, 1, 0, 5);
        add(units, 0, 1, 10);
        Reliability.Result r = Reliability.alpha(units, Reliability.Level.NOMINAL);
        assertThat(r.alpha()).isCloseTo(0.4, within(1e-12));
        assertThat(r.observedAgreement()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void anOrdinalScaleCountsANearMissAsLessOfADisagreement() {
        List<List<Integer>> near = new ArrayList<>();
        List<List<Integer>> far = new ArrayList<>();
        for (int v = 1; v <= 4; v++) {
            add(near, v, v, 3);
            add(far, v, v, 3);
        }
        add(near, 2, 3, 2);
        add(far, 1, 4, 2);
        assertThat(Reliability.alpha(near, Reliability.Level.ORDINAL).alpha())
                .isGreaterThan(Reliability.alpha(far, Reliability.Level.ORDINAL).alpha());
        assertThat(Reliability.alpha(near, Reliability.Level.NOMINAL).alpha())
                .as("nominal: any difference is a whole disagreement")
                .isCloseTo(Reliability.alpha(far, Reliability.Level.NOMINAL).alpha(), within(1e-12));
    }

    @Test
    void withNothingToPairOrOneValueThroughoutThereIsNoAlpha() {
        assertThat(Reliability.alpha(List.of(List.of(1), List.of(2)), Reliability.Level.ORDINAL).alpha()).isNull();
        assertThat(Reliability.alpha(List.of(), Reliability.Level.ORDINAL).units()).isZero();
        List<List<Integer>> same = new ArrayList<>();
        add(same, 3, 3, 5);
        assertThat(Reliability.alpha(same, Reliability.Level.ORDINAL).alpha()).isNull();
        assertThat(Reliability.alpha(same, Reliability.Level.ORDINAL).observedAgreement()).isEqualTo(1.0);
    }

    @Test
    void krippendorffsThresholdsInWords() {
        assertThat(Reliability.words(0.81)).isEqualTo("{sample.alpha.reliable}");
        assertThat(Reliability.words(0.70)).isEqualTo("{sample.alpha.tentative}");
        assertThat(Reliability.words(0.50)).isEqualTo("{sample.alpha.unreliable}");
        assertThat(Reliability.words(null)).isEqualTo("{sample.alpha.undefined}");
    }

    private static void add(List<List<Integer>> units, int a, int b, int times) {
        for (int i = 0; i < times; i++) {
            units.add(List.of(a, b));
        }
    }
}
