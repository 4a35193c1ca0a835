package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.soteria.platform.Invalid;
import org.soteria.security.AccountAdminService;
import org.soteria.security.ApiTokenService;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.Totp;
import org.soteria.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts have a lifecycle (issue 22): disabling ends sessions and revokes tokens at once, a new role holds from the
 * next request, a reset needs a second administrator and the user is told, and a password an administrator set is
 * replaced at the first sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"soteria.data-dir=:temporary:browser", "soteria.demo=true", "soteria.demo.crimes=1500",
            "SOTERIA_DEMO_PASSWORD=correct-horse-battery"})
class AccountLifecycleIT {

    private static final String DEMO = "correct-horse-battery";
    private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7 ]+)<");
    private static int n;

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    AccountAdminService admin;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    private final AccountAdminService.Actor secondAdmin = new AccountAdminService.Actor("admin-two", "admin", "NWP");

    private String account(String base, Role role) {
        String name = base + "-" + (++n) + "-" + System.nanoTime() % 100000;
        String password = users.createAccount("test", new UserService.NewAccount(name, "Test " + name, role, "NWP",
                null, List.of("T01"), List.of()));
        return name + " " + password;
    }

    /** Signs a real account in fully (setting up its authenticator); returns the client and the secret. */
    private Object[] signIn(String name, String password) {
        WebClient web = new WebClient(port);
        assertThat(web.signIn(name, password)).isEqualTo("/sign-in/second-factor");
        Matcher m = SECRET.matcher(web.get("/sign-in/set-up").body());
        assertThat(m.find()).isTrue();
        String secret = m.group(1).replace(" ", "");
        web.post("/sign-in/set-up", Map.of("code", Totp.code(secret, Instant.now())));
        return new Object[] {web, secret};
    }

    private WebClient demoAdmin() {
        WebClient web = new WebClient(port);
        web.signIn("admin", DEMO);
        return web;
    }

    @Test
    void disablingEndsEverySessionAndTokenAtOnce() {
        String[] a = account("dora", Role.INVESTIGATOR).split(" ");
        WebClient web = (WebClient) signIn(a[0], a[1])[0];
        assertThat(web.get("/cases").statusCode()).isEqualTo(200);
        tokens.create((SoteriaUser) users.loadUserByUsername(a[0]), "script", List.of("cases:read"), 30);
        WebClient adm = demoAdmin();
        adm.get("/admin/users/" + a[0]);
        assertThat(WebClient.location(adm.post("/admin/users/" + a[0] + "/enabled", Map.of("enabled", "false"))))
                .isEqualTo("/admin/users/" + a[0]);
        assertThat(WebClient.location(web.get("/cases"))).as("signed out at once").endsWith("/login");
        assertThat(jdbc.sql("select count(*) from api_token where username = ? and revoked_at is null").param(a[0])
                .query(Long.class).single()).isZero();
        assertThat(new WebClient(port).signIn(a[0], a[1])).isEqualTo("/login?error");
        assertThat(adm.get("/admin/users/" + a[0]).body()).contains("Disabled");
    }

    @Test
    void aNewRoleHoldsFromTheNextRequest() {
        String[] a = account("evan", Role.INVESTIGATOR).split(" ");
        Object[] signed = signIn(a[0], a[1]);
        WebClient web = (WebClient) signed[0];
        assertThat(web.get("/cases").statusCode()).isEqualTo(200);
        WebClient adm = demoAdmin();
        adm.get("/admin/users/" + a[0]);
        adm.post("/admin/users/" + a[0] + "/role", Map.of("role", "auditor"));
        assertThat(WebClient.location(web.get("/cases"))).as("signed out, not kept as an investigator for 10 hours")
                .endsWith("/login");
        WebClient again = new WebClient(port);
        again.signIn(a[0], a[1]);
        again.post("/sign-in/second-factor", Map.of("code", Totp.code((String) signed[1],
                Instant.now().plusSeconds(Totp.STEP_SECONDS))));
        assertThat(again.get("/cases").statusCode()).isEqualTo(403);
        assertThat(again.get("/audit").statusCode()).isEqualTo(200);
    }

    @Test
    void aResetNeedsASecondAdministratorAndTheUserIsToldAndChoosesTheirOwnPassword() {
        String[] a = account("fern", Role.INVESTIGATOR).split(" ");
        Object[] signed = signIn(a[0], a[1]);
        WebClient adm = demoAdmin();
        adm.get("/admin/users/" + a[0]);
        assertThat(adm.post("/admin/users/" + a[0] + "/resets", Map.of("kind", "password", "reason", "")).body())
                .contains("Enter the reason");
        adm.post("/admin/users/" + a[0] + "/resets", Map.of("kind", "password",
                "reason", "Forgot it; I rang her back on the duty number"));
        long request = jdbc.sql("select id from account_reset_request where username = ?").param(a[0])
                .query(Long.class).single();
        HttpResponse<String> self = adm.post("/admin/resets/" + request + "/approve", Map.of());
        assertThat(WebClient.location(self)).isEqualTo("/admin/users");
        assertThat(adm.get("/admin/users").body()).contains("You asked for this reset");
        assertThat(new WebClient(port).signIn(a[0], a[1])).as("nothing changed yet").isEqualTo("/sign-in/second-factor");

        AccountAdminService.Approved done = admin.approveReset(secondAdmin, request);
        assertThat(done.firstPassword()).hasSizeGreaterThan(15);
        assertThat(new WebClient(port).signIn(a[0], a[1])).as("the old password is gone").isEqualTo("/login?error");
        WebClient web = new WebClient(port);
        assertThat(web.signIn(a[0], done.firstPassword())).isEqualTo("/sign-in/second-factor");
        HttpResponse<String> in = web.post("/sign-in/second-factor", Map.of("code", Totp.code((String) signed[1],
                Instant.now().plusSeconds(Totp.STEP_SECONDS))));
        assertThat(WebClient.location(in)).isEqualTo("/account/password");
        assertThat(WebClient.location(web.get("/cases"))).as("nothing else until it is changed")
                .isEqualTo("/account/password");
        String page = web.get("/account/password").body();
        assertThat(page).contains("Choose your password", "Your password was reset, asked for by admin",
                "approved by admin-two", "Forgot it");
        assertThat(web.post("/account/password", Map.of("current", done.firstPassword(), "fresh", "short",
                "again", "short")).body()).contains("at least 12 characters");
        assertThat(web.post("/account/password", Map.of("current", done.firstPassword(), "fresh",
                "stone river " + a[0], "again", "stone river " + a[0])).body()).contains("must not contain your user name");
        HttpResponse<String> changed = web.post("/account/password", Map.of("current", done.firstPassword(),
                "fresh", "copper kettle lantern", "again", "copper kettle lantern"));
        assertThat(WebClient.location(changed)).isEqualTo("/account");
        assertThat(web.get("/cases").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where object_ref = ? and action = 'ACCOUNT_CHANGE' "
                + "and (detail like 'password reset%' or detail = 'own password changed')").param(a[0])
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void anAdministratorCannotActOnThemselvesNorApproveTheirOwnRequest() {
        AccountAdminService.Actor me = new AccountAdminService.Actor("admin", "admin", "NWP");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.setEnabled(me, "admin", false))
                .isInstanceOf(Invalid.class);
        String[] a = account("gil", Role.ANALYST).split(" ");
        long id = admin.requestReset(me, a[0], "second-factor", "lost phone and codes; checked in person");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.approveReset(me, id))
                .isInstanceOf(Invalid.class).extracting(e -> ((Invalid) e).errors().get("request"))
                .isEqualTo("{admin.error.sameAdmin}");
        AccountAdminService.Actor otherForce = new AccountAdminService.Actor("xyz-admin", "admin", "XYZ");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.approveReset(otherForce, id))
                .as("another force's administrator cannot reach it").isInstanceOf(Invalid.class);
        assertThat(admin.approveReset(secondAdmin, id).firstPassword()).isNull();
        assertThat(jdbc.sql("select totp_secret is null from app_user where username = ?").param(a[0])
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void theLanguageChosenIsRememberedOnTheAccountAndFollowsTheUserToAnotherComputer() {
        String[] a = account("lang", Role.INVESTIGATOR).split(" ");
        Object[] signed = signIn(a[0], a[1]);
        WebClient web = (WebClient) signed[0];
        assertThat(web.get("/account").body()).contains("lang=\"en\"", "Not chosen: pages follow this browser");
        assertThat(web.get("/account?lang=cy").body()).contains("lang=\"cy\"", "Eich cyfrif", "Cymraeg");
        assertThat(web.get("/account").body()).as("the cookie keeps it in this browser").contains("lang=\"cy\"");
        web.get("/cases?lang=cy");
        assertThat(jdbc.sql("select language from app_user where username = ?").param(a[0]).query(String.class)
                .single()).isEqualTo("cy");
        assertThat(jdbc.sql("select count(*) from audit_event where object_ref = ? and action = 'ACCOUNT_CHANGE' "
                + "and detail = 'language cy'").param(a[0]).query(Long.class).single())
                .as("a change is audited, choosing the same again is not").isEqualTo(1);

        WebClient other = new WebClient(port);
        assertThat(other.get("/login").body()).as("before sign-in, this browser's own choice").contains("lang=\"en\"");
        other.signIn(a[0], a[1]);
        other.post("/sign-in/second-factor", Map.of("code", Totp.code((String) signed[1],
                Instant.now().plusSeconds(Totp.STEP_SECONDS))));
        assertThat(other.get("/cases").body()).as("the account's choice, on another computer").contains("lang=\"cy\"");
        assertThat(other.get("/account?lang=en").body()).contains("lang=\"en\"", "Your account");
        assertThat(other.get("/cases").body()).contains("lang=\"en\"");
        assertThat(jdbc.sql("select language from app_user where username = ?").param(a[0]).query(String.class)
                .single()).isEqualTo("en");
    }
}
