package org.soteria.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle of accounts, for administrators (pages and the users command) and for users themselves: disabling
 * and enabling, role and teams, resets of a password or second factor (asked by one administrator, carried out only
 * when a second approves, and the user told), and a user changing their own password. A change that alters what
 * someone may do ends their sessions at once, so it holds from their next request. Faults are message codes in
 * braces, put into the page's language (or English on the command line) as they are shown; every change is audited.
 */
@Service
public class AccountAdminService {

    public static final int PAGE_SIZE = 25;
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 128;
    /** The most characters a reset request's reason takes. */
    public static final int MAX_REASON = 500;

    private final AccountAdminRepository accounts;
    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder passwords;
    private final AuditService audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountAdminService(AccountAdminRepository accounts, UserRepository users, ApiTokenRepository tokens,
            PasswordEncoder passwords, AuditService audit, Clock clock) {
        this.accounts = accounts;
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who is acting: a signed-in administrator (kept to their force), or the command line (any force). */
    public record Actor(String username, String role, String forceCode) {

        public static Actor of(SoteriaUser user) {
            return new Actor(user.getUsername(), user.role().code(), user.forceCode());
        }

        public static Actor commandLine(String osUser) {
            return new Actor("cli:" + osUser, null, null);
        }
    }

    public record Page(List<AccountAdminRepository.Account> accounts, long total, int page, int pages) {
    }

    public Page accounts(Actor by, String search, int page) {
        String s = search == null ? "" : search.strip();
        long total = accounts.count(by.forceCode(), s);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(1, page), pages);
        List<AccountAdminRepository.Account> shown = accounts.accounts(by.forceCode(), s, PAGE_SIZE, (p - 1) * PAGE_SIZE);
        audit.record(AuditEntry.of(by.username(), by.role(), AuditAction.SEARCH, "account", null)
                .detail("accounts page " + p + (s.isEmpty() ? "" : ", searched") + ": " + shown.size() + " shown"));
        return new Page(shown, total, p, pages);
    }

    /** One account, if it is in the administrator's force. */
    public Optional<AccountAdminRepository.Account> account(Actor by, String username) {
        Optional<AccountAdminRepository.Account> a = reach(by, username);
        a.ifPresent(x -> audit.record(AuditEntry.of(by.username(), by.role(), AuditAction.VIEW, "account", username)
                .detail("account page")));
        return a;
    }

    private Optional<AccountAdminRepository.Account> reach(Actor by, String username) {
        return accounts.account(username == null ? "" : username)
                .filter(a -> by.forceCode() == null || by.forceCode().equals(a.forceCode()));
    }

    private AccountAdminRepository.Account mustReach(Actor by, String username) {
        return reach(by, username).orElseThrow(() -> new Invalid("username", "{admin.error.noAccount|" + username + "}"));
    }

    public List<AccountAdminRepository.ResetRequest> requests(String username) {
        return accounts.requests(username);
    }

    public List<AccountAdminRepository.ResetRequest> pending(Actor by) {
        return accounts.pending(by.forceCode());
    }

    /** Reset requests of the force that this administrator may decide: those a colleague asked for. */
    public long awaitingDecisionBy(Actor by) {
        return accounts.pending(by.forceCode()).stream().filter(r -> !r.requestedBy().equals(by.username())).count();
    }

    public List<String> teams(String force) {
        return accounts.teamsOf(force);
    }

    private void notSelf(Actor by, String username) {
        if (by.username().equals(username)) {
            throw new Invalid("username", "{admin.error.self}");
        }
    }

    /** Disables (ending every session and revoking every token at once) or enables an account. */
    @Transactional
    public void setEnabled(Actor by, String username, boolean enabled) {
        AccountAdminRepository.Account a = mustReach(by, username);
        notSelf(by, username);
        if (a.enabled() == enabled) {
            return;
        }
        accounts.setEnabled(username, enabled);
        String detail = enabled ? "account enabled" : "account disabled: " + accounts.endSessions(username)
                + " sessions ended, " + tokens.revokeAll(username, clock.instant()) + " API tokens revoked";
        audit.record(AuditEntry.of(by.username(), by.role(), AuditAction.ACCOUNT_CHANGE, "account", username)
                .detail(detail));
    }

    /** A new role, holding from the user's next request: their sessions end now. */
    @Transactional
    public void changeRole(Actor by, String username, Role role) {
        AccountAdminRepository.Account a = mustReach(by, username);
        notSelf(by, username);
        if (a.directory()) {
            throw new Invalid("role", "{admin.error.directoryRole}");
        }
        if (role == null) {
            throw new Invalid("role", "{admin.error.role}");
        }
        if (a.role() == role) {
            return;
        }
        if (a.role().partner() || role.partner()) {
            // A partner user belongs to an organisation and a team member to the force (ADR 32), and a partner's role
            // follows their organisation's kind: a new account, not a new role.
            throw new Invalid("role", "{admin.error.partnerRole}");
        }
        accounts.setRole(username, role);
        int ended = accounts.endSessions(username);
        audit.record(AuditEntry.of(by.username(), by.role(), AuditAction.ACCOUNT_CHANGE, "account", username)
                .detail("role " + a.role().code() + " -> " + role.code() + "; " + ended + " sessions ended"));
    }

    /** The teams the user works in and supervises; need-to-know reads them at every request. */
    @Transactional
    public void setTeams(Actor by, String username, List<String> memberOf, List<String> supervises) {
        AccountAdminRepository.Account a = mustReach(by, username);
        List<String> known = accounts.teamsOf(a.forceCode());
        Map<String, String> faults = new LinkedHashMap<>();
        for (String t : memberOf) {
            if (!known.contains(t)) {
                faults.putIfAbsent("memberOf", "{admin.error.team|" + t + "|" + a.forceCode() + "}");
            }
        }
        for (String t : supervises) {
            if (!known.contains(t)) {
                faults.putIfAbsent("supervises", "{admin.error.team|" + t + "|" + a.forceCode() + "}");
            }
        }
        if (!faults.isEmpty()) {
            throw new Invalid(faults);
        }
        users.setTeams(username, a.forceCode(), memberOf, supervises);
        audit.record(AuditEntry.of(by.username(), by.role(), AuditAction.ACCOUNT_CHANGE, "account", username)
                .detail("teams " + a.memberOf() + " -> " + memberOf + ", supervising " + a.supervises() + " -> "
                        + supervises));
    }

    /** The kinds of reset an administrator can ask for. */
    public static final List<String> RESET_KINDS = List.of("password", "second-factor");

    /**
     * Asks for a reset of someone's password or second factor. Nothing changes until a second administrator
     * approves: one administrator alone cannot take an account over.
     */
    @Transactional
    public long requestReset(Actor by, String username, String kind, String reason) {
        AccountAdminRepository.Account a = mustReach(by, username);
        notSelf(by, username);
        Map<String, String> faults = new LinkedHashMap<>();
        if (!RESET_KINDS.contains(kind)) {
            faults.put("kind", "{admin.error.kind}");
        } else if (a.directory()) {
            faults.put("kind", "{admin.error.directoryReset}");
        }
        if (reason == null || reason.isBlank()) {
            faults.put("reason", "{admin.error.reason}");
        } else if (reason.strip().length() > MAX_REASON) {
            faults.put("reason", "{admin.error.reasonLong}");
        }
        if (faults.isEmpty() && accounts.requests(username).stream()
                .anyMatch(r -> r.kind().equals(kind) && r.state().equals("pending"))) {
            faults.put("kind", "{admin.error.pending}");
        }
        if (!faults.isEmpty()) {
            throw new Invalid(faults);
        }
        long id = accounts.addRequest(username, kind, reason.strip(), by.username(), clock.instant());
        audit.record(AuditEntry.of(by.username(), by.role(), AuditAction.ACCOUNT_CHANGE, "account", username)
                .detail(kind + " reset requested (request " + id + "): " + reason.strip()));
        return id;
    }

    /** What an approved reset gave: for a password, the new first password, shown once to the approver. */
    public record Approved(String username, String kind, String firstPassword) {
    }

    /**
     * A second administrator approves a reset: it is carried out, the user's sessions end and tokens are revoked,
     * and the user is told at their next sign-in who asked, who approved and why.
     */
    @Transactional
    public Approved approveReset(Actor by, long requestId) {
        AccountAdminRepository.ResetRequest r = accounts.request(requestId)
                .filter(x -> reach(by, x.username()).isPresent())
                .orElseThrow(() -> new Invalid("request", "{admin.error.noRequest}"));
        if (!r.state().equals("pending")) {
            throw new Invalid("request", "{admin.error.decided}");
        }
        if (r.requestedBy().equals(by.username())) {
            throw new Invalid("request", "{admin.error.sameAdmin}");
        }
        notSelf(by, r.username());
        Instant now = clock.instant();
        if (!accounts.decide(requestId, "approved", by.username(), now)) {
            throw new Invalid("request", "{admin.error.decided}");
        }
        String password = null;
        if (r.kind().equals("password")) {
            password = randomPassword();
            accounts.setPassword(r.username(), passwords.encode(password), true);
            users.recordSuccess(r.username(), null);
        } else {
            users.resetSecondFactor(r.username());
        }
        int ended = accounts.endSessions(r.username());
        int revoked = tokens.revokeAll(r.username(), now);
        // Kept as a message code, so that the user reads it in their own language.
        accounts.addNotice(r.username(), Fault.of(r.kind().equals("password") ? "notice.passwordReset"
                : "notice.secondFactorReset", r.requestedBy(), r.reason(), by.username()), now);
        audit.record(AuditEntry.of(by.username(), by.role(), AuditAction.ACCOUNT_CHANGE, "account", r.username())
                .detail(r.kind() + " reset approved (request " + requestId + ", asked by " + r.requestedBy() + "); "
                        + ended + " sessions ended, " + revoked + " API tokens revoked; the user is told at sign-in"));
        return new Approved(r.username(), r.kind(), password);
    }

    @Transactional
    public void withdrawReset(Actor by, long requestId) {
        AccountAdminRepository.ResetRequest r = accounts.request(requestId)
                .filter(x -> reach(by, x.username()).isPresent())
                .orElseThrow(() -> new Invalid("request", "{admin.error.noRequest}"));
        if (!accounts.decide(requestId, "withdrawn", by.username(), clock.instant())) {
            throw new Invalid("request", "{admin.error.decided}");
        }
        audit.record(AuditEntry.of(by.username(), by.role(), AuditAction.ACCOUNT_CHANGE, "account", r.username())
                .detail(r.kind() + " reset request " + requestId + " withdrawn"));
    }

    /** Marks an administrator-set password as one to be changed at the first sign-in. */
    @Transactional
    public void requirePasswordChange(String username) {
        accounts.requireChange(username);
    }

    public boolean mustChangePassword(String username) {
        return accounts.mustChangePassword(username);
    }

    /** The user's own notices (a reset of their account), newest first; reading them marks them seen. */
    public List<AccountAdminRepository.Notice> notices(String username) {
        return accounts.takeNotices(username);
    }

    public boolean hasUnseenNotices(String username) {
        return accounts.hasUnseenNotices(username);
    }

    /**
     * A user changes their own password: the current one, then a new one twice. At least {@link #MIN_PASSWORD}
     * characters (a passphrase), not their user name, not the current one. Returns the faults, empty when changed.
     */
    @Transactional
    public Map<String, String> changeOwnPassword(SoteriaUser user, String current, String fresh, String again) {
        Map<String, String> faults = new LinkedHashMap<>();
        UserRepository.Credentials c = users.credentials(user.getUsername()).orElseThrow();
        if (c.directory()) {
            faults.put("current", "{password.error.directory}");
            return faults;
        }
        if (current == null || current.isEmpty()) {
            faults.put("current", "{password.error.currentEmpty}");
        } else if (!passwords.matches(current, c.passwordHash())) {
            faults.put("current", "{password.error.currentWrong}");
        }
        String n = fresh == null ? "" : fresh;
        if (n.isEmpty()) {
            faults.put("fresh", "{password.error.newEmpty}");
        } else if (n.length() < MIN_PASSWORD) {
            faults.put("fresh", "{password.error.short|" + MIN_PASSWORD + "}");
        } else if (n.length() > MAX_PASSWORD) {
            faults.put("fresh", "{password.error.long|" + MAX_PASSWORD + "}");
        } else if (n.toLowerCase(Locale.ROOT).contains(user.getUsername().toLowerCase(Locale.ROOT))) {
            faults.put("fresh", "{password.error.username}");
        } else if (n.equals(current)) {
            faults.put("fresh", "{password.error.same}");
        }
        if (!faults.containsKey("fresh") && !n.equals(again)) {
            faults.put("again", "{password.error.again}");
        }
        if (!faults.isEmpty()) {
            return faults;
        }
        accounts.setPassword(user.getUsername(), passwords.encode(n), false);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.ACCOUNT_CHANGE, "account",
                user.getUsername()).detail("own password changed"));
        return faults;
    }

    private String randomPassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
