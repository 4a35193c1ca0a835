package org.soteria.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** ADR 32: who may belong to which partner organisation. */
class PartnerAccountsTest {

    /** The force's organisations: a CPS unit, an ISVA service and a SARC (a retired one is simply not there). */
    private static final BiFunction<String, String, Optional<String>> ORGS = (code, force) -> "NWP".equals(force)
            ? Optional.ofNullable(Map.of("CPS-NWP", "cps", "ISVA-NWP", "isva", "SARC-NWP", "sarc").get(code))
            : Optional.empty();

    private static UserService.NewAccount account(Role role, String org) {
        return new UserService.NewAccount("p.jones", "P Jones", role, "NWP", null, List.of(), List.of(), org);
    }

    @Test
    void aProsecutorBelongsToACpsUnitAndAnAdviserToAnIsvaServiceOrASarc() {
        assertThatCode(() -> PartnerAccounts.check(account(Role.CPS_PROSECUTOR, "CPS-NWP"), ORGS)).doesNotThrowAnyException();
        assertThatCode(() -> PartnerAccounts.check(account(Role.ISVA, "ISVA-NWP"), ORGS)).doesNotThrowAnyException();
        assertThatCode(() -> PartnerAccounts.check(account(Role.ISVA, "SARC-NWP"), ORGS)).doesNotThrowAnyException();
    }

    @Test
    void aPartnerInTheWrongKindOfOrganisationIsRefusedAndToldWhy() {
        assertThatThrownBy(() -> PartnerAccounts.check(account(Role.CPS_PROSECUTOR, "ISVA-NWP"), ORGS))
                .hasMessage("A cps-prosecutor account belongs to cps organisations; ISVA-NWP is an isva organisation");
        assertThatThrownBy(() -> PartnerAccounts.check(account(Role.ISVA, "CPS-NWP"), ORGS))
                .hasMessage("An isva account belongs to isva or sarc organisations; CPS-NWP is a cps organisation");
    }

    @Test
    void aPartnerNeedsAnActiveOrganisationOfTheirForceAndNobodyElseHasOne() {
        assertThatThrownBy(() -> PartnerAccounts.check(account(Role.ISVA, null), ORGS)).hasMessageContaining("needs --partner");
        assertThatThrownBy(() -> PartnerAccounts.check(account(Role.ISVA, "ISVA-GMP"), ORGS))
                .hasMessageContaining("there is none called ISVA-GMP");
        assertThatThrownBy(() -> PartnerAccounts.check(account(Role.INVESTIGATOR, "CPS-NWP"), ORGS))
                .hasMessageContaining("Only cps-prosecutor and isva accounts");
    }
}
