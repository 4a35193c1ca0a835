package org.soteria.security;

import java.util.Map;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in through the force's directory (OpenID Connect, for example Microsoft Entra ID):
 * a Soteria account like any other, whose role comes from their directory groups at each sign-in.
 */
public class DirectoryUser extends SoteriaUser implements OidcUser {

    private final OidcIdToken idToken;
    private final OidcUserInfo userInfo;

    public DirectoryUser(SoteriaUser account, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(account.getUsername(), "", true, true, account.displayName(), account.role(), account.forceCode(),
                account.officerCode(), true, false);
        this.idToken = idToken;
        this.userInfo = userInfo;
    }

    @Override
    public Map<String, Object> getClaims() {
        return idToken.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return idToken.getClaims();
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
