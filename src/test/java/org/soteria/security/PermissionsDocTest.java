package org.soteria.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/security/permissions.md is generated from the code and cannot drift from it. */
class PermissionsDocTest {

    private static final Path DOC = Path.of("docs/security/permissions.md");

    @Test
    void theCommittedPermissionsPageMatchesTheCode() throws Exception {
        String generated = PermissionsDoc.markdown(AllRoutes.every());
        if (Boolean.getBoolean("soteria.write-docs")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as(DOC + " exists").isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(DOC + " is stale: run ./mvnw test -Dtest=PermissionsDocTest -Dsoteria.write-docs=true")
                .isEqualTo(generated);
    }

    @Test
    void everyRoleHasTheOwnAccountPermissionAndOnlyAuditorsSearchTheLog() {
        for (Role r : Role.values()) {
            assertThat(Permission.MANAGE_OWN_ACCOUNT.grantedTo(r)).isTrue();
            assertThat(Permission.SEARCH_AUDIT_LOG.grantedTo(r)).isEqualTo(r == Role.AUDITOR);
        }
        assertThat(Permission.VIEW_CASES.grantedTo(Role.ANALYST)).as("analysts see no names").isFalse();
        assertThat(Permission.VIEW_CASES.grantedTo(Role.RESEARCHER)).isFalse();
    }
}
