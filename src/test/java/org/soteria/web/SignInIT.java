package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.soteria.security.Role;
import org.soteria.security.Totp;
import org.soteria.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in with a real (not demo) account: the second factor is set up from the QR page and then asked
 * for every time; codes and recovery codes work once; five failures lock the account; sessions change
 * id at sign-in, end when idle or too old, and can all be ended at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"soteria.data-dir=:temporary:browser", "soteria.demo=true", "soteria.demo.crimes=1500",
            "SOTERIA_DEMO_PASSWORD=correct-horse-battery"})
class SignInIT {

    private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<code>([A-Z2-7]{5}-[A-Z2-7]{5})</code>");

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    private static int accounts;

    /**
     * Each test starts and ends with a clean record for the test client's address, so that one test's failures hold
     * back neither the next nor the other classes sharing this server.
     */
    @org.junit.jupiter.api.BeforeEach
    @org.junit.jupiter.api.AfterEach
    void forgetThisAddressesFailures() {
        jdbc.sql("delete from sign_in_attempt where source_address = '127.0.0.1'").update();
    }

    /** A new non-demo investigator in team T01; returns its first password. */
    private String newAccount(String username) {
        return users.createAccount("test", new UserService.NewAccount(username, "Test " + username,
                Role.INVESTIGATOR, "NWP", null, List.of("T01"), List.of()));
    }

    private String uniqueName(String base) {
        return base + "-" + (++accounts) + "-" + System.nanoTime() % 100000;
    }

    /** Signs in for the first time, setting up the authenticator; returns the secret and the recovery codes. */
    private Enrolled enrol(WebClient web, String username, String password) {
        assertThat(web.signIn(username, password)).isEqualTo("/sign-in/second-factor");
        HttpResponse<String> setUp = web.get("/sign-in/set-up");
        assertThat(setUp.body()).contains("Set up your authenticator app", "<svg");
        Matcher m = SECRET.matcher(setUp.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1).replace(" ", "");
        HttpResponse<String> done = web.post("/sign-in/set-up", Map.of("code", Totp.code(secret, Instant.now())));
        assertThat(done.statusCode()).isEqualTo(200);
        Matcher codes = RECOVERY.matcher(done.body());
        List<String> recovery = codes.results().map(r -> r.group(1)).toList();
        assertThat(recovery).hasSize(10);
        return new Enrolled(secret, recovery);
    }

    private record Enrolled(String secret, List<String> recoveryCodes) {
    }

    @Test
    void aNewAccountSetsUpItsAuthenticatorThenNeedsItEveryTime() {
        String name = uniqueName("amy");
        String password = newAccount(name);
        WebClient web = new WebClient(port);
        String before = web.get("/login").headers().firstValue("Set-Cookie").isPresent() ? web.sessionCookie() : null;
        assertThat(web.signIn(name, password)).isEqualTo("/sign-in/second-factor");
        String afterPassword = web.sessionCookie();
        assertThat(afterPassword).as("new session id after the password").isNotEqualTo(before);
        // Between the two steps nothing else opens, and the user can still sign out.
        assertThat(WebClient.location(web.get("/cases"))).isEqualTo("/sign-in/second-factor");
        WebClient changedMind = new WebClient(port);
        changedMind.signIn(name, password);
        assertThat(changedMind.get("/sign-in/set-up").body()).contains("Not you, or signing in with the wrong account?");
        assertThat(WebClient.location(changedMind.post("/logout", Map.of()))).isEqualTo("/login?signedOut");
        assertThat(WebClient.location(changedMind.get("/sign-in/set-up"))).endsWith("/login");
        assertThat(WebClient.location(web.get("/account"))).isEqualTo("/sign-in/second-factor");
        Enrolled e = enrolAfterPassword(web);
        assertThat(web.sessionCookie()).as("new session id after the second factor").isNotEqualTo(afterPassword);
        assertThat(web.get("/cases").statusCode()).isEqualTo(200);

        WebClient again = new WebClient(port);
        assertThat(again.signIn(name, password)).isEqualTo("/sign-in/second-factor");
        HttpResponse<String> wrong = again.post("/sign-in/second-factor", Map.of("code", "000000"));
        assertThat(wrong.body()).contains("The code is not right");
        // The code used at set-up cannot be used again; the next step's code can.
        Instant next = Instant.now().plusSeconds(Totp.STEP_SECONDS);
        HttpResponse<String> ok = again.post("/sign-in/second-factor", Map.of("code", Totp.code(e.secret(), next)));
        assertThat(WebClient.location(ok)).isEqualTo("/");
        assertThat(again.get("/cases").statusCode()).isEqualTo(200);

        WebClient replay = new WebClient(port);
        replay.signIn(name, password);
        assertThat(replay.post("/sign-in/second-factor", Map.of("code", Totp.code(e.secret(), next))).body())
                .as("a code is accepted once").contains("The code is not right");

        WebClient recovery = new WebClient(port);
        recovery.signIn(name, password);
        assertThat(WebClient.location(recovery.post("/sign-in/second-factor",
                Map.of("code", e.recoveryCodes().get(3))))).isEqualTo("/");
        WebClient recoveryAgain = new WebClient(port);
        recoveryAgain.signIn(name, password);
        assertThat(recoveryAgain.post("/sign-in/second-factor", Map.of("code", e.recoveryCodes().get(3))).body())
                .as("a recovery code works once").contains("The code is not right");
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and action = 'SIGN_IN'").param(name)
                .query(Long.class).single()).isEqualTo(3);
    }

    private Enrolled enrolAfterPassword(WebClient web) {
        HttpResponse<String> setUp = web.get("/sign-in/set-up");
        Matcher m = SECRET.matcher(setUp.body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1).replace(" ", "");
        HttpResponse<String> done = web.post("/sign-in/set-up", Map.of("code", Totp.code(secret, Instant.now())));
        List<String> recovery = RECOVERY.matcher(done.body()).results().map(r -> r.group(1)).toList();
        assertThat(recovery).hasSize(10);
        return new Enrolled(secret, recovery);
    }

    @Test
    void fiveFailuresInARowLockTheAccountForFifteenMinutes() {
        String name = uniqueName("bob");
        String password = newAccount(name);
        for (int i = 0; i < 5; i++) {
            assertThat(new WebClient(port).signIn(name, "wrong-" + i)).isEqualTo("/login?error");
        }
        assertThat(new WebClient(port).signIn(name, password)).as("locked: even the right password fails")
                .isEqualTo("/login?error");
        assertThat(jdbc.sql("select count(*) from audit_event where object_ref = ? and action = 'ACCOUNT_LOCKED'")
                .param(name).query(Long.class).single()).isOne();
        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where username = ?").param(name)
                .update();
        assertThat(new WebClient(port).signIn(name, password)).isEqualTo("/sign-in/second-factor");
    }

    @Test
    void wrongSecondFactorCodesCountTowardsTheLock() {
        String name = uniqueName("cat");
        String password = newAccount(name);
        enrol(new WebClient(port), name, password);
        WebClient web = new WebClient(port);
        web.signIn(name, password);
        for (int i = 0; i < 4; i++) {
            assertThat(web.post("/sign-in/second-factor", Map.of("code", "12345" + i)).body())
                    .contains("The code is not right");
        }
        HttpResponse<String> fifth = web.post("/sign-in/second-factor", Map.of("code", "999999"));
        assertThat(WebClient.location(fifth)).isEqualTo("/login?error");
        assertThat(new WebClient(port).signIn(name, password)).isEqualTo("/login?error");
    }

    /**
     * The attacker who has the password and waits out the lock: before, the run of failures was never cleared, no
     * later failure equalled the limit again, and the code step never looked at the lock, so guessing went on
     * without end in one session. Now every fifth failure locks again, for twice as long, and the session ends.
     */
    @Test
    void afterALockExpiresOnlyFiveMoreCodesCanBeTriedBeforeALongerLock() {
        String name = uniqueName("dan");
        String password = newAccount(name);
        enrol(new WebClient(port), name, password);
        WebClient first = new WebClient(port);
        first.signIn(name, password);
        for (int i = 0; i < 5; i++) {
            first.post("/sign-in/second-factor", Map.of("code", "10000" + i));
        }
        assertThat(WebClient.location(first.get("/cases"))).as("the fifth wrong code ended the session")
                .endsWith("/login");
        expireLock(name);

        WebClient attacker = new WebClient(port);
        assertThat(attacker.signIn(name, password)).isEqualTo("/sign-in/second-factor");
        int tried = 0;
        for (; tried < 50; tried++) {
            HttpResponse<String> r = attacker.post("/sign-in/second-factor", Map.of("code", "20000" + (tried % 10)));
            if (r.statusCode() == 302) {
                assertThat(WebClient.location(r)).isEqualTo("/login?error");
                tried++;
                break;
            }
        }
        assertThat(tried).as("codes tried after the first lock expired").isEqualTo(5);
        assertThat(WebClient.location(attacker.get("/sign-in/second-factor"))).endsWith("/login");
        Long minutes = jdbc.sql("select round(extract(epoch from locked_until - now()) / 60) from app_user "
                + "where username = ?").param(name).query(Long.class).single();
        assertThat(minutes).as("the second lock lasts twice as long").isBetween(29L, 30L);
    }

    /**
     * A held-back address with the right password: the password step refused it, and Spring then asked a second,
     * built-in authentication manager, which signed the user in fully without the second factor.
     */
    @Test
    void aHeldBackAddressIsRefusedEvenWithTheRightPassword() {
        String name = uniqueName("hal");
        String password = newAccount(name);
        enrol(new WebClient(port), name, password);
        holdBackTheTestAddress(name);
        WebClient web = new WebClient(port);
        assertThat(web.signIn(name, password)).isEqualTo("/login?error");
        assertThat(WebClient.location(web.get("/cases"))).endsWith("/login");
    }

    /** With no trusted proxy configured, a client cannot choose the address the throttle and the audit log see. */
    @Test
    void aForwardedForHeaderFromAnUntrustedClientIsIgnored() {
        String name = uniqueName("ivy");
        newAccount(name);
        new WebClient(port).withHeader("X-Forwarded-For", "198.51.100.77").signIn(name, "wrong");
        assertThat(jdbc.sql("select source_address from sign_in_attempt where username = ?").param(name)
                .query(String.class).single()).isEqualTo("127.0.0.1");
        assertThat(jdbc.sql("select source_address from audit_event where object_ref = ? and action = 'SIGN_IN_FAILED'")
                .param(name).query(String.class).single()).isEqualTo("127.0.0.1");
    }

    /** A session waiting for its code ends when the account is locked elsewhere, even if the code is right. */
    @Test
    void aSessionWaitingForItsCodeEndsWhenTheAccountIsLockedElsewhere() {
        String name = uniqueName("eve");
        String password = newAccount(name);
        Enrolled e = enrol(new WebClient(port), name, password);
        WebClient waiting = new WebClient(port);
        waiting.signIn(name, password);
        for (int i = 0; i < 5; i++) {
            new WebClient(port).signIn(name, "wrong-" + i);
        }
        HttpResponse<String> r = waiting.post("/sign-in/second-factor",
                Map.of("code", Totp.code(e.secret(), Instant.now().plusSeconds(Totp.STEP_SECONDS))));
        assertThat(WebClient.location(r)).isEqualTo("/login?error");
        assertThat(WebClient.location(waiting.get("/cases"))).endsWith("/login");
        assertThat(jdbc.sql("select count(*) from audit_event where object_ref = ? and action = 'SIGN_IN_FAILED' "
                + "and detail = 'second factor refused: account locked'").param(name).query(Long.class).single())
                .isOne();
    }

    /** The address throttle holds at the code step too, not only at the password. */
    @Test
    void aHeldBackAddressCannotTryCodes() {
        String name = uniqueName("fay");
        String password = newAccount(name);
        Enrolled e = enrol(new WebClient(port), name, password);
        WebClient waiting = new WebClient(port);
        waiting.signIn(name, password);
        holdBackTheTestAddress(name);
        HttpResponse<String> r = waiting.post("/sign-in/second-factor",
                Map.of("code", Totp.code(e.secret(), Instant.now().plusSeconds(Totp.STEP_SECONDS))));
        assertThat(WebClient.location(r)).isEqualTo("/login?error");
    }

    @Test
    void lockingDoublesEachTimeUpToADay() {
        assertThat(UserService.lockFor(4)).isNull();
        assertThat(UserService.lockFor(5)).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(UserService.lockFor(6)).isNull();
        assertThat(UserService.lockFor(10)).isEqualTo(java.time.Duration.ofMinutes(30));
        assertThat(UserService.lockFor(15)).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(UserService.lockFor(35)).isEqualTo(java.time.Duration.ofHours(16));
        assertThat(UserService.lockFor(40)).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(UserService.lockFor(5000)).isEqualTo(java.time.Duration.ofHours(24));
    }

    /** A copy of app_user cannot make codes: the secret is stored encrypted, and one stored before is encrypted at start. */
    @Test
    void authenticatorSecretsAreEncryptedAtRest(@Autowired org.soteria.security.SecondFactorSecrets secrets) {
        String name = uniqueName("gus");
        String password = newAccount(name);
        Enrolled e = enrol(new WebClient(port), name, password);
        String stored = jdbc.sql("select totp_secret from app_user where username = ?").param(name)
                .query(String.class).single();
        assertThat(stored).startsWith("v1.").doesNotContain(e.secret());
        jdbc.sql("update app_user set totp_secret = ? where username = ?").params(e.secret(), name).update();
        assertThat(secrets.encryptPlaintext()).isOne();
        assertThat(jdbc.sql("select totp_secret from app_user where username = ?").param(name).query(String.class)
                .single()).startsWith("v1.");
        WebClient web = new WebClient(port);
        web.signIn(name, password);
        assertThat(WebClient.location(web.post("/sign-in/second-factor",
                Map.of("code", Totp.code(e.secret(), Instant.now().plusSeconds(Totp.STEP_SECONDS)))))).isEqualTo("/");
    }

    /**
     * Step-up: a session left open cannot mint itself lasting access. Before, an API token and new recovery codes
     * came for the asking; now each needs the password and a current code, and wrong answers count to the lock.
     */
    @Test
    void aTokenAndNewRecoveryCodesNeedThePasswordAndACodeAgain() {
        String name = uniqueName("jon");
        String password = newAccount(name);
        Enrolled e = enrol(new WebClient(port), name, password);
        WebClient web = new WebClient(port);
        web.signIn(name, password);
        // A recovery code here leaves the app's next code free for the step-up below.
        web.post("/sign-in/second-factor", Map.of("code", e.recoveryCodes().get(0)));
        web.get("/account");
        Map<String, String> token = Map.of("name", "script", "scopes", "cases:read", "days", "30");
        assertThat(web.post("/account/tokens", token).body()).contains("Enter your password",
                "Enter the code from your authenticator app").doesNotContain("sot_");
        Map<String, String> wrongPassword = new java.util.HashMap<>(token);
        wrongPassword.putAll(Map.of("password", "not-it", "code", "123456"));
        assertThat(web.post("/account/tokens", wrongPassword).body()).contains("The password is not right");
        Map<String, String> wrongCode = new java.util.HashMap<>(token);
        wrongCode.putAll(Map.of("password", password, "code", "000000"));
        assertThat(web.post("/account/tokens", wrongCode).body()).contains("The code is not right");
        Map<String, String> right = new java.util.HashMap<>(token);
        right.putAll(Map.of("password", password, "code", Totp.code(e.secret(), Instant.now().plusSeconds(30))));
        assertThat(web.post("/account/tokens", right).body()).contains("sot_");
        assertThat(web.post("/account/recovery-codes", Map.of("password", password, "code", "111111")).body())
                .contains("The code is not right").doesNotContain("Your new recovery codes");
        assertThat(jdbc.sql("select count(*) from audit_event where object_ref = ? and action = 'SIGN_IN_FAILED' "
                + "and detail like 'step-up%'").param(name).query(Long.class).single()).isEqualTo(3);
        // The token's success cleared the run; three more failures, then the fifth in a row locks the account and
        // ends this session too.
        for (int i = 0; i < 3; i++) {
            assertThat(web.post("/account/recovery-codes", Map.of("password", "guess", "code", "1")).body())
                    .contains("The password is not right");
        }
        HttpResponse<String> fifth = web.post("/account/recovery-codes", Map.of("password", "guess", "code", "1"));
        assertThat(WebClient.location(fifth)).isEqualTo("/login?error");
        assertThat(WebClient.location(web.get("/account"))).endsWith("/login");
    }

    /** As many failures from the test client's address as hold it back (cleared after each test). */
    private void holdBackTheTestAddress(String name) {
        for (int i = 0; i < UserService.THROTTLE_AFTER; i++) {
            users.signInFailed("guess-" + name + "-" + i, "127.0.0.1", "test");
        }
    }

    private void expireLock(String name) {
        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where username = ?").param(name)
                .update();
    }

    @Test
    void manyFailuresFromOneAddressHoldThatAddressBack() {
        String source = "203.0.113." + (accounts + 10);
        for (int i = 0; i < UserService.THROTTLE_AFTER; i++) {
            users.signInFailed("guess-" + i, source, "test");
        }
        assertThat(users.throttled(source)).isTrue();
        assertThat(users.throttled("203.0.113.250")).isFalse();
    }

    /**
     * Tabs opened at once just after sign-in: each page asks for the session's form token, which does not exist
     * yet, so each request stores one; the session store must take them all (it once answered a server error to
     * all but the first).
     */
    @Test
    void pagesOpenedAtOnceAfterSignInAllLoad() throws Exception {
        WebClient web = new WebClient(port);
        web.get("/login");
        assertThat(WebClient.location(web.post("/login",
                Map.of("username", "investigator", "password", "correct-horse-battery")))).isEqualTo("/");
        List<String> pages = List.of("/cases", "/cases?page=2", "/account", "/cases?status=open", "/cases?status=n100",
                "/cases?sort=recorded-oldest", "/cases?page=3", "/cases?outcomeGroup=charged");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(pages.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = pages.stream().map(page -> pool.submit(() -> {
                start.await();
                return web.get(page).statusCode();
            })).toList();
            start.countDown();
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdleSessionEndsAfterFifteenMinutes() {
        WebClient web = new WebClient(port);
        web.signIn("investigator", "correct-horse-battery");
        assertThat(web.get("/cases").statusCode()).isEqualTo(200);
        age("last_access_time", 16);
        assertThat(WebClient.location(web.get("/cases"))).startsWith("/login");
    }

    @Test
    void aSessionsLastRequestIsWrittenAtMostOnceAMinuteYetKeepsItAlive() {
        WebClient web = new WebClient(port);
        web.signIn("investigator", "correct-horse-battery");
        assertThat(web.get("/cases").statusCode()).isEqualTo(200);
        long first = lastAccess();
        assertThat(web.get("/cases").statusCode()).isEqualTo(200);
        assertThat(lastAccess()).as("a second page moments later leaves the row as it was").isEqualTo(first);
        age("last_access_time", 2);
        assertThat(web.get("/cases").statusCode()).isEqualTo(200);
        assertThat(lastAccess()).as("two minutes on, the page's time is written")
                .isGreaterThan(System.currentTimeMillis() - 60_000);
        age("last_access_time", 14);
        assertThat(web.get("/cases").statusCode()).as("fourteen idle minutes: still signed in").isEqualTo(200);
    }

    private long lastAccess() {
        return jdbc.sql("select max(last_access_time) from spring_session where principal_name = 'investigator'")
                .query(Long.class).single();
    }

    @Test
    void aSessionEndsTenHoursAfterSignInHoweverActive() {
        WebClient web = new WebClient(port);
        web.signIn("investigator", "correct-horse-battery");
        assertThat(web.get("/cases").statusCode()).isEqualTo(200);
        age("creation_time", 10 * 60 + 1);
        assertThat(WebClient.location(web.get("/cases"))).isEqualTo("/login?expired");
        assertThat(web.get("/login?expired").body()).contains("Your session ended");
    }

    /** Moves one session's clock back by {@code minutes}, as if that much time had passed. */
    private void age(String column, int minutes) {
        jdbc.sql("update spring_session set " + column + " = " + column + " - ? where principal_name = 'investigator' "
                        + "and " + column + " = (select max(" + column + ") from spring_session "
                        + "where principal_name = 'investigator')")
                .param(minutes * 60_000L).update();
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheUser() {
        WebClient laptop = new WebClient(port);
        WebClient phone = new WebClient(port);
        WebClient someoneElse = new WebClient(port);
        laptop.signIn("victim-liaison", "correct-horse-battery");
        phone.signIn("victim-liaison", "correct-horse-battery");
        someoneElse.signIn("supervisor", "correct-horse-battery");
        assertThat(phone.get("/cases").statusCode()).isEqualTo(200);
        laptop.get("/account");
        HttpResponse<String> r = laptop.post("/account/sign-out-everywhere", Map.of());
        assertThat(WebClient.location(r)).isEqualTo("/login?signedOutEverywhere");
        assertThat(WebClient.location(phone.get("/cases"))).startsWith("/login");
        assertThat(WebClient.location(laptop.get("/cases"))).startsWith("/login");
        assertThat(someoneElse.get("/cases").statusCode()).isEqualTo(200);
    }
}
