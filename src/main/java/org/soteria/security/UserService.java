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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: finding them for sign-in, counting failures and locking after {@link #LOCK_AFTER}, the
 * TOTP second factor with its recovery codes, new accounts, and the demo accounts of demo mode.
 */
@Service
public class UserService implements UserDetailsService, UserDetailsPasswordService {

    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    /** Failed sign-ins in a row (password or second factor) after which an account is locked. */
    public static final int LOCK_AFTER = 5;
    public static final Duration LOCK_FOR = Duration.ofMinutes(15);
    public static final Duration LONGEST_LOCK = Duration.ofHours(24);
    /** Failures from one address, across all accounts, after which that address is held back. */
    public static final int THROTTLE_AFTER = 20;
    public static final Duration THROTTLE_WINDOW = Duration.ofMinutes(15);
    public static final int RECOVERY_CODES = 10;

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditService audit;
    private final Clock clock;
    private final SecondFactorSecrets secrets;
    private final boolean refuseDemoBesideRealAccounts;
    private final SecureRandom random = new SecureRandom();

    public UserService(UserRepository users, PasswordEncoder passwords, AuditService audit, Clock clock,
            SecondFactorSecrets secrets,
            @Value("${soteria.demo.refuse-real-accounts:false}") boolean refuseDemoBesideRealAccounts) {
        this.refuseDemoBesideRealAccounts = refuseDemoBesideRealAccounts;
        this.users = users;
        this.secrets = secrets;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username, clock.instant())
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** Re-hashes a password kept under an older scheme (bcrypt) with Argon2id when its owner signs in. */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        users.updatePassword(user.getUsername(), newPassword);
        return loadUserByUsername(user.getUsername());
    }

    // ---- Guessing: lockout per account, throttling per address, at both steps -----------------------------

    /** Whether an address has failed so often recently that it must wait. */
    public boolean throttled(String source) {
        return source != null
                && users.recentFailuresFrom(source, clock.instant().minus(THROTTLE_WINDOW)) >= THROTTLE_AFTER;
    }

    /**
     * How long the lock lasts that the {@code failures}-th failure in a row sets, or null when it sets none: every
     * {@link #LOCK_AFTER}-th failure locks, for {@link #LOCK_FOR} the first time and twice as long each time after
     * until the next successful sign-in, up to {@link #LONGEST_LOCK}. The run is not cleared by a lock expiring, so
     * someone holding the password cannot have {@code LOCK_AFTER} fresh guesses at the code every 15 minutes.
     */
    public static Duration lockFor(int failures) {
        if (failures <= 0 || failures % LOCK_AFTER != 0) {
            return null;
        }
        int doublings = Math.min(failures / LOCK_AFTER - 1, 16);
        Duration d = LOCK_FOR.multipliedBy(1L << doublings);
        return d.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : d;
    }

    /**
     * Records a failed attempt (password or code); returns true when the account is locked after it, because this
     * failure locked it or it already was. Failures while locked are logged but do not lengthen the lock, so a
     * stranger typing wrong passwords cannot keep an account locked for ever.
     */
    @Transactional
    public boolean signInFailed(String username, String source, String why) {
        Instant now = clock.instant();
        users.recordAttempt(username, source, false, now);
        UserRepository.Failures before = users.failuresForUpdate(username).orElse(null);
        audit.record(AuditEntry.of(before != null ? username : "unknown:" + username, null,
                AuditAction.SIGN_IN_FAILED, "account", username).detail(why));
        if (before == null) {
            return false;
        }
        if (before.lockedAt(now)) {
            return true;
        }
        int failures = before.count() + 1;
        Duration lock = lockFor(failures);
        users.setFailures(username, failures, lock == null ? before.lockedUntil() : now.plus(lock));
        if (lock != null) {
            audit.record(AuditEntry.of(username, null, AuditAction.ACCOUNT_LOCKED, "account", username)
                    .detail(failures + " failed sign-ins in a row; locked for " + minutes(lock)));
        }
        return lock != null;
    }

    private static String minutes(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + (d.toHours() == 1 ? " hour" : " hours")
                : d.toMinutes() + " minutes";
    }

    /**
     * Whether a session waiting for the second factor must end before its code is even looked at: the account is
     * locked (by failures here or in any other session) or disabled, or the address is held back.
     */
    public Optional<String> secondFactorRefused(String username, String source) {
        Instant now = clock.instant();
        SoteriaUser user = users.find(username, now).orElse(null);
        if (user == null || !user.isEnabled()) {
            return Optional.of("account disabled or removed");
        }
        if (!user.isAccountNonLocked()) {
            return Optional.of("account locked");
        }
        if (throttled(source)) {
            return Optional.of("too many failures from " + source);
        }
        return Optional.empty();
    }

    @Transactional
    public void signedIn(SoteriaUser user, String source, String how) {
        Instant now = clock.instant();
        users.recordAttempt(user.getUsername(), source, true, now);
        users.recordSuccess(user.getUsername(), now);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SIGN_IN, "account",
                user.getUsername()).detail(how));
    }

    /** An account as it would sign in now (its role, teams and state), for work done for its user off the web. */
    public Optional<SoteriaUser> account(String username) {
        return users.find(username, clock.instant());
    }

    /** The language the user chose for Soteria's pages, if they chose one (issue 21). */
    public Optional<Language> language(String username) {
        return users.language(username).flatMap(Language::of);
    }

    /** Remembers the user's choice of language on their account, and audits it when it changed. */
    @Transactional
    public void chooseLanguage(SoteriaUser user, Language language) {
        if (users.setLanguage(user.getUsername(), language.code())) {
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.ACCOUNT_CHANGE, "account",
                    user.getUsername()).detail("language " + language.code()));
        }
    }

    // ---- Second factor ---------------------------------------------------------------------------------

    public boolean secondFactorEnrolled(String username) {
        return users.secondFactor(username).map(UserRepository.SecondFactor::enabled).orElse(false);
    }

    /** The secret to show while the user sets up their authenticator app (a new one unless one is pending). */
    @Transactional
    public String pendingSecret(String username) {
        UserRepository.SecondFactor f = users.secondFactor(username)
                .orElseThrow(() -> new IllegalStateException("No account " + username));
        if (f.enabled()) {
            throw new IllegalStateException("The second factor is already set up");
        }
        if (f.secret() != null) {
            return secrets.open(username, f.secret());
        }
        String secret = Totp.newSecret(random);
        users.setPendingSecret(username, secrets.seal(username, secret));
        return secret;
    }

    public String enrolmentQrSvg(String username, String forceCode, String secret) {
        String issuer = "Soteria" + (forceCode == null ? "" : " " + forceCode);
        return QrCode.svg(Totp.uri(issuer, username, secret), "QR code for your authenticator app");
    }

    /**
     * Completes set-up when the code from the app matches; returns the new recovery codes, shown once,
     * or an empty list when the code does not match.
     */
    @Transactional
    public List<String> confirmEnrolment(SoteriaUser user, String code) {
        UserRepository.SecondFactor f = users.secondFactor(user.getUsername()).orElseThrow();
        if (f.enabled() || f.secret() == null) {
            return List.of();
        }
        OptionalLong step = Totp.matchingStep(secrets.open(user.getUsername(), f.secret()), code, clock.instant(),
                null);
        if (step.isEmpty()) {
            return List.of();
        }
        users.enableSecondFactor(user.getUsername(), step.getAsLong(), clock.instant());
        List<String> codes = newRecoveryCodes(user.getUsername());
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.ACCOUNT_CHANGE, "account",
                user.getUsername()).detail("second factor set up; " + codes.size() + " recovery codes issued"));
        return codes;
    }

    /** Checks a code from the authenticator app, or an unused recovery code (which is then spent). */
    @Transactional
    public boolean verifySecondFactor(String username, String code) {
        UserRepository.SecondFactor f = users.secondFactor(username).orElse(null);
        if (f == null || !f.enabled()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secrets.open(username, f.secret()), code, clock.instant(),
                f.lastStep());
        if (step.isPresent()) {
            return users.useStep(username, step.getAsLong());
        }
        String normalised = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return normalised.length() == 10 && users.useRecoveryCode(username, hash(normalised), clock.instant());
    }

    /** How recent a directory user's sign-in must be to stand in for step-up (their directory holds the password). */
    public static final Duration DIRECTORY_STEP_UP = Duration.ofMinutes(10);

    /**
     * Step-up before something that hands out lasting access (an API token, new recovery codes): the password and a
     * current code again, so that a session left open or taken over cannot mint itself a way back in. Wrong answers
     * count towards the lockout like failed sign-ins. Directory users, whose password Soteria never sees, must have
     * signed in within {@link #DIRECTORY_STEP_UP}. Returns the faults by field id ({@code prefix-password},
     * {@code prefix-code}) as message codes; empty when confirmed.
     */
    @Transactional
    public Map<String, String> stepUp(SoteriaUser user, String password, String code, String source, String prefix,
            String forWhat) {
        Map<String, String> faults = new LinkedHashMap<>();
        UserRepository.Credentials c = users.credentials(user.getUsername()).orElseThrow();
        if (c.directory()) {
            if (c.lastSignIn() == null || c.lastSignIn().plus(DIRECTORY_STEP_UP).isBefore(clock.instant())) {
                faults.put(prefix + "-password", "{stepUp.error.directory}");
            }
            return faults;
        }
        boolean needsCode = secondFactorEnrolled(user.getUsername());
        if (password == null || password.isEmpty()) {
            faults.put(prefix + "-password", "{stepUp.error.password.empty}");
        }
        if (needsCode && (code == null || code.isBlank())) {
            faults.put(prefix + "-code", "{stepUp.error.code.empty}");
        }
        if (!faults.isEmpty()) {
            return faults;
        }
        if (!passwords.matches(password, c.passwordHash())) {
            signInFailed(user.getUsername(), source, "step-up for " + forWhat + ": wrong password");
            faults.put(prefix + "-password", "{stepUp.error.password.wrong}");
        } else if (needsCode && !verifySecondFactor(user.getUsername(), code)) {
            signInFailed(user.getUsername(), source, "step-up for " + forWhat + ": wrong code");
            faults.put(prefix + "-code", "{stepUp.error.code.wrong}");
        } else {
            users.recordSuccess(user.getUsername(), null);
        }
        return faults;
    }

    /** Whether the user's directory signs them in (Soteria holds no password for them). */
    public boolean directoryAccount(String username) {
        return users.credentials(username).map(UserRepository.Credentials::directory).orElse(false);
    }

    /** Whether the account is locked now (a step-up's failures can lock it, and its session must then end). */
    public boolean lockedNow(String username) {
        return users.find(username, clock.instant()).map(u -> !u.isAccountNonLocked()).orElse(true);
    }

    public long unusedRecoveryCodes(String username) {
        return users.unusedRecoveryCodes(username);
    }

    @Transactional
    public List<String> replaceRecoveryCodes(SoteriaUser user) {
        List<String> codes = newRecoveryCodes(user.getUsername());
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.ACCOUNT_CHANGE, "account",
                user.getUsername()).detail("recovery codes replaced"));
        return codes;
    }

    private List<String> newRecoveryCodes(String username) {
        List<String> plain = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] b = new byte[7];
            random.nextBytes(b);
            String code = Totp.base32(b).substring(0, 10);
            plain.add(code.substring(0, 5) + "-" + code.substring(5));
            hashes.add(hash(code));
        }
        users.replaceRecoveryCodes(username, hashes);
        return plain;
    }

    /** Recovery codes carry 50 random bits and are spent once, so a fast hash is enough to keep them unreadable. */
    private static String hash(String code) {
        return DigestUtils.sha256Hex(code.getBytes(StandardCharsets.US_ASCII));
    }

    // ---- Accounts ----------------------------------------------------------------------------------------

    /** A new account with a random first password, returned once; the user sets up their second factor on first sign-in. */
    @Transactional
    public String createAccount(String createdBy, NewAccount a) {
        if (users.exists(a.username())) {
            throw new IllegalArgumentException("There is already an account called " + a.username());
        }
        if (!a.username().matches("[a-z0-9][a-z0-9._-]{1,62}")) {
            throw new IllegalArgumentException("A user name is 2 to 63 lower-case letters, digits, dots, hyphens or "
                    + "underscores, starting with a letter or digit: " + a.username());
        }
        PartnerAccounts.check(a, users::partnerOrgKind);
        String password = randomPassword();
        users.insert(a.username(), a.displayName(), a.role(), passwords.encode(password), a.forceCode(),
                a.officerCode());
        users.setTeams(a.username(), a.forceCode(), a.memberOf(), a.supervises());
        users.setPartnerOrg(a.username(), a.partnerOrg());
        audit.record(AuditEntry.of(createdBy, null, AuditAction.ACCOUNT_CHANGE, "account", a.username())
                .detail("account created with role " + a.role().code() + ", teams " + a.memberOf()
                        + ", supervising " + a.supervises()
                        + (a.partnerOrg() == null ? "" : ", of partner organisation " + a.partnerOrg())));
        return password;
    }

    /** Removes a user's second factor and recovery codes; they set up a new one at their next sign-in. */
    @Transactional
    public boolean resetSecondFactor(String by, String username) {
        if (!users.exists(username)) {
            return false;
        }
        users.resetSecondFactor(username);
        audit.record(AuditEntry.of(by, null, AuditAction.ACCOUNT_CHANGE, "account", username)
                .detail("second factor and recovery codes removed"));
        return true;
    }

    @Transactional
    public boolean unlock(String by, String username) {
        if (!users.exists(username)) {
            return false;
        }
        users.recordSuccess(username, null);
        audit.record(AuditEntry.of(by, null, AuditAction.ACCOUNT_CHANGE, "account", username).detail("unlocked"));
        return true;
    }

    /**
     * The account of a user the force's directory signed in: created on first sign-in with an unusable
     * password, and its role, name and force brought up to date at every sign-in. Officer code and
     * teams are kept (administrators set them with soteria users).
     */
    @Transactional
    public SoteriaUser directoryAccount(String username, String displayName, Role role, String forceCode,
            String partnerOrg, String secondFactor) {
        byte[] random = new byte[32];
        this.random.nextBytes(random);
        if (!users.upsertDirectoryAccount(username, displayName, role, forceCode, partnerOrg,
                passwords.encode(Base64.getEncoder().encodeToString(random)))) {
            throw new LocalAccountClash(username);
        }
        SoteriaUser user = users.find(username, clock.instant()).orElseThrow();
        if (user.isEnabled()) {
            signedIn(user, null, "OpenID Connect, role from the directory: " + role.code() + "; " + secondFactor);
        }
        return user;
    }

    /** A directory sign-in under the name of a local account, or of another directory's: refused, never merged. */
    public static final class LocalAccountClash extends RuntimeException {
        LocalAccountClash(String username) {
            super("a local Soteria account, or another directory's, is already called " + username
                    + "; a directory sign-in never takes it over. An administrator must remove or rename one of them");
        }
    }

    /** The name an account shows people (its display name), if there is such an account. */
    public Optional<String> displayName(String username) {
        return username == null || username.isBlank() ? Optional.empty() : users.displayName(username);
    }

    /**
     * The other enabled accounts of the user's force whose role passes {@code roles}, for a list to choose
     * someone from: user name to the name people see, by name; two people of one name are told apart by their
     * user names.
     */
    public Map<String, String> colleagues(SoteriaUser user, java.util.function.Predicate<Role> roles) {
        if (user.forceCode() == null) {
            return Map.of();
        }
        List<String[]> rows = users.colleagues(user.forceCode()).stream()
                .filter(r -> !r[0].equals(user.getUsername())
                        && Role.fromCode(r[2]).filter(roles).isPresent()).toList();
        Map<String, Long> sameName = new java.util.HashMap<>();
        rows.forEach(r -> sameName.merge(r[1], 1L, Long::sum));
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r[0], sameName.get(r[1]) > 1 ? r[1] + " (" + r[0] + ")" : r[1]));
        return out;
    }

    /** What a new account needs. */
    public record NewAccount(String username, String displayName, Role role, String forceCode, String officerCode,
            List<String> memberOf, List<String> supervises, String partnerOrg) {

        /** An officer's or staff member's account: no partner organisation. */
        public NewAccount(String username, String displayName, Role role, String forceCode, String officerCode,
                List<String> memberOf, List<String> supervises) {
            this(username, displayName, role, forceCode, officerCode, memberOf, supervises, null);
        }
    }

    /**
     * Creates or refreshes one demo account per role, the user name being the role's code.
     * Returns the password: the one given, or a new random one when none is given.
     */
    @Transactional
    public String createDemoAccounts(String password, String forceCode) {
        long real = users.countRealAccounts();
        if (refuseDemoBesideRealAccounts && real > 0) {
            throw new DemoRefused(real);
        }
        String pw = password == null || password.isBlank() ? randomPassword() : password;
        String hash = passwords.encode(pw);
        for (Role role : Role.values()) {
            if (!users.upsertDemo(role.code(), role.demoName(), role, hash, forceCode, null)) {
                LOG.warn("Demo mode: a real account is called {}; it is left as it is and there is no demo {}",
                        role.code(), role.code());
            }
        }
        return pw;
    }

    /** Demo mode refused: the data directory holds real accounts, which demo mode must never sit beside. */
    public static final class DemoRefused extends IllegalStateException {
        DemoRefused(long real) {
            super("This data directory holds " + real + (real == 1 ? " account" : " accounts") + " of real users. "
                    + "Demo mode signs anyone in as any role with a known password, so it will not run beside them. "
                    + "Serve this data directory without --demo, or give the demo a new one (--data-dir demo-data).");
        }
    }

    /** Gives the demo officers a place in the demo force: a team to work in or supervise, an officer code. */
    @Transactional
    public void placeDemoAccount(Role role, String forceCode, String officerCode, List<String> memberOf,
            List<String> supervises) {
        if (users.upsertDemoPlacement(role.code(), officerCode)) {
            users.setTeams(role.code(), forceCode, memberOf, supervises);
        }
    }

    /** Makes a demo partner account (cps-prosecutor, isva) one of a partner organisation's users. */
    @Transactional
    public void placeDemoPartner(Role role, String partnerOrg) {
        users.setDemoPartnerOrg(role.code(), partnerOrg);
    }

    /** Outside demo mode no demo account may sign in, even if a demo run left them in the database. */
    public int disableDemoAccounts() {
        return users.disableDemoAccounts();
    }

    private String randomPassword() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
