package org.soteria.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.ReportSource;

/**
 * A crime's record keeps its suspects in primitive arrays (a million are held between refreshes): each suspect keeps
 * its place and its PNC identifier however many are linked and in whatever order identifiers appear; what only the
 * Victims' Code duties need is let go once they are derived, and a late plan or victim then changes nothing.
 */
class CrimeRecordTest {

    private static CrimeRecord crime() {
        return new CrimeRecord(1, "NWP", "T1", "O1", 0, OffenceCode.values()[0], LocalDate.of(2025, 3, 1),
                ReportSource.VICTIM, true, null, null);
    }

    @Test
    void suspectsKeepTheirPlacesAndIdentifiers() {
        CrimeRecord c = crime();
        c.person(11, "suspect", null, null, null);
        c.person(12, "suspect", null, null, " PNC12 ");
        c.person(13, "suspect", null, null, "");
        c.person(14, "suspect", null, null, "PNC14");
        c.person(15, "suspect", null, null, null);
        c.finish(org.soteria.victim.CodeFixture.code(), LocalDate.of(2026, 1, 1));
        assertThat(c.suspectCount()).isEqualTo(5);
        assertThat(new long[] {c.suspect(0), c.suspect(1), c.suspect(2), c.suspect(3), c.suspect(4)})
                .containsExactly(11, 12, 13, 14, 15);
        assertThat(new String[] {c.suspectPnc(0), c.suspectPnc(1), c.suspectPnc(2), c.suspectPnc(3), c.suspectPnc(4)})
                .containsExactly(null, "PNC12", null, "PNC14", null);
    }

    @Test
    void aCrimeWithoutIdentifiersAnswersNone() {
        CrimeRecord c = crime();
        c.person(21, "suspect", null, null, null);
        assertThat(c.suspectCount()).isEqualTo(1);
        assertThat(c.suspectPnc(0)).isNull();
        assertThat(crime().suspectCount()).isZero();
    }

    @Test
    void aLatePlanOrVictimChangesNothingOnceTheDutiesAreDerived() {
        CrimeRecord c = crime();
        c.person(31, "victim", null, 30, null);
        c.contactPlan(new org.soteria.victim.VictimsCode.ContactPlan(31, LocalDate.of(2025, 3, 3), 14, null));
        c.finish(org.soteria.victim.CodeFixture.code(), LocalDate.of(2026, 1, 1));
        long[] marks = java.util.Arrays.copyOf(c.marks, c.markCount);
        assertThat(java.util.Arrays.stream(marks).filter(m -> CrimeRecord.kindOf(m) == CrimeRecord.OBLIGATION))
                .as("the plan's fortnightly updates and the first duties").hasSizeGreaterThan(5);
        c.contactPlan(new org.soteria.victim.VictimsCode.ContactPlan(31, LocalDate.of(2025, 3, 4), 7, null));
        c.person(32, "victim", null, 40, null);
        c.finish(org.soteria.victim.CodeFixture.code(), LocalDate.of(2026, 1, 1));
        assertThat(java.util.Arrays.copyOf(c.marks, c.markCount)).containsExactly(marks);
        assertThat(c.victimLinked).isTrue();
    }
}
