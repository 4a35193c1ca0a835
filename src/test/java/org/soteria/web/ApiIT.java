package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API with personal access tokens: made on the account page and shown once, stored hashed,
 * refused when missing, unknown, revoked or expired, never more than the owner's role, and under the
 * same need-to-know and audit as the pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"soteria.data-dir=:temporary:browser", "soteria.demo=true", "soteria.demo.crimes=1500",
            "SOTERIA_DEMO_PASSWORD=correct-horse-battery"})
class ApiIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final Pattern TOKEN = Pattern.compile("id=\"new-token\"[^>]*>(sot_[A-Za-z0-9_-]+)<");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private long teamCrime;
    private long otherTeamCrime;

    @BeforeEach
    void ids() {
        teamCrime = jdbc.sql("select id from crime where team_code = 'T01' and not restricted order by id limit 1")
                .query(Long.class).single();
        otherTeamCrime = jdbc.sql("select id from crime where team_code <> 'T01' and not restricted order by id limit 1")
                .query(Long.class).single();
    }

    private String token(String role) {
        return token(role, "cases:read");
    }

    private String token(String role, String scope) {
        WebClient web = new WebClient(port);
        web.signIn(role, PASSWORD);
        web.get("/account");
        HttpResponse<String> r = web.post("/account/tokens", Map.of("name", "test tool", "scopes", scope,
                "days", "30", "password", PASSWORD));
        Matcher m = TOKEN.matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> api(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenReadsWhatItsOwnerMaySeeAndNothingElse() throws Exception {
        String token = token("investigator");
        assertThat(jdbc.sql("select count(*) from api_token where token_hash like '%' || ? || '%'").param(token)
                .query(Long.class).single()).as("the token itself is never stored").isZero();

        HttpResponse<String> list = api("/api/v1/cases", token);
        assertThat(list.statusCode()).isEqualTo(200);
        long teamCount = jdbc.sql("select count(*) from crime where team_code = 'T01' and not restricted")
                .query(Long.class).single();
        assertThat(list.body()).contains("\"total\":" + teamCount, "\"crimeRef\"");

        HttpResponse<String> mine = api("/api/v1/cases/" + teamCrime, token);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).contains("\"people\"", "\"timeline\"");
        String requestId = mine.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(jdbc.sql("select count(*) from audit_event where request_id = ? and action = 'VIEW' "
                + "and username = 'investigator'").param(requestId).query(Long.class).single()).isOne();

        HttpResponse<String> other = api("/api/v1/cases/" + otherTeamCrime, token);
        HttpResponse<String> none = api("/api/v1/cases/99999999", token);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(other.body().replaceAll("\"instance\":\"[^\"]*\"", ""))
                .isEqualTo(none.body().replaceAll("\"instance\":\"[^\"]*\"", ""));

        HttpResponse<String> bad = api("/api/v1/cases?from=31-12-2024", token);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("from: '31-12-2024': the API takes dates as YYYY-MM-DD");
        assertThat(api("/api/v1/cases?from=2024-02-30", token).body())
                .contains("from: '2024-02-30': Recorded from must be a real date");
        assertThat(api("/api/v1/cases?status=closed", token).body())
                .contains("status: 'closed': Choose a status from the list");
    }

    @Test
    void missingUnknownRevokedAndExpiredTokensAreRefused() throws Exception {
        HttpResponse<String> anonymous = api("/api/v1/cases", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api("/api/v1/cases", "sot_not-a-real-token").statusCode()).isEqualTo(401);

        String token = token("supervisor");
        assertThat(api("/api/v1/cases", token).statusCode()).isEqualTo(200);
        jdbc.sql("update api_token set created_at = now() - interval '2 days', expires_at = now() - interval '1 second' "
                + "where username = 'supervisor' and revoked_at is null").update();
        assertThat(api("/api/v1/cases", token).statusCode()).as("expired").isEqualTo(401);

        String second = token("supervisor");
        WebClient web = new WebClient(port);
        web.signIn("supervisor", PASSWORD);
        String page = web.get("/account").body();
        Matcher revoke = Pattern.compile("action=\"(/account/tokens/\\d+/revoke)\"").matcher(page);
        assertThat(revoke.find()).isTrue();
        assertThat(WebClient.location(web.post(revoke.group(1), Map.of()))).isEqualTo("/account?revoked");
        assertThat(api("/api/v1/cases", second).statusCode()).as("revoked").isEqualTo(401);
    }

    @Test
    void theApiIgnoresSessionCookies() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("investigator", PASSWORD);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/cases")).header("Cookie", "SOTERIA_SESSION=" + web.sessionCookie()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenNeverAllowsMoreThanItsOwnersRole() throws Exception {
        WebClient analyst = new WebClient(port);
        analyst.signIn("analyst", PASSWORD);
        assertThat(analyst.get("/account").body()).as("only the measures scope to offer").contains("measures:read")
                .doesNotContain("value=\"cases:read\"");
        WebClient auditor = new WebClient(port);
        auditor.signIn("auditor", PASSWORD);
        assertThat(auditor.get("/account").body()).as("no scope to offer").doesNotContain("Create a token");
        HttpResponse<String> refused = analyst.post("/account/tokens", Map.of("name", "x", "scopes", "cases:read",
                "days", "30", "password", PASSWORD));
        assertThat(refused.body()).contains("Your role cannot read cases");
        // A force lead's token reads only what need-to-know gives them: nothing, here.
        String lead = token("force-lead");
        assertThat(api("/api/v1/cases", lead).body()).contains("\"total\":0");
        assertThat(api("/api/v1/cases/" + teamCrime, lead).statusCode()).isEqualTo(404);
        for (String bad : List.of("0", "91", "x")) {
            WebClient web = new WebClient(port);
            web.signIn("investigator", PASSWORD);
            web.get("/account");
            assertThat(web.post("/account/tokens", Map.of("name", "x", "scopes", "cases:read", "days", bad,
                    "password", PASSWORD)).body())
                    .as(bad).contains("There is a problem");
        }
    }

    @Test
    void measuresAsKpisJsonForTheTokenOwnersForceOnly() throws Exception {
        String token = token("analyst", "measures:read");
        HttpResponse<String> r = api("/api/v1/measures?from=2025-01-01&to=2025-12-31&as-of=2026-10-31"
                + "&filter=offence_group=adult_rape", token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        long adultRape = jdbc.sql("select count(*) from crime where record_type = 'crime' and offence_group = "
                + "'adult_rape' and recorded_date between date '2025-01-01' and date '2025-12-31'")
                .query(Long.class).single();
        assertThat(r.body()).contains("\"recorded\":" + adultRape + ",", "\"as_of\":\"2026-10-31\"",
                "\"filters\":{\"force\":[\"NWP\"],\"offence_group\":[\"adult_rape\"]}",
                "\"victims_code_compliance\":{\"numerator\":");
        String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(jdbc.sql("select count(*) from audit_event where request_id = ? and object_type = 'measures'")
                .param(requestId).query(Long.class).single()).isOne();

        HttpResponse<String> otherForce = api("/api/v1/measures?from=2025-01-01&to=2025-12-31&filter=force=DYF",
                token);
        assertThat(otherForce.statusCode()).isEqualTo(400);
        assertThat(otherForce.body()).contains("your own force (NWP) only");
        HttpResponse<String> badFilter = api("/api/v1/measures?from=2025-01-01&to=2025-12-31&filter=colour=red",
                token);
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(badFilter.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(badFilter.body()).contains("filter key 'colour' is not one of");
        assertThat(api("/api/v1/measures?to=2025-12-31", token).body()).contains("from is required");
        assertThat(api("/api/v1/measures?from=2025-01-01&to=2025-12-31", token("investigator")).statusCode())
                .as("a cases:read token does not read measures").isEqualTo(403);
    }
}
