package org.soteria.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The partner organisations whose own directories sign their people in (ADR 41), as the sign-in page offers them:
 * one button each, named by the organisation, while it is an active partner organisation of the force.
 */
@Component
public class PartnerDirectories {

    /** Where a partner's sign-in starts, and the organisation's name. */
    public record SignIn(String url, String organisation) {
    }

    private final Environment env;
    private final UserRepository users;

    PartnerDirectories(Environment env, UserRepository users) {
        this.env = env;
        this.users = users;
    }

    public List<SignIn> signIns() {
        List<SignIn> out = new ArrayList<>();
        String force = env.getProperty("soteria.oidc.force");
        for (String registration : DirectorySignIn.partnerRegistrations(env)) {
            users.partnerOrgName(String.valueOf(DirectorySignIn.partnerOrg(env, registration)), String.valueOf(force))
                    .ifPresent(name -> out.add(new SignIn("/oauth2/authorization/" + registration, name)));
        }
        return out;
    }
}
