package org.soteria.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The first step of sign-in: the password. Refuses addresses that have failed too often, counts each
 * failure towards the account's lockout, and on success grants only "second factor pending", except
 * for demo accounts in demo mode, which are signed in fully (and every page says so).
 */
final class SignInProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final UserService users;
    private final boolean demoMode;

    SignInProvider(UserService users, PasswordEncoder encoder, boolean demoMode) {
        this.users = users;
        this.demoMode = demoMode;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setUserDetailsPasswordService(users);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String source = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (users.throttled(source)) {
            users.signInFailed(username, source, "refused: too many failures from " + source);
            throw new BadCredentialsException("too many failed sign-ins from this address");
        }
        Authentication checked;
        try {
            checked = passwords.authenticate(authentication);
        } catch (AuthenticationException e) {
            users.signInFailed(username, source, "password step: " + e.getClass().getSimpleName());
            throw e;
        }
        SoteriaUser user = (SoteriaUser) checked.getPrincipal();
        if (demoMode && user.demo()) {
            users.signedIn(user, source, "demo account, no second factor (demo mode)");
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(SoteriaUser.SECOND_FACTOR_PENDING)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
