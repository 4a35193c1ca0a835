package org.soteria.security;

import java.util.Optional;
import org.soteria.platform.DataScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The signed-in user as the database's row-level security sees them (ADR 17): their user name, and
 * whether their role may open crimes at all. A user half-way through sign-in is nobody.
 */
@Component
class SignedInDatabaseUser implements DataScope.SignedIn {

    @Override
    public Optional<DataScope.Principal> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SoteriaUser user)
                || auth.getAuthorities().stream().noneMatch(a -> SoteriaUser.SIGNED_IN.equals(a.getAuthority()))) {
            return Optional.empty();
        }
        DataScope.Cases cases = user.role().partner() ? DataScope.Cases.PARTNER
                : user.can(Permission.VIEW_CASES) ? DataScope.Cases.NEED_TO_KNOW : DataScope.Cases.NONE;
        return Optional.of(new DataScope.Principal(user.getUsername(), cases));
    }
}
