package org.soteria.security;

import org.apache.commons.codec.digest.DigestUtils;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: made by a signed-in user for themselves, shown once, stored hashed, limited
 * to chosen scopes and at most {@link #MAX_DAYS} days, revocable at any time. A request with a token
 * acts as its owner (with the owner's role and need-to-know) narrowed to the token's scopes.
 */
@Service
public class ApiTokenService {

    public static final int MAX_DAYS = 90;
    public static final String PREFIX = "sot_";

    private final ApiTokenRepository tokens;
    private final UserService users;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokenRepository tokens, UserService users, AuditService audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token and its details; the token itself exists only in this answer. */
    public record Created(String token, ApiToken details) {
    }

    /** Checks a request for a token without making one (a refusal names the field), before step-up is asked. */
    public void check(SoteriaUser user, String name, List<String> scopeCodes, int days) {
        scopes(user, name, scopeCodes, days);
    }

    @Transactional
    public Created create(SoteriaUser user, String name, List<String> scopeCodes, int days) {
        List<String> scopes = scopes(user, name, scopeCodes, days);
        String label = name.trim();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Instant until = now.plus(Duration.ofDays(days));
        String prefix = token.substring(0, PREFIX.length() + 6);
        long id = tokens.insert(user.getUsername(), label, hash(token), prefix, scopes, now, until);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.ACCOUNT_CHANGE, "api_token",
                Long.toString(id)).detail("token '" + label + "' created with scopes " + scopes + " for " + days
                        + " days"));
        return new Created(token, new ApiToken(id, label, prefix, scopes, now, until, null, null));
    }

    /** The token's scopes once its name, scopes (never beyond the owner's role) and days are checked. */
    private List<String> scopes(SoteriaUser user, String name, List<String> scopeCodes, int days) {
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 100) {
            throw new AccessService.Refused("name", "{account.token.error.name}");
        }
        List<String> scopes = new ArrayList<>();
        for (String code : scopeCodes == null ? List.<String>of() : scopeCodes) {
            ApiScope scope = ApiScope.fromCode(code).orElseThrow(() -> new AccessService.Refused("scopes",
                    "{account.token.error.scopeUnknown}"));
            if (!user.can(scope.permission())) {
                throw new AccessService.Refused("scopes", "{account.token.error.role|#" + scope.actionKey() + "}");
            }
            scopes.add(scope.code());
        }
        if (scopes.isEmpty()) {
            throw new AccessService.Refused("scopes", "{account.token.error.noScope}");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new AccessService.Refused("days", "{account.token.error.days|" + MAX_DAYS + "}");
        }
        return scopes;
    }

    public List<ApiToken> tokens(String username) {
        return tokens.forUser(username);
    }

    @Transactional
    public void revoke(SoteriaUser user, long id) {
        if (tokens.revoke(id, user.getUsername(), clock.instant()) == 0) {
            throw new AccessService.Refused("tokens", "{account.token.error.revoked}");
        }
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.ACCOUNT_CHANGE, "api_token",
                Long.toString(id)).detail("token revoked"));
    }

    /** Revokes every token of a user (signing out everywhere ends API access too). */
    /**
     * Leavers: a directory account that has not signed in for {@code unseen} may have left the force, and the
     * directory does not tell Soteria; its tokens, which would outlive the account, are revoked. Each is logged.
     */
    @org.springframework.transaction.annotation.Transactional
    public int revokeDirectoryLeavers(java.time.Duration unseen) {
        Instant now = clock.instant();
        java.util.List<String> revoked = tokens.revokeDirectoryLeavers(now.minus(unseen), now);
        new java.util.TreeMap<>(revoked.stream().collect(java.util.stream.Collectors.groupingBy(u -> u,
                java.util.stream.Collectors.counting()))).forEach((user, n) -> audit.record(AuditEntry.of("system", null,
                        AuditAction.ACCOUNT_CHANGE, "account", user).detail(n + " API token(s) revoked: directory account "
                        + "not signed in for " + unseen.toDays() + " days (a possible leaver)")));
        return revoked.size();
    }

    public int revokeAll(String username) {
        return tokens.revokeAll(username, clock.instant());
    }

    /** The user a presented token acts for, and the authorities it carries, when it is valid. */
    public record Bearer(SoteriaUser user, List<GrantedAuthority> authorities) {
    }

    public Optional<Bearer> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        return tokens.use(hash(presented), clock.instant()).flatMap(found -> {
            SoteriaUser user;
            try {
                user = (SoteriaUser) users.loadUserByUsername(found.username());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
            if (!user.isEnabled() || !user.isAccountNonLocked()) {
                return Optional.empty();
            }
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            found.scopes().forEach(s -> ApiScope.fromCode(s)
                    .ifPresent(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority()))));
            return Optional.of(new Bearer(user, authorities));
        });
    }

    private static String hash(String token) {
        return DigestUtils.sha256Hex(token.getBytes(StandardCharsets.US_ASCII));
    }
}
