package org.soteria.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** What the directories' settings may say (ADR 41): refused at start, with the setting to change, when wrong. */
class DirectoryConfigTest {

    private static MockEnvironment force() {
        return new MockEnvironment().withProperty("soteria.oidc.force", "NWP")
                .withProperty("soteria.oidc.role-groups.investigator", "grp-rasso");
    }

    private static MockEnvironment withCps() {
        return force().withProperty("soteria.oidc.partner-registrations", "cps")
                .withProperty("soteria.oidc.partners.cps.org", "CPS-NWP")
                .withProperty("soteria.oidc.partners.cps.role-groups.cps-prosecutor", "grp-cps-rasso");
    }

    @Test
    void aForceDirectoryAndAPartnersDirectoryEachGivingTheirOwnRolesAreTaken() {
        assertThatCode(() -> new DirectorySignIn(null, null, withCps())).doesNotThrowAnyException();
    }

    @Test
    void theForcesDirectoryMayNotGiveAPartnerRole() {
        assertThatThrownBy(() -> new DirectorySignIn(null, null, force().withProperty("soteria.oidc.role-groups.isva",
                "grp-isva"))).hasMessageContaining("The force's directory may not give the partner role isva");
    }

    @Test
    void aPartnersDirectoryGivesPartnerRolesOnlyNamesItsOrganisationAndMapsSomething() {
        assertThatThrownBy(() -> new DirectorySignIn(null, null, withCps().withProperty(
                "soteria.oidc.partners.cps.role-values.supervisor", "Soteria.Supervisor")))
                .hasMessageContaining("may give only partner roles (cps-prosecutor, isva), not supervisor");
        assertThatThrownBy(() -> new DirectorySignIn(null, null, withCps().withProperty("soteria.oidc.partners.cps.org",
                "cps wales"))).hasMessageContaining("soteria.oidc.partners.cps.org must be the code");
        assertThatThrownBy(() -> new DirectorySignIn(null, null, force().withProperty("soteria.oidc.partner-registrations",
                "isva").withProperty("soteria.oidc.partners.isva.org", "ISVA-NW")))
                .hasMessageContaining("soteria.oidc.partners.isva.role-values.<role>");
        assertThatThrownBy(() -> new DirectorySignIn(null, null, withCps().withProperty("soteria.oidc.partners.cps.mfa",
                "sms"))).hasMessageContaining("soteria.oidc.partners.cps.mfa: 'sms' is not amr");
    }
}
