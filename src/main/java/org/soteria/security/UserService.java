package org.soteria.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Finds accounts for sign-in and creates the demo accounts in demo mode. */
@Service
public class UserService implements UserDetailsService {

    private final UserRepository users;
    private final PasswordEncoder passwords;

    public UserService(UserRepository users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username).orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /**
     * Creates or refreshes one demo account per role, the user name being the role's code.
     * Returns the password: the one given, or a new random one when none is given.
     */
    public String createDemoAccounts(String password, String forceCode) {
        String pw = password == null || password.isBlank() ? randomPassword() : password;
        String hash = passwords.encode(pw);
        for (Role role : Role.values()) {
            users.upsertDemo(role.code(), "Demo " + role.label(), role, hash,
                    forceCode);
        }
        return pw;
    }

    /** Outside demo mode no demo account may sign in, even if a demo run left them in the database. */
    public int disableDemoAccounts() {
        return users.disableDemoAccounts();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
