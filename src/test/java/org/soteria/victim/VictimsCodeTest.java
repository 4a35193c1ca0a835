package org.soteria.victim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.soteria.reference.EventType;
import org.soteria.victim.VictimsCode.ContactPlan;
import org.soteria.victim.VictimsCode.CrimeEvent;
import org.soteria.victim.VictimsCode.Obligation;
import org.soteria.victim.VictimsCode.ObligationType;
import org.soteria.victim.VictimsCode.State;

class VictimsCodeTest {

    private static final LocalDate RECORDED = LocalDate.of(2026, 3, 2);
    private final VictimsCode code = CodeFixture.code();

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void statesOnAGivenDay() {
        Obligation notDone = new Obligation(ObligationType.SUPPORT_REFERRAL, 1, d(3, 2), d(3, 4), null, null, null);
        assertThat(notDone.state(d(3, 3))).isEqualTo(State.OPEN);
        assertThat(notDone.state(d(3, 4))).as("open to the end of the due date").isEqualTo(State.OPEN);
        assertThat(notDone.state(d(3, 5))).isEqualTo(State.OVERDUE);
        Obligation onTime = new Obligation(ObligationType.SUPPORT_REFERRAL, 1, d(3, 2), d(3, 4), d(3, 4), null, null);
        assertThat(onTime.state(d(3, 30))).isEqualTo(State.MET);
        Obligation late = new Obligation(ObligationType.SUPPORT_REFERRAL, 1, d(3, 2), d(3, 4), d(3, 5), null, null);
        assertThat(late.state(d(3, 30))).isEqualTo(State.LATE);
        assertThat(late.metOnTime()).isFalse();
    }

    @Test
    void aNotificationBeforeItsKeyEventStillMeetsIt() {
        List<Obligation> o = code.obligations(RECORDED, List.of(1L), List.of(
                new CrimeEvent(EventType.ARREST, d(3, 6), "A1", null, null),
                new CrimeEvent(EventType.VICTIM_NOTIFIED, d(3, 5), null, 1L, "A1")));
        Obligation key = o.get(0);
        assertThat(key.due()).isEqualTo(d(3, 9)); // Friday's arrest: the next working day is Monday
        assertThat(key.state(d(3, 20))).isEqualTo(State.MET);
    }

    @Test
    void aNotificationForAnotherVictimOrAnotherEventDoesNotCount() {
        List<Obligation> o = code.obligations(RECORDED, List.of(1L, 2L), List.of(
                new CrimeEvent(EventType.CHARGE, d(3, 10), "C1", null, null),
                new CrimeEvent(EventType.ARREST, d(3, 3), "A1", null, null),
                new CrimeEvent(EventType.VICTIM_NOTIFIED, d(3, 10), null, 2L, "C1")));
        assertThat(o.stream().filter(x -> x.type() == ObligationType.KEY_EVENT_NOTIFICATION)
                .map(x -> x.victimRef() + ":" + x.keyEventId() + ":" + x.state(d(3, 20)).code()))
                .containsExactly("1:C1:overdue", "1:A1:overdue", "2:C1:met", "2:A1:overdue");
    }

    @Test
    void keyEventsBeforeRecordingGiveNoObligation() {
        List<Obligation> o = code.obligations(RECORDED, List.of(1L), List.of(
                new CrimeEvent(EventType.ARREST, d(3, 1), "A0", null, null)));
        assertThat(o).extracting(Obligation::type).containsExactly(ObligationType.SUPPORT_REFERRAL);
    }

    @Test
    void theCodeVersionInForceOnTheTriggerDateSetsTheLimit() {
        VictimsCode twoVersions = new VictimsCode(new WorkingDays(CodeFixture.CHANGES), List.of(CodeFixture.CODE_2021,
                new VictimsCode.Version("A later Code", d(6, 1), 3, 5)));
        List<Obligation> o = twoVersions.obligations(d(5, 29), List.of(1L), List.of(
                new CrimeEvent(EventType.ARREST, d(5, 29), "A1", null, null),
                new CrimeEvent(EventType.CHARGE, d(6, 1), "C1", null, null)));
        // Friday 29 May 2026 under 2021's Code: 1 working day is Monday 1 June, 2 are Tuesday 2 June.
        assertThat(o).extracting(Obligation::due).containsExactly(d(6, 1), d(6, 4), d(6, 2));
        assertThat(twoVersions.versionOn(LocalDate.of(2019, 1, 1)).name())
                .as("older triggers take the earliest version").isEqualTo("Code 2021");
        assertThatThrownBy(() -> new VictimsCode(new WorkingDays(List.of()), List.of()))
                .hasMessageContaining("At least one version");
    }

    @Test
    void contactPlanUpdatesFallDueAtTheAgreedFrequency() {
        ContactPlan weekly = new ContactPlan(1L, d(3, 2), 7, null);
        List<Obligation> o = code.obligations(RECORDED, List.of(1L), List.of(
                new CrimeEvent(EventType.VICTIM_UPDATE, d(3, 9), null, 1L, null), // on the day: met
                new CrimeEvent(EventType.VICTIM_UPDATE, d(3, 20), null, null, null), // misses the 16th, meets the 23rd
                new CrimeEvent(EventType.VICTIM_UPDATE, d(3, 22), null, 2L, null)), // another victim: no
                List.of(weekly), null, d(3, 31));
        assertThat(o.stream().filter(x -> x.type() == ObligationType.CONTACT_PLAN_UPDATE)
                .map(x -> x.due() + " " + x.state(d(4, 1)).code()))
                .containsExactly("2026-03-09 met", "2026-03-16 overdue", "2026-03-23 met", "2026-03-30 overdue");
    }

    @Test
    void contactPlanUpdatesStopAtThePlansEndOrTheOutcome() {
        List<Obligation> ended = code.obligations(RECORDED, List.of(1L), List.of(),
                List.of(new ContactPlan(1L, d(3, 2), 7, d(3, 20))), null, d(12, 31));
        assertThat(ended.stream().filter(x -> x.type() == ObligationType.CONTACT_PLAN_UPDATE)
                .map(Obligation::due)).containsExactly(d(3, 9), d(3, 16));
        List<Obligation> outcome = code.obligations(RECORDED, List.of(1L), List.of(),
                List.of(new ContactPlan(1L, d(3, 2), 14, null)), d(3, 16), d(12, 31));
        assertThat(outcome.stream().filter(x -> x.type() == ObligationType.CONTACT_PLAN_UPDATE)
                .map(Obligation::due)).containsExactly(d(3, 16));
        List<Obligation> notAVictim = code.obligations(RECORDED, List.of(1L), List.of(),
                List.of(new ContactPlan(9L, d(3, 2), 7, null)), null, d(12, 31));
        assertThat(notAVictim).extracting(Obligation::type).doesNotContain(ObligationType.CONTACT_PLAN_UPDATE);
    }
}
