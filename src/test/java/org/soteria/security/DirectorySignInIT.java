package org.soteria.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.soteria.SoteriaApplication;
import org.soteriatest.idp.TestIdentityProvider;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in through the force's directory with OpenID Connect, against a real provider (Spring
 * Authorization Server): the role comes from directory groups, users outside any Soteria group, in
 * groups for two roles, or without a second factor are refused, and the sign-in is audited. The same provider
 * stands in for a CPS area's own directory (ADR 41): its prosecutors sign in as partners of that organisation.
 */
class DirectorySignInIT {

    private static ConfigurableApplicationContext idp;
    private static ConfigurableApplicationContext soteria;
    private static int idpPort;
    private static int soteriaPort;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void start() throws IOException {
        idpPort = freePort();
        soteriaPort = freePort();
        String soteriaBase = "http://localhost:" + soteriaPort;
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=" + idpPort,
                "--spring.main.banner-mode=off", "--server.servlet.session.cookie.name=IDP_SESSION",
                "--spring.security.oauth2.authorizationserver.issuer=http://localhost:" + idpPort));
        // the force's directory's client, and a CPS area's (the same provider stands in for both)
        args.addAll(providerClient("soteria", "soteria", "client-secret", soteriaBase + "/login/oauth2/code/entra"));
        args.addAll(providerClient("cps", "soteria-cps", "cps-secret", soteriaBase + "/login/oauth2/code/cps"));
        args.add("--spring.autoconfigure.exclude="
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                + "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration,"
                + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration");
        // Soteria's application.properties is on the classpath too: the provider needs its own cookie name (above).
        idp = new SpringApplicationBuilder(TestIdentityProvider.class).web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
        java.util.List<String> soteriaArgs = new java.util.ArrayList<>(java.util.List.of("--server.port=" + soteriaPort,
                "--soteria.data-dir=:temporary:directory", "--spring.main.banner-mode=off",
                "--soteria.oidc.force=NWP", "--soteria.oidc.mfa=amr,acrs:c1",
                "--soteria.oidc.role-values.investigator=Soteria.Investigator",
                "--soteria.oidc.role-groups.investigator=grp-rasso-investigators",
                "--soteria.oidc.role-groups.auditor=grp-auditors",
                "--soteria.oidc.partner-registrations=cps", "--soteria.oidc.partners.cps.org=CPS-NWP",
                "--soteria.oidc.partners.cps.role-groups.cps-prosecutor=grp-cps-rasso"));
        soteriaArgs.addAll(soteriaClient("entra", "soteria", "client-secret"));
        soteriaArgs.addAll(soteriaClient("cps", "soteria-cps", "cps-secret"));
        soteria = new SpringApplicationBuilder(SoteriaApplication.class).web(WebApplicationType.SERVLET)
                .run(soteriaArgs.toArray(String[]::new));
        JdbcClient jdbc = soteria.getBean(JdbcClient.class);
        jdbc.sql("insert into force (force_code, name) values ('NWP', 'North Wales Police') on conflict do nothing")
                .update();
        jdbc.sql("insert into partner_org (code, force_code, kind, name) values ('CPS-NWP', 'NWP', 'cps', "
                + "'CPS Cymru-Wales RASSO Unit')").update();
    }

    /** The provider's registration of a client (Soteria, as the force's or a partner's directory sees it). */
    private static java.util.List<String> providerClient(String name, String id, String secret, String redirect) {
        String client = "--spring.security.oauth2.authorizationserver.client." + name + ".registration.";
        return java.util.List.of(client + "client-id=" + id, client + "client-secret={noop}" + secret,
                client + "client-authentication-methods=client_secret_basic",
                client + "authorization-grant-types=authorization_code", client + "redirect-uris=" + redirect,
                client + "scopes=openid,profile,email",
                "--spring.security.oauth2.authorizationserver.client." + name + ".require-authorization-consent=false");
    }

    /** Soteria's registration of a directory as a client of the provider. */
    private static java.util.List<String> soteriaClient(String registration, String id, String secret) {
        String reg = "--spring.security.oauth2.client.registration." + registration + ".";
        return java.util.List.of(reg + "client-id=" + id, reg + "client-secret=" + secret,
                reg + "scope=openid,profile,email", reg + "authorization-grant-type=authorization_code",
                reg + "redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                "--spring.security.oauth2.client.provider." + registration + ".issuer-uri=http://localhost:" + idpPort);
    }

    @AfterAll
    static void stop() {
        if (soteria != null) {
            soteria.close();
        }
        if (idp != null) {
            idp.close();
        }
    }

    /** Follows one directory sign-in through every redirect; returns where Soteria sent the user at the end. */
    private static String signInThroughDirectory(HttpClient http, String username) throws Exception {
        return signInThrough("entra", http, username);
    }

    /** As {@link #signInThroughDirectory}, through the client registration {@code registration}. */
    private static String signInThrough(String registration, HttpClient http, String username) throws Exception {
        String location = "http://localhost:" + soteriaPort + "/oauth2/authorization/" + registration;
        for (int hop = 0; hop < 12; hop++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(location)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.uri().getPort() == idpPort && r.body().contains("password")) {
                Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
                        .matcher(r.body());
                assertThat(csrf.find()).as("the provider's sign-in form").isTrue();
                String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
                String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                        + TestIdentityProvider.PASSWORD + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
                r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + idpPort + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            }
            String next = r.headers().firstValue("Location").orElse(null);
            if (next == null) {
                return r.uri().getPath() + " " + r.statusCode();
            }
            URI resolved = r.uri().resolve(next);
            if (resolved.getPort() == soteriaPort && !resolved.getPath().startsWith("/login/oauth2")
                    && !resolved.getPath().startsWith("/oauth2")) {
                return resolved.getPath() + (resolved.getQuery() == null ? "" : "?" + resolved.getQuery());
            }
            location = resolved.toString();
        }
        throw new AssertionError("too many redirects");
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Test
    void aDirectoryUserInARassoGroupSignsInAsAnInvestigator() throws Exception {
        HttpClient http = client();
        assertThat(signInThroughDirectory(http, "j.smith@force.example")).isEqualTo("/");
        HttpResponse<String> cases = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + soteriaPort
                + "/cases")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cases.statusCode()).isEqualTo(200);
        assertThat(cases.body()).contains("Directory j.smith", "Investigator");
        JdbcClient jdbc = soteria.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select role || '|' || force_code || '|' || directory from app_user where username = ?")
                .param("j.smith@force.example").query(String.class).single()).isEqualTo("investigator|NWP|true");
        assertThat(jdbc.sql("select count(*) from audit_event where username = ? and action = 'SIGN_IN' "
                + "and detail like 'OpenID Connect%'").param("j.smith@force.example").query(Long.class).single())
                .isPositive();
    }

    @Test
    void usersOutsideAnyGroupInTwoRolesOrWithoutASecondFactorAreRefused() throws Exception {
        for (String user : new String[] {"no-group@force.example", "two-roles@force.example", "no-mfa@force.example"}) {
            HttpClient http = client();
            assertThat(signInThroughDirectory(http, user)).as(user).isEqualTo("/login?directoryError");
            HttpResponse<String> cases = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + soteriaPort
                    + "/cases")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(cases.statusCode()).as(user).isEqualTo(302);
        }
        HttpResponse<String> login = client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + soteriaPort
                + "/login?directoryError")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("Sign in with your force account", "could not sign you in");
        JdbcClient jdbc = soteria.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'SIGN_IN_FAILED' and detail like "
                + "'OpenID Connect%' and object_ref in ('no-group@force.example', 'two-roles@force.example', "
                + "'no-mfa@force.example')").query(Long.class).single()).isEqualTo(3);
    }

    /** Entra v2.0 ID tokens carry no amr: a Conditional Access authentication context in acrs proves the second factor. */
    @Test
    void anEntraUserWithAnAppRoleAndTheAuthenticationContextSignsIn() throws Exception {
        HttpClient http = client();
        assertThat(signInThroughDirectory(http, "entra.v2@force.example")).isEqualTo("/");
        JdbcClient jdbc = soteria.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select role from app_user where username = 'entra.v2@force.example'")
                .query(String.class).single()).isEqualTo("investigator");
        assertThat(jdbc.sql("select detail from audit_event where username = 'entra.v2@force.example' "
                + "and action = 'SIGN_IN'").query(String.class).single()).contains("authentication context c1 in acrs");
    }

    @Test
    void anEntraUserWithoutTheContextOrWithAGroupsOverageIsRefusedAndToldWhy() throws Exception {
        assertThat(signInThroughDirectory(client(), "entra.noctx@force.example")).isEqualTo("/login?directoryError");
        assertThat(signInThroughDirectory(client(), "overage@force.example")).isEqualTo("/login?directoryError");
        JdbcClient jdbc = soteria.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select detail from audit_event where object_ref = 'entra.noctx@force.example' "
                + "and action = 'SIGN_IN_FAILED'").query(String.class).single()).contains("did not show a second factor");
        assertThat(jdbc.sql("select detail from audit_event where object_ref = 'overage@force.example' "
                + "and action = 'SIGN_IN_FAILED'").query(String.class).single()).contains("groups overage");
    }

    /** A directory account never merges into a local account of the same name (it once took it over). */
    @Test
    void aDirectorySignInNeverTakesOverALocalAccount() throws Exception {
        UserService users = soteria.getBean(UserService.class);
        users.createAccount("test", new UserService.NewAccount("clash", "Local Clash", Role.AUDITOR, "NWP", null,
                java.util.List.of(), java.util.List.of()));
        JdbcClient jdbc = soteria.getBean(JdbcClient.class);
        String before = jdbc.sql("select password_hash || role || directory from app_user where username = 'clash'")
                .query(String.class).single();
        assertThat(signInThroughDirectory(client(), "clash")).isEqualTo("/login?directoryError");
        assertThat(jdbc.sql("select password_hash || role || directory from app_user where username = 'clash'")
                .query(String.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select detail from audit_event where object_ref = 'clash' and action = 'SIGN_IN_FAILED'")
                .query(String.class).single()).contains("never takes it over");
    }

    /** Leavers: a directory account unseen for the configured period has its API tokens revoked. */
    @Test
    void aDirectoryAccountUnseenForAMonthLosesItsTokens() throws Exception {
        assertThat(signInThroughDirectory(client(), "j.smith@force.example")).isEqualTo("/");
        ApiTokenService tokens = soteria.getBean(ApiTokenService.class);
        UserService users = soteria.getBean(UserService.class);
        tokens.create((SoteriaUser) users.loadUserByUsername("j.smith@force.example"), "script",
                java.util.List.of("cases:read"), 30);
        JdbcClient jdbc = soteria.getBean(JdbcClient.class);
        assertThat(tokens.revokeDirectoryLeavers(java.time.Duration.ofDays(30))).as("seen today").isZero();
        jdbc.sql("update app_user set last_sign_in_at = now() - interval '40 days' where username = ?")
                .param("j.smith@force.example").update();
        assertThat(tokens.revokeDirectoryLeavers(java.time.Duration.ofDays(30))).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from api_token where username = ? and revoked_at is null")
                .param("j.smith@force.example").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where object_ref = ? and detail like '%possible leaver%'")
                .param("j.smith@force.example").query(Long.class).single()).isOne();
    }

    /** ADR 41: a CPS prosecutor signs in through the CPS's own directory, as a partner of that organisation only. */
    @Test
    void aProsecutorSignsInThroughTheirOrganisationsDirectoryAsItsPartner() throws Exception {
        HttpResponse<String> login = client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + soteriaPort
                + "/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("Sign in with your force account")
                .contains("Sign in with your CPS Cymru-Wales RASSO Unit account", "/oauth2/authorization/cps");
        assertThat(signInThrough("cps", client(), "p.jones@cps.example")).isEqualTo("/");
        JdbcClient jdbc = soteria.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select role || '|' || force_code || '|' || partner_org || '|' || directory from app_user "
                + "where username = 'p.jones@cps.example'").query(String.class).single())
                .isEqualTo("cps-prosecutor|NWP|CPS-NWP|true");
        assertThat(jdbc.sql("select detail from audit_event where username = 'p.jones@cps.example' and action = "
                + "'SIGN_IN'").query(String.class).single()).contains("through partner organisation CPS-NWP's directory")
                .contains("'mfa' in amr");
    }

    /**
     * A partner's directory gives no police role, takes over no account from the force's directory, and signs nobody in
     * once its organisation is retired; the force's directory gives no partner role (refused at start, below).
     */
    @Test
    void aPartnerDirectoryGivesOnlyItsOwnRolesToItsOwnPeople() throws Exception {
        JdbcClient jdbc = soteria.getBean(JdbcClient.class);
        assertThat(signInThrough("cps", client(), "j.smith@force.example")).isEqualTo("/login?directoryError");
        assertThat(jdbc.sql("select detail from audit_event where object_ref = 'j.smith@force.example' and action = "
                + "'SIGN_IN_FAILED'").query(String.class).list()).anySatisfy(d -> assertThat(d)
                        .contains("not in any group or app role of partner organisation CPS-NWP's directory"));
        // the same name in both directories: the account the force's directory made is not taken over
        assertThat(signInThroughDirectory(client(), "both@cps.example")).isEqualTo("/");
        assertThat(signInThrough("cps", client(), "both@cps.example")).isEqualTo("/login?directoryError");
        assertThat(jdbc.sql("select role || '|' || coalesce(partner_org, '-') from app_user where username = "
                + "'both@cps.example'").query(String.class).single()).isEqualTo("investigator|-");
        // a retired organisation signs nobody in, and its button goes
        jdbc.sql("update partner_org set retired_at = now() where code = 'CPS-NWP'").update();
        try {
            assertThat(signInThrough("cps", client(), "p.jones@cps.example")).isEqualTo("/login?directoryError");
            assertThat(client().send(HttpRequest.newBuilder(URI.create("http://localhost:" + soteriaPort + "/login"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body()).doesNotContain("/oauth2/authorization/cps");
        } finally {
            jdbc.sql("update partner_org set retired_at = null where code = 'CPS-NWP'").update();
        }
        assertThat(jdbc.sql("select count(*) from audit_event where object_ref = 'p.jones@cps.example' and action = "
                + "'SIGN_IN_FAILED' and detail like '%not an active partner organisation%'").query(Long.class).single())
                .isOne();
        // a prosecutor's group in a directory registered for what is (now) an ISVA service signs nobody in
        jdbc.sql("update partner_org set kind = 'isva' where code = 'CPS-NWP'").update();
        try {
            assertThat(signInThrough("cps", client(), "p.jones@cps.example")).isEqualTo("/login?directoryError");
        } finally {
            jdbc.sql("update partner_org set kind = 'cps' where code = 'CPS-NWP'").update();
        }
        assertThat(jdbc.sql("select detail from audit_event where object_ref = 'p.jones@cps.example' and action = "
                + "'SIGN_IN_FAILED' order by seq desc limit 1").query(String.class).single())
                .contains("A cps-prosecutor account belongs to cps organisations; CPS-NWP is an isva organisation");
    }
}
