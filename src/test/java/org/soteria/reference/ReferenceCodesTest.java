package org.soteria.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The coded values match shared/domain/outcomes-and-offences.md and exchange-format.md exactly. */
class ReferenceCodesTest {

    @Test
    void outcomeGroupsAreExactlyTheDomainTable() {
        assertThat(OutcomeCode.codesIn(OutcomeGroup.CHARGED)).containsExactly("1", "1A");
        assertThat(OutcomeCode.codesIn(OutcomeGroup.OUT_OF_COURT))
                .containsExactly("2", "2A", "3", "3A", "4", "6", "7", "8");
        assertThat(OutcomeCode.codesIn(OutcomeGroup.VICTIM_DOES_NOT_SUPPORT)).containsExactly("14", "16");
        assertThat(OutcomeCode.codesIn(OutcomeGroup.EVIDENTIAL_DIFFICULTIES_VICTIM_SUPPORTS)).containsExactly("15");
        assertThat(OutcomeCode.codesIn(OutcomeGroup.NO_SUSPECT_IDENTIFIED)).containsExactly("18");
        assertThat(OutcomeCode.codesIn(OutcomeGroup.PREVENTED_OR_NOT_IN_PUBLIC_INTEREST))
                .containsExactly("5", "9", "10", "11", "12", "13", "17", "21", "22");
        assertThat(OutcomeCode.codesIn(OutcomeGroup.TRANSFERRED)).containsExactly("20");
        assertThat(OutcomeCode.codesIn(OutcomeGroup.OTHER)).containsExactly("19");
    }

    @Test
    void outcomeCodesAreReadUpperCased() {
        assertThat(OutcomeCode.parse(" 1a ")).contains(OutcomeCode.O1A);
        assertThat(OutcomeCode.parse("0")).isEmpty();
    }

    @Test
    void offenceCodesAndGroupsAreExactlyTheDomainTable() {
        assertThat(Arrays.stream(OffenceCode.values()).filter(c -> c.group() == OffenceGroup.ADULT_RAPE)
                .map(OffenceCode::code)).containsExactly("19C", "19F");
        assertThat(Arrays.stream(OffenceCode.values()).filter(c -> c.group() == OffenceGroup.CHILD_RAPE)
                .map(OffenceCode::code)).containsExactly("19D", "19E", "19G", "19H");
        assertThat(Arrays.stream(OffenceCode.values()).filter(c -> c.group() == OffenceGroup.SEXUAL_ASSAULT)
                .map(OffenceCode::code)).containsExactly("17A", "17B", "20A", "20B");
        assertThat(Arrays.stream(OffenceCode.values()).filter(c -> c.group() == OffenceGroup.OTHER_SEXUAL)
                .map(OffenceCode::code)).containsExactly("21", "22A", "22B", "23", "70", "71", "72", "73", "88A");
        assertThat(OffenceCode.parse("19c")).contains(OffenceCode.C19C);
    }

    @Test
    void keyEventsAreTheNineOfTheVictimsCode() {
        assertThat(Arrays.stream(EventType.values()).filter(EventType::isKeyEvent).map(EventType::code))
                .containsExactlyInAnyOrder("arrest", "interview_under_caution", "bail", "bail_change",
                        "released_under_investigation", "charge", "nfa_decision", "out_of_court_disposal",
                        "decision_not_to_investigate");
    }

    @Test
    void listedDetailsMatchCaseInsensitively() {
        assertThat(EventType.CPS_DECISION.canonicalDetail("No_Charge")).contains("no_charge");
        assertThat(EventType.SUPPORT_REFERRAL.canonicalDetail("police")).isEmpty();
        assertThat(EventType.VICTIM_NOTIFIED.hasListedDetails()).isFalse();
        assertThat(EventType.VICTIM_WITHDRAWAL.listedDetails()).hasSize(11).contains("did_not_make_report");
    }
}
