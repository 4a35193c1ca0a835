package org.soteria.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A user account: its role, and for officers the force they work in and their officer code. Signed in
 * fully, a user holds their role's authority and {@link #SIGNED_IN}; after the password alone they
 * hold only {@link #SECOND_FACTOR_PENDING} and can reach nothing but the second step of sign-in.
 */
public class SoteriaUser extends User {

    public static final String SIGNED_IN = "SIGNED_IN";
    public static final String SECOND_FACTOR_PENDING = "SECOND_FACTOR_PENDING";

    private final String displayName;
    private final Role role;
    private final String forceCode;
    private final String officerCode;
    private final boolean secondFactorEnrolled;
    private final boolean demo;

    public SoteriaUser(String username, String passwordHash, boolean enabled, boolean nonLocked, String displayName,
            Role role, String forceCode, String officerCode, boolean secondFactorEnrolled, boolean demo) {
        super(username, passwordHash, enabled, true, true, nonLocked,
                List.of(new SimpleGrantedAuthority(role.authority()), new SimpleGrantedAuthority(SIGNED_IN)));
        this.displayName = displayName;
        this.role = role;
        this.forceCode = forceCode;
        this.officerCode = officerCode;
        this.secondFactorEnrolled = secondFactorEnrolled;
        this.demo = demo;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    public String forceCode() {
        return forceCode;
    }

    public String officerCode() {
        return officerCode;
    }

    public boolean secondFactorEnrolled() {
        return secondFactorEnrolled;
    }

    public boolean demo() {
        return demo;
    }

    /** Signed in with both factors (or as a demo account in demo mode, or through the directory). */
    public static boolean fullySignedIn(Authentication a) {
        return a != null && a.getAuthorities().stream().anyMatch(g -> SIGNED_IN.equals(g.getAuthority()));
    }

    public boolean can(Permission permission) {
        return permission.grantedTo(role);
    }
}
