package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.soteria.security.EndpointRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may reach what, proven over HTTP: every handler is covered by an explicit rule; a role × endpoint
 * matrix written out by hand (not derived from the rules it checks); CSRF refusal; the security
 * headers; and an audit record for every answer that shows personal data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"soteria.data-dir=:temporary:browser", "soteria.demo=true", "soteria.demo.crimes=1500",
            "SOTERIA_DEMO_PASSWORD=correct-horse-battery"})
class WebSecurityIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final List<String> ROLES = List.of("investigator", "supervisor", "victim-liaison", "analyst",
            "force-lead", "auditor", "researcher", "admin", "records-manager", "national-coordinator", "cps-prosecutor",
            "isva");
    private static final Set<String> CASE_ROLES = Set.of("investigator", "supervisor", "victim-liaison", "force-lead");
    private static final Set<String> IMPORT_ROLES = Set.of("force-lead", "admin", "auditor");

    /** Method and path pattern → the roles that may use it. Written out by hand, from the rules. */
    private static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        Set<String> all = new HashSet<>(ROLES);
        MATRIX.put("GET /", all);
        MATRIX.put("GET /account", all);
        MATRIX.put("POST /account/recovery-codes", all);
        MATRIX.put("POST /account/sign-out-everywhere", all);
        MATRIX.put("POST /account/tokens", all);
        MATRIX.put("POST /account/tokens/{id}/revoke", all);
        MATRIX.put("GET /account/password", all);
        MATRIX.put("POST /account/password", all);
        MATRIX.put("POST /account/alerts", all);
        MATRIX.put("POST /account/alerts/stop", all);
        MATRIX.put("POST /account/alerts/test", all);
        MATRIX.put("GET /admin/users", Set.of("admin"));
        MATRIX.put("GET /admin/users/{username}", Set.of("admin"));
        MATRIX.put("POST /admin/users/{username}/enabled", Set.of("admin"));
        MATRIX.put("POST /admin/users/{username}/role", Set.of("admin"));
        MATRIX.put("POST /admin/users/{username}/teams", Set.of("admin"));
        MATRIX.put("POST /admin/users/{username}/resets", Set.of("admin"));
        MATRIX.put("POST /admin/resets/{id}/approve", Set.of("admin"));
        MATRIX.put("POST /admin/resets/{id}/withdraw", Set.of("admin"));
        MATRIX.put("GET /sign-in/second-factor", all);
        MATRIX.put("POST /sign-in/second-factor", all);
        MATRIX.put("GET /sign-in/set-up", all);
        MATRIX.put("POST /sign-in/set-up", all);
        MATRIX.put("GET /cases", CASE_ROLES);
        MATRIX.put("GET /cases/{id}", CASE_ROLES);
        MATRIX.put("GET /cases/{id}/access", Set.of("supervisor", "auditor"));
        MATRIX.put("POST /cases/{id}/access/grants", Set.of("supervisor"));
        MATRIX.put("POST /cases/{id}/access/grants/{grantId}/withdraw", Set.of("supervisor"));
        Set<String> recordRoles = Set.of("investigator", "supervisor", "victim-liaison");
        MATRIX.put("GET /cases/{id}/victims/{ref}", CASE_ROLES);
        for (String form : List.of("plan", "contacts", "journey")) {
            MATRIX.put("GET /cases/{id}/victims/{ref}/" + form, recordRoles);
            MATRIX.put("POST /cases/{id}/victims/{ref}/" + form, recordRoles);
        }
        MATRIX.put("POST /cases/{id}/victims/{ref}/reviews/{review}", recordRoles);
        MATRIX.put("POST /cases/{id}/victims/{ref}/feedback-link", recordRoles);
        MATRIX.put("GET /victims/due", CASE_ROLES);
        MATRIX.put("GET /victims/overdue", Set.of("supervisor", "force-lead"));
        MATRIX.put("GET /victims/feedback-comments", Set.of("force-lead"));
        Set<String> developRoles = Set.of("investigator", "supervisor", "victim-liaison", "force-lead");
        Set<String> wellbeingRoles = Set.of("investigator", "supervisor", "victim-liaison", "analyst", "force-lead");
        Set<String> teamRoles = Set.of("supervisor", "force-lead");
        MATRIX.put("GET /workforce", developRoles);
        for (String form : List.of("training", "plan")) {
            MATRIX.put("GET /workforce/" + form, developRoles);
            MATRIX.put("POST /workforce/" + form, developRoles);
        }
        MATRIX.put("POST /workforce/plan/{id}", developRoles);
        MATRIX.put("GET /workforce/teams", teamRoles);
        MATRIX.put("GET /workforce/officers/{code}", teamRoles);
        MATRIX.put("GET /workforce/abstractions", teamRoles);
        MATRIX.put("POST /workforce/abstractions", teamRoles);
        MATRIX.put("GET /workforce/wellbeing", wellbeingRoles);
        MATRIX.put("GET /workforce/wellbeing/shared", wellbeingRoles);
        for (String action : List.of("check-in", "supervision", "referral", "share", "unshare")) {
            MATRIX.put("POST /workforce/wellbeing/" + action, wellbeingRoles);
        }
        MATRIX.put("GET /workforce/guidance", all);
        MATRIX.put("GET /workforce/guidance/new", Set.of("force-lead", "national-coordinator"));
        MATRIX.put("POST /workforce/guidance/new", Set.of("force-lead", "national-coordinator"));
        for (String action : List.of("fetch", "upload", "accept")) {
            MATRIX.put("POST /workforce/guidance/national/" + action, Set.of("force-lead", "national-coordinator"));
        }
        Set<String> registerRoles = Set.of("investigator", "supervisor", "analyst", "force-lead");
        Set<String> reviewRoles = Set.of("investigator", "supervisor", "analyst");
        Set<String> disruptionRoles = Set.of("investigator", "supervisor");
        MATRIX.put("GET /repeat-suspects", registerRoles);
        MATRIX.put("GET /repeat-suspects.csv", registerRoles);
        MATRIX.put("GET /repeat-suspects/{id}", registerRoles);
        MATRIX.put("GET /repeat-suspects/links", reviewRoles);
        MATRIX.put("GET /repeat-suspects/links/{pair}", reviewRoles);
        MATRIX.put("POST /repeat-suspects/links/{pair}", reviewRoles);
        MATRIX.put("GET /disruption", registerRoles);
        MATRIX.put("GET /disruption/alerts", registerRoles);
        MATRIX.put("GET /disruption/orders/{force}/{orderId}", registerRoles);
        MATRIX.put("POST /disruption/orders/{force}/{orderId}/review", disruptionRoles);
        MATRIX.put("POST /disruption/orders/{force}/{orderId}/breaches", disruptionRoles);
        MATRIX.put("GET /disruption/new", disruptionRoles);
        MATRIX.put("POST /disruption/new", disruptionRoles);
        Set<String> workRoles = Set.of("investigator", "supervisor");
        Set<String> supervisors = Set.of("supervisor");
        for (String page : List.of("plan", "reviews", "requests", "devices", "bail", "cps")) {
            MATRIX.put("GET /cases/{id}/" + page, CASE_ROLES);
        }
        MATRIX.put("POST /cases/{id}/plan/stage", workRoles);
        MATRIX.put("GET /cases/{id}/plan/lines/new", workRoles);
        MATRIX.put("POST /cases/{id}/plan/lines", workRoles);
        MATRIX.put("POST /cases/{id}/plan/lines/{line}/close", workRoles);
        MATRIX.put("GET /cases/{id}/reviews/new", supervisors);
        MATRIX.put("POST /cases/{id}/reviews/new", supervisors);
        MATRIX.put("GET /cases/{id}/requests/new", workRoles);
        MATRIX.put("POST /cases/{id}/requests/new", workRoles);
        MATRIX.put("POST /cases/{id}/requests/{request}/decision", supervisors);
        MATRIX.put("POST /cases/{id}/requests/{request}/progress", workRoles);
        MATRIX.put("POST /cases/{id}/devices/new", workRoles);
        MATRIX.put("POST /cases/{id}/devices/{device}/next", workRoles);
        MATRIX.put("POST /cases/{id}/bail/new", workRoles);
        MATRIX.put("POST /cases/{id}/bail/{bail}/change", workRoles);
        MATRIX.put("POST /cases/{id}/bail/{bail}/end", workRoles);
        for (String form : List.of("readiness", "submissions", "actions", "actions/{action}/done", "engagements",
                "decisions")) {
            MATRIX.put("POST /cases/{id}/cps/" + form, workRoles);
        }
        MATRIX.put("GET /casework", CASE_ROLES);
        MATRIX.put("GET /casework/forensics", Set.of("investigator", "supervisor", "analyst", "force-lead"));
        MATRIX.put("GET /casework/stages", Set.of("force-lead"));
        MATRIX.put("POST /casework/stages", Set.of("force-lead"));
        Set<String> researchRoles = Set.of("force-lead", "researcher");
        MATRIX.put("GET /research", researchRoles);
        MATRIX.put("GET /research/new", Set.of("force-lead"));
        MATRIX.put("POST /research/new", Set.of("force-lead"));
        MATRIX.put("POST /research/{id}/status", Set.of("force-lead"));
        MATRIX.put("GET /research/{id}", researchRoles);
        MATRIX.put("GET /research/{id}/extract.csv", Set.of("researcher"));
        Set<String> reviewerRoles = Set.of("force-lead", "supervisor", "researcher");
        MATRIX.put("GET /deep-dive", reviewerRoles);
        MATRIX.put("POST /deep-dive/new", Set.of("force-lead"));
        MATRIX.put("GET /deep-dive/{id}", reviewerRoles);
        MATRIX.put("GET /deep-dive/{id}/findings", Set.of("force-lead"));
        MATRIX.put("GET /deep-dive/{id}/disagreements", Set.of("force-lead"));
        MATRIX.put("GET /deep-dive/{id}/findings.csv", Set.of("force-lead"));
        MATRIX.put("GET /deep-dive/{id}/report", Set.of("force-lead"));
        MATRIX.put("GET /deep-dive/{id}/report.csv", Set.of("force-lead"));
        MATRIX.put("POST /deep-dive/{id}/disagreements", Set.of("force-lead"));
        MATRIX.put("GET /deep-dive/{id}/crimes/{position}", reviewerRoles);
        MATRIX.put("GET /officer-surveys", Set.of("force-lead"));
        MATRIX.put("POST /officer-surveys", Set.of("force-lead"));
        MATRIX.put("GET /officer-surveys/{id}", Set.of("force-lead"));
        MATRIX.put("POST /officer-surveys/{id}/close", Set.of("force-lead"));
        MATRIX.put("POST /officer-surveys/{id}/themes", Set.of("force-lead"));
        Set<String> surveyRoles = Set.of("investigator", "supervisor", "victim-liaison");
        MATRIX.put("GET /surveys", surveyRoles);
        MATRIX.put("GET /surveys/{id}", surveyRoles);
        MATRIX.put("POST /surveys/{id}", surveyRoles);
        MATRIX.put("POST /deep-dive/{id}/crimes/{position}", reviewerRoles);
        for (String page : List.of("GET /network", "POST /network/settings", "POST /network/register",
                "GET /network/registration.json", "POST /network/hub-key", "GET /network/benchmark",
                "POST /network/benchmark/send", "POST /network/benchmark.json", "POST /network/encodings/send",
                "POST /network/encodings.json", "POST /network/checkpoint/send", "GET /network/progress",
                "POST /network/progress/send", "POST /network/progress.json", "GET /network/frameworks",
                "POST /network/frameworks/fetch", "POST /network/frameworks/upload", "POST /network/frameworks/accept",
                "POST /network/frameworks/accept-template",
                "POST /network/guidance/send", "POST /network/guidance.json")) {
            MATRIX.put(page, Set.of("force-lead"));
        }
        for (String page : List.of("GET /courses", "POST /courses", "POST /courses/national/fetch",
                "POST /courses/national/upload", "POST /courses/national/accept")) {
            MATRIX.put(page, Set.of("force-lead"));
        }
        MATRIX.put("GET /network/notices", Set.of("force-lead", "analyst"));
        MATRIX.put("POST /network/notices/fetch", Set.of("force-lead", "analyst"));
        MATRIX.put("POST /network/notices/upload", Set.of("force-lead", "analyst"));
        Set<String> planRoles = Set.of("force-lead", "supervisor", "analyst");
        MATRIX.put("GET /improvement", planRoles);
        MATRIX.put("GET /improvement/summary", planRoles);
        MATRIX.put("GET /improvement/new", Set.of("force-lead"));
        MATRIX.put("POST /improvement/new", Set.of("force-lead"));
        MATRIX.put("GET /improvement/{id}", planRoles);
        MATRIX.put("POST /improvement/{id}/updates", Set.of("force-lead"));
        Set<String> assessmentRoles = Set.of("force-lead", "researcher");
        Set<String> lead = Set.of("force-lead");
        MATRIX.put("GET /assessment", assessmentRoles);
        MATRIX.put("POST /assessment/new", lead);
        MATRIX.put("GET /assessment/compare", assessmentRoles);
        MATRIX.put("GET /assessment/{id}", assessmentRoles);
        MATRIX.put("POST /assessment/{id}/sign-off", lead);
        MATRIX.put("GET /assessment/{id}/sections/{code}", assessmentRoles);
        MATRIX.put("POST /assessment/{id}/sections/{code}/answers", lead);
        MATRIX.put("POST /assessment/{id}/sections/{code}/comments", Set.of("researcher"));
        MATRIX.put("GET /assessment/{id}/evidence/{evidence}", assessmentRoles);
        Set<String> coordinator = Set.of("national-coordinator");
        MATRIX.put("GET /frameworks", coordinator);
        MATRIX.put("GET /frameworks/{id}", coordinator);
        for (String action : List.of("new-version", "publish", "questions")) {
            MATRIX.put("POST /frameworks/{id}/" + action, coordinator);
        }
        Set<String> templateReaders = Set.of("force-lead", "researcher", "national-coordinator");
        MATRIX.put("GET /review-templates", templateReaders);
        MATRIX.put("GET /review-templates/{id}", templateReaders);
        MATRIX.put("POST /review-templates/force-items", lead);
        MATRIX.put("POST /review-templates/force-items/{itemId}/retire", lead);
        MATRIX.put("GET /review-templates/force-items/{itemId}", lead);
        MATRIX.put("POST /review-templates/force-items/{itemId}", lead);
        for (String action : List.of("new-version", "publish", "items", "items/{itemId}/remove")) {
            MATRIX.put("POST /review-templates/{id}/" + action, coordinator);
        }
        MATRIX.put("GET /break-glass", CASE_ROLES);
        MATRIX.put("POST /break-glass", CASE_ROLES);
        Set<String> sharers = Set.of("investigator", "supervisor", "victim-liaison");
        Set<String> partners = Set.of("cps-prosecutor", "isva");
        MATRIX.put("GET /cases/{id}/sharing", sharers);
        MATRIX.put("POST /cases/{id}/sharing", sharers);
        MATRIX.put("POST /cases/{id}/sharing/{share}/end", sharers);
        MATRIX.put("POST /cases/{id}/sharing/{share}/consent-withdrawn", sharers);
        MATRIX.put("GET /partner/cases", partners);
        MATRIX.put("GET /partner/cases/{id}", partners);
        Set<String> advisers = Set.of("isva");
        MATRIX.put("POST /partner/cases/{id}/support", advisers);
        MATRIX.put("POST /partner/cases/{id}/milestones/{event}/passed-on", advisers);
        MATRIX.put("GET /partner/milestones", advisers);
        MATRIX.put("GET /partner-notes", sharers);
        Set<String> jointReviewers = Set.of("supervisor", "cps-prosecutor");
        MATRIX.put("GET /joint-reviews", jointReviewers);
        MATRIX.put("POST /joint-reviews", jointReviewers);
        MATRIX.put("GET /joint-reviews/{id}", jointReviewers);
        MATRIX.put("POST /joint-reviews/{id}/cases/{crime}/note", jointReviewers);
        MATRIX.put("POST /cases/{id}/sharing/notes/{note}/seen", sharers);
        MATRIX.put("POST /cases/{id}/sharing/notes/{note}/answer", sharers);
        Set<String> prosecutors = Set.of("cps-prosecutor");
        MATRIX.put("GET /partner/cases/{id}/cps", prosecutors);
        MATRIX.put("POST /partner/cases/{id}/cps/submissions/{submission}/review", prosecutors);
        MATRIX.put("POST /partner/cases/{id}/cps/actions", prosecutors);
        MATRIX.put("POST /partner/cases/{id}/cps/actions/{action}/done", prosecutors);
        MATRIX.put("POST /partner/cases/{id}/cps/engagements", prosecutors);
        MATRIX.put("GET /admin/partners", Set.of("admin"));
        MATRIX.put("POST /admin/partners", Set.of("admin"));
        MATRIX.put("GET /admin/partners/{code}/retire", Set.of("admin"));
        MATRIX.put("POST /admin/partners/{code}/retire", Set.of("admin"));
        MATRIX.put("GET /retention", Set.of("records-manager"));
        MATRIX.put("GET /retention/decisions", Set.of("records-manager"));
        MATRIX.put("GET /retention/crimes/{id}", Set.of("records-manager"));
        MATRIX.put("POST /retention/crimes/{id}", Set.of("records-manager"));
        MATRIX.put("GET /audit", Set.of("auditor"));
        MATRIX.put("GET /audit/export.csv", Set.of("auditor"));
        MATRIX.put("GET /audit/break-glass", Set.of("auditor"));
        MATRIX.put("POST /audit/break-glass/{id}", Set.of("auditor"));
        MATRIX.put("POST /audit/verify", Set.of("auditor"));
        MATRIX.put("GET /imports", IMPORT_ROLES);
        MATRIX.put("GET /imports/{id}", IMPORT_ROLES);
        MATRIX.put("GET /imports/{id}/report.csv", IMPORT_ROLES);
        Set<String> measureRoles = Set.of("investigator", "supervisor", "victim-liaison", "analyst", "force-lead");
        Set<String> officerRoles = Set.of("supervisor", "analyst", "force-lead");
        Set<String> dataQualityRoles = Set.of("analyst", "force-lead", "admin");
        MATRIX.put("GET /performance", measureRoles);
        MATRIX.put("GET /performance/teams", measureRoles);
        MATRIX.put("GET /performance/officers", officerRoles);
        MATRIX.put("GET /performance/{view}.csv", measureRoles);
        MATRIX.put("GET /performance/{view}.xlsx", measureRoles);
        MATRIX.put("GET /performance/data-quality", dataQualityRoles);
        MATRIX.put("GET /performance/data-quality.xlsx", dataQualityRoles);
        MATRIX.put("GET /performance/data-quality/{view}.csv", dataQualityRoles);
        MATRIX.put("GET /performance/data-quality/{view}.xlsx", dataQualityRoles);
    }

    /** API endpoints: reached with a token only, so ApiIT checks them (roles, scopes, need-to-know, audit). */
    private static final Set<String> API = Set.of("GET /api/v1/cases", "GET /api/v1/cases/{id}",
            "GET /api/v1/measures");

    /** Pages that show no personal data (so write no audit record), each with the reason. */
    private static final Map<String, String> NO_PERSONAL_DATA = Map.ofEntries(
            Map.entry("GET /retention/decisions", "review decisions: crime numbers, dates and the records manager's "
                    + "reasons, no one's details"),
            Map.entry("GET /", "a start page"),
            Map.entry("GET /joint-reviews", "months, CPS units' names and counts of cases and notes"),
            Map.entry("GET /login", "the sign-in form"),
            Map.entry("GET /error", "error pages reveal nothing"),
            Map.entry("GET /account", "the user's own account settings"),
            Map.entry("GET /account/password", "a form"),
            Map.entry("GET /account/alerts", "the user's own choice of alerts and the messages sent to them: counts only"),
            Map.entry("GET /break-glass", "an empty form"),
            Map.entry("GET /sign-in/second-factor", "a form"),
            Map.entry("GET /sign-in/set-up", "the user's own enrolment"),
            Map.entry("GET /imports", "run times and counts only"),
            Map.entry("GET /network", "the force's key fingerprint, hub address and the files it signed"),
            Map.entry("GET /network/benchmark", "counts, suppressed as they leave the force"),
            Map.entry("GET /network/progress", "the force's own maturity levels and counts of its plan's actions"),
            Map.entry("GET /network/frameworks", "national framework versions and what changed: no personal data"),
            Map.entry("GET /courses", "the training catalogue's courses and national versions: no personal data"),
            Map.entry("GET /network/registration.json", "the force's public key, name and network contact"),
            Map.entry("GET /feedback/{token}", "the victim's own form, reached by a single-use link: no case details"),
            Map.entry("POST /feedback/{token}", "the victim's answers, stored without being shown"),
            Map.entry("GET /workforce", "the user's own development record"),
            Map.entry("GET /workforce/training", "a form"),
            Map.entry("GET /workforce/plan", "a form"),
            Map.entry("GET /workforce/abstractions", "a form listing the supervisor's own team's officers"),
            Map.entry("GET /workforce/wellbeing", "the user's own wellbeing records"),
            Map.entry("GET /workforce/guidance", "published guidance"),
            Map.entry("GET /officer-surveys", "survey titles, teams, dates and counts of answers"),
            Map.entry("GET /officer-surveys/{id}", "a survey's counts, and its results for groups of k or more (ADR 42); "
                    + "reading results is audited when there are any"),
            Map.entry("GET /surveys", "the surveys open to the user"),
            Map.entry("GET /surveys/{id}", "the questionnaire"),
            Map.entry("GET /workforce/guidance/new", "a form"),
            Map.entry("GET /casework/forensics", "crime and exhibit references, kinds of device and counts"),
            Map.entry("GET /casework/stages", "the force's stages of the investigator's journey"),
            Map.entry("GET /research", "project titles, terms and researchers' user names"),
            Map.entry("GET /research/new", "a form"),
            Map.entry("GET /research/{id}", "a project's terms, its extract log and estimates from the force's measures"),
            Map.entry("GET /deep-dive", "samples' titles, periods and counts"),
            Map.entry("GET /deep-dive/{id}", "sample crimes by position and stratum, reviewers' user names"),
            Map.entry("GET /improvement", "the force's actions and aggregate measures"),
            Map.entry("GET /improvement/summary", "the force's actions and aggregate measures"),
            Map.entry("GET /improvement/new", "a form"),
            Map.entry("GET /improvement/{id}", "an action, its progress and aggregate measures"),
            Map.entry("GET /assessment", "the force's self-assessments: titles and dates"),
            Map.entry("GET /assessment/compare", "maturity levels by section"),
            Map.entry("GET /assessment/{id}", "a self-assessment's task list"),
            Map.entry("GET /assessment/{id}/sections/{code}", "the force's answers about how it works, no case data"),
            Map.entry("GET /frameworks", "framework names and versions"),
            Map.entry("GET /review-templates", "review templates' names and versions, the force's own items"),
            Map.entry("GET /review-templates/{id}", "a review template's items"),
            Map.entry("GET /review-templates/force-items/{itemId}", "one of the force's own review items"),
            Map.entry("GET /frameworks/{id}", "a framework's questions"));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EndpointRules endpoints;

    private long teamCrime;
    private long teamVictim;
    private long otherTeamCrime;

    @BeforeEach
    void ids() {
        teamCrime = jdbc.sql("select id from crime c where team_code = 'T01' and not restricted and exists (select 1 "
                + "from case_person v where v.crime_id = c.id and v.role = 'victim') order by id limit 1")
                .query(Long.class).single();
        teamVictim = jdbc.sql("select min(person_ref) from case_person where crime_id = ? and role = 'victim'")
                .param(teamCrime).query(Long.class).single();
        otherTeamCrime = jdbc.sql("select id from crime where team_code <> 'T01' and not restricted order by id limit 1")
                .query(Long.class).single();
    }

    private List<String> handlers() {
        List<String> out = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<String> methods = new HashSet<>();
            info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            for (String m : methods) {
                info.getPatternValues().forEach(p -> out.add(m + " " + p));
            }
        });
        return out;
    }

    /** Paths whose {id} is not a crime: a number no record has, so the walk changes nothing. */
    private static final List<String> NOT_CRIMES = List.of("/research/", "/deep-dive/", "/improvement/", "/assessment/",
            "/joint-reviews/",
            "/frameworks/", "/review-templates/");

    private String concrete(String pattern) {
        boolean notCrime = NOT_CRIMES.stream().anyMatch(pattern::startsWith);
        return pattern.replace("{id}", notCrime ? "999999" : Long.toString(teamCrime)).replace("{grantId}", "1")
                .replace("{ref}", Long.toString(teamVictim)).replace("{review}", "1").replace("{token}", "x")
                .replace("{code}", "NOBODY").replace("{username}", "nobody-here").replace("{pair}", "1-2").replace("{force}", "NWP")
                .replace("{orderId}", "NONE").replace("{line}", "1").replace("{request}", "1").replace("{device}", "1")
                .replace("{bail}", "1").replace("{share}", "999999").replace("{submission}", "999999").replace("{event}", "999999").replace("{note}", "999999").replace("{crime}", "999999").replace("{action}", "1").replace("{position}", "1").replace("{itemId}", "999999").replace("{evidence}", "1")
                .replace("{view}", pattern.startsWith("/performance/data-quality/") ? "gaps" : "funnel");
    }

    @Test
    void everyHandlerHasAnExplicitRuleAndARowInTheMatrix() {
        PathPatternParser parser = new PathPatternParser();
        for (String handler : handlers()) {
            String pattern = handler.substring(handler.indexOf(' ') + 1);
            String path = pattern.replaceAll("\\{[^}]+}", "1");
            boolean covered = endpoints.rules().stream()
                    .anyMatch(r -> parser.parse(r.pattern()).matches(PathContainer.parsePath(path)));
            assertThat(covered).as(handler + " has no rule in EndpointRules (it would be refused)").isTrue();
            assertThat(MATRIX.containsKey(handler) || NO_PERSONAL_DATA.containsKey(handler) || API.contains(handler))
                    .as(handler + " is missing from this test's role matrix").isTrue();
        }
    }

    @Test
    void eachRoleReachesExactlyWhatTheMatrixSays() {
        for (String role : ROLES) {
            WebClient web = new WebClient(port);
            web.signIn(role, PASSWORD);
            for (Map.Entry<String, Set<String>> row : MATRIX.entrySet()) {
                String method = row.getKey().substring(0, row.getKey().indexOf(' '));
                String pattern = row.getKey().substring(method.length() + 1);
                if (pattern.equals("/account/sign-out-everywhere")) {
                    continue; // would end the session the rest of the walk needs; SignInIT covers it
                }
                String path = concrete(pattern) + (pattern.equals("/audit/export.csv") ? "?user=nobody" : "");
                HttpResponse<String> r = method.equals("GET") ? web.get(path) : web.post(path, Map.of());
                boolean allowed = row.getValue().contains(role);
                if (allowed) {
                    assertThat(r.statusCode()).as(role + " " + row.getKey()).isNotEqualTo(403);
                    assertThat(WebClient.location(r)).as(role + " " + row.getKey()).doesNotStartWith("/login");
                } else {
                    assertThat(r.statusCode()).as(role + " " + row.getKey() + " must be refused").isEqualTo(403);
                }
            }
        }
    }

    @Test
    void anotherTeamsCrimeIsNotFoundOnEveryPath() {
        WebClient web = new WebClient(port);
        web.signIn("investigator", PASSWORD);
        assertThat(web.get("/cases/" + teamCrime).statusCode()).isEqualTo(200);
        HttpResponse<String> other = web.get("/cases/" + otherTeamCrime);
        assertThat(other.statusCode()).isEqualTo(404);
        HttpResponse<String> missing = web.get("/cases/99999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(withoutTokens(other.body())).as("not found and forbidden look the same")
                .isEqualTo(withoutTokens(missing.body()));
        String ref = jdbc.sql("select crime_ref from crime where id = ?").param(otherTeamCrime).query(String.class)
                .single();
        assertThat(web.get("/cases?q=" + ref).body()).contains("No cases match")
                .doesNotContain("href=\"/cases/" + otherTeamCrime + "\"");
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'investigator' and action = 'DENIED' "
                + "and object_ref = ? and records = array[cast(? as text)]").params("id:" + otherTeamCrime, "NWP:" + ref)
                .query(Long.class).single()).as("the attempt names the crime tried").isPositive();

        WebClient supervisor = new WebClient(port);
        supervisor.signIn("supervisor", PASSWORD);
        assertThat(supervisor.get("/cases/" + otherTeamCrime + "/access").statusCode()).isEqualTo(404);
    }

    /**
     * A name typed into the search may be a victim's: the log keeps a keyed hash of it with the match count, never
     * the name, and an auditor finds who searched for it by typing search: and the name.
     */
    @Test
    void aSearchTermIsLoggedAsAKeyedHashThatAnAuditorCanLookUp() {
        String surname = "Zzyzxquillon";
        WebClient web = new WebClient(port);
        web.signIn("investigator", PASSWORD);
        assertThat(web.get("/cases?q=" + surname).statusCode()).isEqualTo(200);
        String logged = jdbc.sql("select detail || ' ' || array_to_string(records, ' ') from audit_event "
                + "where username = 'investigator' and action = 'SEARCH' order by seq desc limit 1")
                .query(String.class).single();
        assertThat(logged).doesNotContainIgnoringCase(surname).contains("kept as a keyed hash", "0 matches")
                .containsPattern("NWP:search:[0-9a-f]{32}");
        WebClient auditor = new WebClient(port);
        auditor.signIn("auditor", PASSWORD);
        String found = auditor.get("/audit?record=search:" + surname.toLowerCase()).body();
        assertThat(found).doesNotContain("No records match").contains("searched for a term (kept as a keyed hash)");
        assertThat(jdbc.sql("select count(*) from audit_event where detail ilike ?").param("%" + surname + "%")
                .query(Long.class).single()).as("not even the auditor's own search keeps the name").isZero();
    }

    /** Issue 24: an auditor checks the whole log from their page, as the command does, and the check is logged. */
    @Test
    void anAuditorVerifiesTheLogFromTheirPageAndTheCheckIsRecorded() {
        WebClient auditor = new WebClient(port);
        auditor.signIn("auditor", PASSWORD);
        var verified = auditor.post("/audit/verify", Map.of());
        assertThat(WebClient.location(verified)).isEqualTo("/audit");
        assertThat(auditor.get("/audit").body()).containsPattern("The audit log is intact: [0-9,]+ records");
        assertThat(jdbc.sql("select detail from audit_event where username = 'auditor' and object_type = 'audit_log' "
                + "and detail like 'audit log verified%' order by seq desc limit 1").query(String.class).single())
                .startsWith("audit log verified from the auditor's page: intact");
    }

    /** Issue 24: an auditor finds a crime and a person by the reference and id the case pages show. */
    @Test
    void anAuditorFindsACrimeAndAPersonAsThePagesShowThem() {
        long crimeId = jdbc.sql("select id from crime where not restricted and team_code = 'T01' order by id limit 1")
                .query(Long.class).single();
        String ref = jdbc.sql("select crime_ref from crime where id = ?").param(crimeId).query(String.class).single();
        String personId = jdbc.sql("select p.person_id from person p join case_person cp on cp.person_ref = p.id "
                + "where cp.crime_id = ? order by p.id limit 1").param(crimeId).query(String.class).single();
        WebClient web = new WebClient(port);
        web.signIn("investigator", PASSWORD);
        assertThat(web.get("/cases/" + crimeId).statusCode()).isEqualTo(200);
        WebClient auditor = new WebClient(port);
        auditor.signIn("auditor", PASSWORD);
        for (String typed : List.of(ref, "NWP:" + ref, personId, "NWP:person:" + personId)) {
            String page = auditor.get("/audit?record=" + java.net.URLEncoder.encode(typed,
                    java.nio.charset.StandardCharsets.UTF_8)).body();
            assertThat(page).as(typed).doesNotContain("No records match").contains("investigator");
        }
    }

    /** Issue 24: a page number past the end of a list ("Page 41 of 40") goes to the last page, filters kept. */
    @Test
    void aPagePastTheEndOfAListGoesToTheLastPage() {
        WebClient auditor = new WebClient(port);
        auditor.signIn("auditor", PASSWORD);
        var past = auditor.get("/audit?user=investigator&page=99999");
        assertThat(past.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(past)).startsWith("/audit?user=investigator&page=").doesNotContain("99999");
        assertThat(auditor.get(WebClient.location(past)).body()).doesNotContain("Page 99999");
        assertThat(auditor.get("/audit?user=investigator&page=1").statusCode()).isEqualTo(200);
    }

    /** A page less what differs on every response: its CSRF token and CSP nonce. */
    private static String withoutTokens(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "").replaceAll("nonce=\"[^\"]+\"", "");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        WebClient web = new WebClient(port);
        web.signIn("investigator", PASSWORD);
        HttpResponse<String> r = web.postRaw("/break-glass", Map.of("crimeRef", "X", "reason", "x".repeat(30)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(web.postRaw("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(new WebClient(port).postRaw("/login", Map.of("username", "investigator", "password", PASSWORD))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        WebClient web = new WebClient(port);
        HttpResponse<String> login = web.get("/login");
        web.signIn("investigator", PASSWORD);
        HttpResponse<String> page = web.get("/cases/" + teamCrime);
        for (HttpResponse<String> r : List.of(login, page)) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                    .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'").doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("Strict-Transport-Security").orElse("")).startsWith("max-age=31536000");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
            String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
            assertThat(r.body()).contains("nonce=\"" + nonce + "\"");
        }
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .as("a fresh nonce per response").isNotEqualTo(page.headers().firstValue("Content-Security-Policy"));
    }

    @Test
    void errorPagesRevealNothing() {
        WebClient web = new WebClient(port);
        web.signIn("investigator", PASSWORD);
        for (String path : List.of("/cases/not-a-number", "/cases/99999999", "/cases?page=-1&from=31/02/2024")) {
            HttpResponse<String> r = web.get(path);
            // Random CSRF tokens and nonces can spell "SQL" (one did): look at the page without them.
            assertThat(withoutTokens(r.body())).as(path).doesNotContain("Exception", "org.springframework", "org.soteria",
                    "at java.", "SQL");
        }
    }

    @Test
    void everyAnswerWithPersonalDataIsAudited() {
        long importRun = jdbc.sql("select min(id) from import_run").query(Long.class).single();
        Map<String, String[]> reads = new LinkedHashMap<>();
        reads.put("GET /cases", new String[] {"investigator", "/cases"});
        reads.put("GET /cases/{id}", new String[] {"investigator", "/cases/" + teamCrime});
        reads.put("GET /cases/{id}/access", new String[] {"supervisor", "/cases/" + teamCrime + "/access"});
        reads.put("GET /audit", new String[] {"auditor", "/audit"});
        reads.put("GET /cases/{id}/sharing", new String[] {"investigator", "/cases/" + teamCrime + "/sharing"});
        reads.put("GET /partner/cases", new String[] {"cps-prosecutor", "/partner/cases"});
        reads.put("GET /partner/milestones", new String[] {"isva", "/partner/milestones"});
        reads.put("GET /partner-notes", new String[] {"investigator", "/partner-notes"});
        reads.put("GET /admin/partners", new String[] {"admin", "/admin/partners"});
        reads.put("GET /retention", new String[] {"records-manager", "/retention"});
        reads.put("GET /retention/crimes/{id}", new String[] {"records-manager", "/retention/crimes/" + teamCrime});
        reads.put("GET /audit/export.csv", new String[] {"auditor", "/audit/export.csv?user=investigator"});
        reads.put("GET /audit/break-glass", new String[] {"auditor", "/audit/break-glass"});
        reads.put("GET /admin/users", new String[] {"admin", "/admin/users"});
        reads.put("GET /admin/users/{username}", new String[] {"admin", "/admin/users/investigator"});
        reads.put("GET /imports/{id}/report.csv", new String[] {"force-lead", "/imports/" + importRun + "/report.csv"});
        reads.put("GET /performance", new String[] {"analyst", "/performance"});
        reads.put("GET /performance/teams", new String[] {"analyst", "/performance/teams"});
        reads.put("GET /performance/officers", new String[] {"supervisor", "/performance/officers?team=T01"});
        reads.put("GET /performance/{view}.csv", new String[] {"analyst", "/performance/funnel.csv"});
        reads.put("GET /performance/{view}.xlsx", new String[] {"analyst", "/performance/dashboard.xlsx"});
        reads.put("GET /performance/data-quality", new String[] {"admin", "/performance/data-quality"});
        reads.put("GET /performance/data-quality.xlsx", new String[] {"admin", "/performance/data-quality.xlsx"});
        reads.put("GET /performance/data-quality/{view}.csv", new String[] {"analyst",
            "/performance/data-quality/gaps.csv"});
        reads.put("GET /performance/data-quality/{view}.xlsx", new String[] {"analyst",
            "/performance/data-quality/unmapped.xlsx"});
        String officer = jdbc.sql("select min(officer_code) from officer where team_code = 'T01' and officer_code is "
                + "distinct from (select officer_code from app_user where username = 'supervisor')").query(String.class)
                .single();
        reads.put("GET /workforce/officers/{code}", new String[] {"supervisor", "/workforce/officers/" + officer});
        reads.put("GET /workforce/teams", new String[] {"force-lead", "/workforce/teams"});
        String victim = "/cases/" + teamCrime + "/victims/" + teamVictim;
        reads.put("GET /cases/{id}/victims/{ref}", new String[] {"victim-liaison", victim});
        reads.put("GET /cases/{id}/victims/{ref}/plan", new String[] {"victim-liaison", victim + "/plan"});
        reads.put("GET /cases/{id}/victims/{ref}/contacts", new String[] {"investigator", victim + "/contacts"});
        reads.put("GET /cases/{id}/victims/{ref}/journey", new String[] {"supervisor", victim + "/journey"});
        reads.put("GET /victims/due", new String[] {"victim-liaison", "/victims/due?scope=team"});
        reads.put("GET /victims/overdue", new String[] {"supervisor", "/victims/overdue"});
        reads.put("GET /victims/feedback-comments", new String[] {"force-lead", "/victims/feedback-comments"});
        String crime = "/cases/" + teamCrime;
        for (String page : List.of("/plan", "/plan/lines/new", "/requests", "/requests/new", "/devices", "/bail", "/cps")) {
            reads.put("GET /cases/{id}" + page, new String[] {"investigator", crime + page});
        }
        reads.put("GET /cases/{id}/reviews", new String[] {"victim-liaison", crime + "/reviews"});
        reads.put("GET /cases/{id}/reviews/new", new String[] {"supervisor", crime + "/reviews/new"});
        reads.put("GET /casework", new String[] {"supervisor", "/casework"});
        reads.put("GET /repeat-suspects", new String[] {"analyst", "/repeat-suspects"});
        reads.put("GET /repeat-suspects.csv", new String[] {"analyst", "/repeat-suspects.csv"});
        reads.put("GET /repeat-suspects/links", new String[] {"analyst", "/repeat-suspects/links"});
        reads.put("GET /disruption", new String[] {"investigator", "/disruption"});
        reads.put("GET /disruption/alerts", new String[] {"investigator", "/disruption/alerts"});
        // An import run's page shows rejected values only when it has problems; ImportReportDownloadIT covers that.
        // Check-ins shared with the user are audited when there are any; the demo accounts share none.
        // A register entry, a proposed link, an order and the new-order form need linked records: RepeatSuspectIT.
        // An extract is audited as a disclosure when the project exists and is approved: ResearchIT. A sample
        // crime's file, a sample's findings and its disagreements need a sample: DeepDiveIT and DeepDiveBrowserIT.
        // The notices page is audited with each person when the hub has reported any: LearningNetworkBrowserIT.
        // A shared case's page (and a shared file's CPS page) needs a share of the partner's organisation:
        // PartnerSharingIT and CpsInTheCaseIT.
        // Retiring a partner organisation is confirmed on a page of an active organisation: PartnerSharingBrowserIT.
        Set<String> conditional = Set.of("GET /admin/partners/{code}/retire", "GET /joint-reviews/{id}", "GET /partner/cases/{id}", "GET /partner/cases/{id}/cps", "GET /network/notices", "GET /assessment/{id}/evidence/{evidence}", "GET /research/{id}/extract.csv", "GET /deep-dive/{id}/crimes/{position}",
                "GET /deep-dive/{id}/findings", "GET /deep-dive/{id}/disagreements", "GET /deep-dive/{id}/findings.csv",
                "GET /deep-dive/{id}/report", "GET /deep-dive/{id}/report.csv",
                "GET /imports/{id}",
                "GET /workforce/wellbeing/shared", "GET /repeat-suspects/{id}",
                "GET /repeat-suspects/links/{pair}", "GET /disruption/orders/{force}/{orderId}", "GET /disruption/new");
        for (String handler : handlers()) {
            if (handler.startsWith("GET ")) {
                assertThat(reads.containsKey(handler) || NO_PERSONAL_DATA.containsKey(handler)
                        || conditional.contains(handler) || API.contains(handler)).as(handler + ": is it audited? add it to this test").isTrue();
            }
        }
        for (Map.Entry<String, String[]> read : reads.entrySet()) {
            WebClient web = new WebClient(port);
            web.signIn(read.getValue()[0], PASSWORD);
            HttpResponse<String> r = web.get(read.getValue()[1]);
            assertThat(r.statusCode()).as(read.getKey()).isEqualTo(200);
            String requestId = r.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(jdbc.sql("select count(*) from audit_event where request_id = ? and username = ?")
                    .params(requestId, read.getValue()[0]).query(Long.class).single())
                    .as(read.getKey() + " wrote an audit record for its request").isPositive();
        }
    }
}
