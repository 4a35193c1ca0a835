package org.soteria.linkage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Blocking keeps the pairs each kind of variant makes while comparing few pairs, and a shared common
 * name counts for less than a shared rare one (term-frequency adjustment).
 */
class BlockingAndFrequencyTest {

    private static final String[] START = {"Bar", "Cor", "Dal", "Fen", "Gar", "Hol", "Kir", "Lan", "Mor", "Pen", "Ros", "Tal"};
    private static final String[] END = {"by", "croft", "dale", "ford", "ham", "ley", "more", "ton", "wick", "worth"};
    private static final String[] GIVEN = {"Aled", "Bethan", "Ceri", "Dafydd", "Elin", "Ffion", "Gethin", "Huw", "Iolo",
        "Lowri", "Mali", "Nia", "Owain", "Rhys", "Seren", "Tomos"};

    /** 3,000 different people (enough that blocking, not an all-pairs comparison, finds the candidates). */
    private static List<PersonRecord> crowd() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<PersonRecord> out = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String family = START[rnd.nextInt(START.length)] + END[rnd.nextInt(END.length)] + (char) ('a' + rnd.nextInt(26));
            String dob = String.format("%d-%02d-%02d", 1950 + rnd.nextInt(55), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            out.add(new PersonRecord("c" + i, GIVEN[rnd.nextInt(GIVEN.length)], null, family, dob, null,
                    "LL" + rnd.nextInt(80) + " " + rnd.nextInt(10) + "AB", null, null, null, null));
        }
        return out;
    }

    private static PersonRecord p(String id, String given, String family, String dob, String postcode, String pnc) {
        return new PersonRecord(id, given, null, family, dob, null, postcode, null, null, pnc, null);
    }

    @Test
    void everyKindOfVariantMeetsItsOriginalAndComparisonsStayFew() {
        List<PersonRecord> people = new ArrayList<>(crowd());
        List<PersonRecord[]> variants = List.of(
                new PersonRecord[] {p("a1", "Arthur", "Quennell", "1971-06-24", "SY1 1AA", null),
                    p("a2", "Arthur", "Quennell", "1971-06-27", null, null)},         // a digit of the date
                new PersonRecord[] {p("b1", "Robert", "Vasquez", "1980-03-02", null, null),
                    p("b2", "Bob", "Vasquez", "1980-03-02", null, null)},             // a diminutive
                new PersonRecord[] {p("c1", "Morgan", "Rhydderch", "1985-02-07", null, null),
                    p("c2", "Rhydderch", "Morgan", "1985-02-09", null, null)},        // swapped names, a digit of the day
                new PersonRecord[] {p("d1", "Gwenllian", "Ystradgynlais", "1990-11-30", "CH5 4JT", null),
                    p("d2", "Gwenllian", "Ystradgynlais", null, "CH5 4JT", null)},    // no date of birth
                new PersonRecord[] {p("e1", "Kwame", "Obeng", "1966-04-12", null, "66/123456A"),
                    p("e2", "K", "Obeng-Mensah", null, null, "66/123456A")},          // only the PNC identifier
                new PersonRecord[] {p("f1", "Siobhan", "Tarrant", "1977-08-19", null, null),
                    p("f2", "Siobhan", "Tarant", "1978-08-19", null, null)});         // a typo and the year one out
        variants.forEach(v -> people.addAll(Arrays.asList(v)));
        RecordSet set = new RecordSet(people, Nicknames.standard());
        Blocking.Candidates c = Blocking.candidates(set, null);
        assertThat(c.allPairs()).isFalse();
        for (PersonRecord[] v : variants) {
            int a = people.indexOf(v[0]);
            int b = people.indexOf(v[1]);
            assertThat(Arrays.binarySearch(c.pairs(), (long) a << 32 | b)).as(v[0].personId() + " and " + v[1].personId())
                    .isGreaterThanOrEqualTo(0);
        }
        assertThat((long) c.pairs().length).as("candidates against %,d possible pairs", (long) people.size()
                * (people.size() - 1) / 2).isLessThan(5L * people.size());
    }

    @Test
    void aSharedCommonNameCountsForLessThanASharedRareOne() {
        List<PersonRecord> people = new ArrayList<>(crowd());
        for (int i = 0; i < 200; i++) {
            people.add(p("j" + i, GIVEN[i % GIVEN.length], "Jones", String.format("%d-01-%02d", 1940 + i % 60, 1 + i % 28),
                    null, null));
        }
        people.add(p("x1", "Aled", "Jones", "1999-12-31", null, null));
        people.add(p("x2", "Aled", "Jones", "1999-12-31", null, null));
        people.add(p("y1", "Aled", "Zabrowski", "1999-12-30", null, null));
        people.add(p("y2", "Aled", "Zabrowski", "1999-12-30", null, null));
        Linker.Result r = new Linker(Nicknames.standard()).link(people, Linker.Options.defaults(), List.of(), m -> { });
        int n = people.size();
        double jones = familyWeight(r.explain(n - 4, n - 3));
        double rare = familyWeight(r.explain(n - 2, n - 1));
        assertThat(jones).isPositive().isLessThan(rare - 3);
    }

    private static double familyWeight(Explanation e) {
        return e.contributions().stream().filter(c -> c.field() == Field.FAMILY_NAME).findFirst().orElseThrow().weight();
    }
}
