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
                    p("f2", "Siobhan", "Tarant", "1978-08-19", null, null)},          // a typo and the year one out
                new PersonRecord[] {p("g1", "Eirlys", "Quarrington", "1968-05-04", "SA1 1AA", null),
                    p("g2", "Quarrington", null, null, "SA1 1AA", null)},             // one name, keyed as the given name
                new PersonRecord[] {p("h1", "Tegwen", "Vyvyan-Pryce", "1970-01-01", "LD1 5AA", null),
                    p("h2", "Tegwen", "Vyvyan-Pryce", "1907-10-10", "SY23 3BB", null)}); // rare names, nothing else shared
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
    void namesAloneBlockOnlyWhenTheyAreRare() {
        List<PersonRecord> people = new ArrayList<>(crowd());
        for (int i = 0; i < 300; i++) {
            people.add(p("j" + i, "Aled", "Jones", String.format("%d-01-%02d", 1940 + i % 60, 1 + i % 28), "CF" + i + " 1AA", null));
        }
        people.add(p("r1", "Tegwen", "Vyvyan-Pryce", "1970-01-01", "LD1 5AA", null));
        people.add(p("r2", "Tegwen", "Vyvyan-Pryce", "1907-10-10", "SY23 3BB", null));
        RecordSet set = new RecordSet(people, Nicknames.standard());
        Blocking.Candidates c = Blocking.candidates(set, null);
        int n = people.size();
        assertThat(c.blockedBy(Blocking.Rule.NAMES, n - 2, n - 1)).as("two rare namesakes").isTrue();
        assertThat(c.blockedBy(Blocking.Rule.NAMES, n - 4, n - 3)).as("two of 300 Aled Joneses").isFalse();
    }

    /**
     * A rule that would give more pairs than its share (a few pairs a record) is refined with a part of the
     * key it lacks, and then, if still too large, loses its largest blocks; the notes say so.
     */
    @Test
    void aRuleOverItsShareIsRefinedThenCutAndTheNotesSaySo() {
        List<PersonRecord> people = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(3);
        // 30,000 records with 100 postcodes and one given initial: "postcode, given initial" blocks hold 300 each.
        for (int i = 0; i < 30_000; i++) {
            String family = START[rnd.nextInt(START.length)] + END[rnd.nextInt(END.length)] + (char) ('a' + rnd.nextInt(26));
            people.add(p("p" + i, "Aled", family, null, "LL" + (i % 100) + " 1AA", null));
        }
        RecordSet set = new RecordSet(people, Nicknames.standard());
        Blocking.Candidates c = Blocking.candidates(set, null);
        long share = Blocking.share(people.size());
        assertThat(c.pairsByRule().get(Blocking.Rule.POSTCODE_INITIAL)).isLessThanOrEqualTo(share);
        assertThat(c.budgetNotes()).anySatisfy(note -> assertThat(note)
                .startsWith("postcode, given initial: ").contains("over its share of " + String.format("%,d", share))
                .contains("refined by family name initial"));
        assertThat((long) c.pairs().length).isLessThanOrEqualTo(share * Blocking.Rule.values().length);
        // Every rule keeps within its share, whatever the data.
        c.pairsByRule().values().forEach(pairs -> assertThat(pairs).isLessThanOrEqualTo(share));
    }

    @Test
    void aBlockTooLargeEvenRefinedIsLeftOutAndItsRecordsAreNotSaidToShareTheRule() {
        List<PersonRecord> people = new ArrayList<>();
        // 900 identical keys whatever the refinement: one postcode, one name, no date of birth.
        for (int i = 0; i < 900; i++) {
            people.add(p("s" + i, "Aled", "Jones", null, "LL1 1AA", null));
        }
        RecordSet set = new RecordSet(people, Nicknames.standard());
        Blocking.Candidates c = Blocking.candidates(set, null);
        assertThat(c.pairsByRule().get(Blocking.Rule.POSTCODE_INITIAL)).isZero();
        assertThat(c.blockedBy(Blocking.Rule.POSTCODE_INITIAL, 0, 1)).isFalse();
        assertThat(c.budgetNotes()).anySatisfy(note -> assertThat(note).startsWith("postcode, given initial: ")
                .contains("blocks of more than"));
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
