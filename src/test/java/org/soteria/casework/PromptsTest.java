package org.soteria.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The investigation plan's prompts follow the crime's context, and look at the suspect first. */
class PromptsTest {

    private static List<String> codes(Prompts.Context c) {
        return Prompts.forCrime(c).stream().map(Prompts.Prompt::code).toList();
    }

    @Test
    void noSuspectMeansIdentifyOneAndNothingAboutTheirHistory() {
        assertThat(codes(new Prompts.Context(false, Set.of(), false, false, false, false)))
                .containsExactly("suspect_identify", "context_record", "victim_account", "victim_material");
    }

    @Test
    void aNamedPartnerBringsCoerciveControlButNotOtherVictims() {
        List<String> codes = codes(new Prompts.Context(true, Set.of("ex_partner"), false, false, false, false));
        assertThat(codes).containsExactly("suspect_history", "suspect_intelligence", "suspect_arrest_plan",
                "suspect_devices", "pattern_coercive_control", "context_record", "victim_account", "victim_material");
    }

    @Test
    void aRepeatOnlineSuspectOfAChildUnderAnOrderBringsEverySuspectPrompt() {
        List<String> codes = codes(new Prompts.Context(true, Set.of("online_contact"), true, true, true, false));
        assertThat(codes).contains("suspect_other_crimes", "suspect_order_breach", "pattern_grooming", "other_victims")
                .doesNotContain("pattern_coercive_control", "pattern_position_of_trust", "suspect_identify");
        assertThat(Prompts.forCrime(new Prompts.Context(true, Set.of(), true, false, false, false)).stream()
                .filter(p -> p.code().equals("pattern_grooming")).findFirst().orElseThrow().why())
                .isEqualTo("A victim was under 18 at the time of the offence.");
    }

    @Test
    void aProfessionalSuspectBringsPositionOfTrustAndOtherVictims() {
        assertThat(codes(new Prompts.Context(true, Set.of("professional"), false, false, false, false)))
                .contains("pattern_position_of_trust", "other_victims");
    }

    @Test
    void aThirdPartyReportWithoutConsentAsksTheVictimsWishesFirst() {
        assertThat(codes(new Prompts.Context(true, Set.of(), false, false, false, true))).contains("victim_wishes");
        assertThat(codes(new Prompts.Context(true, Set.of(), false, false, false, false))).doesNotContain("victim_wishes");
    }

    @Test
    void promptsAboutTheVictimAreFewAndSuspectPromptsComeFirst() {
        List<Prompts.Prompt> all = Prompts.forCrime(new Prompts.Context(true, Set.of("stranger"), false, true, false,
                true));
        long victim = all.stream().filter(p -> p.focus() == Codes.Focus.VICTIM).count();
        long suspect = all.stream().filter(p -> p.focus() == Codes.Focus.SUSPECT).count();
        assertThat(victim).isEqualTo(3);
        assertThat(suspect).isEqualTo(6);
        assertThat(all.get(0).focus()).isEqualTo(Codes.Focus.SUSPECT);
    }
}
