package org.soteria.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.soteria.reference.EventType;
import org.soteria.reference.OffenceCode;
import org.soteria.reference.OrderType;
import org.soteria.reference.OutcomeCode;
import org.soteria.reference.RecordType;
import org.soteria.reference.Relationship;
import org.soteria.reference.ReportSource;

/**
 * A base snapshot plus a delta of changed crimes gives exactly the measures of a snapshot built
 * afresh from the same records: updated, new and cancelled crimes, suspects who become repeat
 * suspects through a new crime or a shared PNC id.
 */
class MeasureSnapshotTest {

    private static final EventType[] EVENTS = {EventType.ARREST, EventType.SUSPECT_IDENTIFIED,
        EventType.CPS_REFERRAL, EventType.CHARGE, EventType.VICTIM_NOTIFIED, EventType.SUPPORT_REFERRAL,
        EventType.FIRST_CONTACT, EventType.NEEDS_ASSESSMENT, EventType.VICTIM_WITHDRAWAL};

    private final MeasureEngine engine = new MeasureEngine(new MeasureEngine.Settings(2, 10, 3));

    /** Adds crime {@code id} with random facts drawn from {@code seed}; cancelled when {@code cancelled}. */
    private static void crime(FactsBuilder b, long id, long seed, boolean cancelled) {
        Random r = new Random(seed);
        LocalDate recorded = LocalDate.of(2023, 1, 1).plusDays(r.nextInt(1000));
        OutcomeCode outcome = r.nextInt(3) == 0 ? null : OutcomeCode.values()[r.nextInt(OutcomeCode.values().length)];
        RecordType type = cancelled ? RecordType.CANCELLED : r.nextInt(20) == 0 ? RecordType.N100 : RecordType.CRIME;
        b.crime(id, r.nextBoolean() ? "NWP" : "DYF", "T" + r.nextInt(4), "O" + r.nextInt(6), type,
                type == RecordType.N100 ? 1 + r.nextInt(3) : null, OffenceCode.values()[r.nextInt(19)], recorded,
                ReportSource.values()[r.nextInt(4)], r.nextInt(3) == 0 ? null : r.nextBoolean(), outcome,
                outcome == null ? null : recorded.plusDays(r.nextInt(600)));
        b.person(id, 10_000 + id, "victim", null, r.nextInt(5) == 0 ? null : 10 + r.nextInt(60), null);
        if (r.nextInt(4) != 0) {
            long suspect = r.nextInt(400);
            b.person(id, suspect, "suspect", Relationship.values()[r.nextInt(9)], null,
                    suspect % 7 == 0 ? "PNC" + (suspect % 21) : null);
        }
        for (int e = 0; e < r.nextInt(6); e++) {
            EventType t = EVENTS[r.nextInt(EVENTS.length)];
            String detail = t == EventType.VICTIM_NOTIFIED ? "E" + id + "-0"
                    : t == EventType.VICTIM_WITHDRAWAL ? "fear_of_suspect" : null;
            b.event(id, t, recorded.plusDays(r.nextInt(400) - 5), "E" + id + "-" + e, null, detail);
        }
        if (r.nextInt(5) == 0) {
            b.feedback(id, recorded.plusDays(r.nextInt(300)), 1 + r.nextInt(5), 1 + r.nextInt(5), null,
                    1 + r.nextInt(5), 1 + r.nextInt(5));
        }
        b.finish(id);
    }

    private static FactsBuilder common(FactsBuilder b) {
        b.order("NWP", 7, OrderType.SRO, LocalDate.of(2024, 1, 1), null);
        b.order("NWP", 14, OrderType.SHPO, LocalDate.of(2024, 1, 1), LocalDate.of(2030, 1, 1));
        b.officer("NWP", "O1", "T1", LocalDate.of(2030, 1, 1));
        return b;
    }

    @Test
    void baseAndDeltaGiveTheSameMeasuresAsAFreshBuild() {
        FactsBuilder incremental = common(new FactsBuilder(org.soteria.victim.CodeFixture.code(), java.time.LocalDate.of(2030, 1, 1)));
        for (long id = 1; id <= 600; id++) {
            crime(incremental, id, id, false);
        }
        MeasureFacts base = incremental.build(0);

        // Changes: 60 crimes updated, 40 new, 10 cancelled.
        FactsBuilder fresh = common(new FactsBuilder(org.soteria.victim.CodeFixture.code(), java.time.LocalDate.of(2030, 1, 1)));
        Set<Long> changed = new HashSet<>();
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 650; id++) {
            ids.add(id);
        }
        for (long id : ids) {
            boolean update = id % 10 == 0;
            boolean cancel = id % 61 == 0;
            boolean isNew = id > 600;
            long seed = update ? id * 7919 : id;
            crime(fresh, id, seed, cancel);
            if (update || cancel || isNew) {
                changed.add(id);
                incremental.remove(List.of(id));
                crime(incremental, id, seed, cancel);
            }
        }
        MeasureFacts delta = incremental.buildDelta(changed, base, 0);
        long[] superseded = new long[(base.n + 63) >>> 6];
        for (long id : changed) {
            int slot = base.slotOf(id);
            if (slot >= 0) {
                superseded[slot >>> 6] |= 1L << slot;
            }
        }
        MeasureSnapshot patched = new MeasureSnapshot(base, delta, superseded);
        MeasureSnapshot rebuilt = MeasureSnapshot.of(fresh.build(0));
        assertThat(patched.crimes()).isEqualTo(rebuilt.crimes());

        List<MeasureQuery> queries = List.of(
                new MeasureQuery(LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31), null),
                new MeasureQuery(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), LocalDate.of(2025, 3, 1), null),
                new MeasureQuery(LocalDate.of(2023, 6, 1), LocalDate.of(2025, 6, 30), LocalDate.of(2026, 1, 1),
                        MeasureFilter.parse(List.of("team=T1", "team=T2", "force=NWP"))),
                new MeasureQuery(LocalDate.of(2023, 1, 1), LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31),
                        MeasureFilter.parse(List.of("offence_group=adult_rape", "relationship=partner",
                                "relationship=stranger"))));
        for (MeasureQuery q : queries) {
            Measures fromDelta = engine.compute(patched, q);
            assertThat(MeasureJson.of(fromDelta)).as(MeasureService.describe(q))
                    .isEqualTo(MeasureJson.of(engine.compute(rebuilt, q)));
            // Checking the filter crime by crime gives what the cached bitset gives.
            assertThat(engine.computeOnce(patched, q)).isEqualTo(engine.computePeriod(patched, q));
        }
        Measures all = engine.compute(rebuilt, queries.get(0));
        assertThat(all.repeatSuspectShare().numerator()).isPositive();
        assertThat(all.victimsCodeCompliance().total().denominator()).isPositive();
    }
}
