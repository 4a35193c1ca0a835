package org.soteria.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.soteria.SoteriaApplication;
import org.soteria.linkage.PersonRecord;
import org.soteria.network.BenchmarkBundle;
import org.soteria.network.Envelope;
import org.soteria.network.HubService;
import org.soteria.network.NationalCatalogue;
import org.soteria.network.NationalFrameworks;
import org.soteria.network.NetworkService;
import org.soteria.network.Signing;
import org.soteria.network.SmallNumbers;
import org.soteria.performance.MeasureService;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.suspect.LinkageService;
import org.soteria.suspect.SuspectService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The learning network end to end: a hub and two forces, each its own application context with its own
 * embedded PostgreSQL, on loopback. Force A is driven in Chromium (axe on every page), force B through its
 * service; the hub's API is also called directly with tampered, replayed, unsigned and unknown files.
 * The two demo forces are generated from the same seed, so they share every suspect: the cross-force pairs
 * can be checked against the truth.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearningNetworkBrowserIT {

    private static final String PASSWORD = "correct-horse-battery";
    private static final String SECRET = "the secret forces FA and FB agreed by telephone";
    private static ConfigurableApplicationContext hub;
    private static ConfigurableApplicationContext forceA;
    private static ConfigurableApplicationContext forceB;
    private static BrowserSession b;
    private static String hubUrl;
    private static String aUrl;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext start(String name, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--soteria.data-dir=:temporary:" + name,
                "--soteria.demo=true", "--SOTERIA_DEMO_PASSWORD=" + PASSWORD, "--soteria.audit.index-interval=PT1H"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(SoteriaApplication.class).web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    @BeforeAll
    static void startHubAndTwoForces() {
        // the hub's front door allows this test's many files from one address (the limit is RateLimiterTest's)
        hub = start("network-hub", "--soteria.mode=hub", "--soteria.network.requests-per-minute=600");
        forceA = start("network-force-a", "--soteria.demo.crimes=1200", "--soteria.demo.force-code=FA");
        forceB = start("network-force-b", "--soteria.demo.crimes=1200", "--soteria.demo.force-code=FB");
        forceA.getBean(MeasureService.class).reloadAll();
        forceB.getBean(MeasureService.class).reloadAll();
        // separate host names keep the two instances' session cookies apart in one browser
        hubUrl = "http://localhost:" + port(hub);
        aUrl = "http://127.0.0.1:" + port(forceA);
        b = new BrowserSession(port(hub));
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {forceB, forceA, hub}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private static SoteriaUser user(ConfigurableApplicationContext ctx, String name) {
        return (SoteriaUser) ctx.getBean(UserService.class).loadUserByUsername(name);
    }

    private static void signIn(String base, String user) {
        b.driver.manage().deleteAllCookies();
        b.driver.get(base + "/login");
        b.driver.findElement(By.id("username")).sendKeys(user);
        b.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        b.clickAndWaitForPage(By.cssSelector("button[type=submit]"));
    }

    /**
     * A file the hub signs for forces to pull: the newer of two is taken ({@code taken} is what it holds), then the
     * older is refused as made before it, and the newer with {@code from} changed to {@code to} as changed after
     * signing.
     */
    private static void takesTheNewerRefusesTheOlderAndTheTampered(java.util.function.Supplier<String> sign,
            java.util.function.ToIntFunction<String> upload, int taken, String from, String to) throws Exception {
        String first = sign.get();
        Thread.sleep(5);
        String newer = sign.get();
        assertThat(upload.applyAsInt(newer)).isEqualTo(taken);
        refused(() -> upload.applyAsInt(first), "made before the one already taken");
        refused(() -> upload.applyAsInt(newer.replace(from, to)), "changed after it was signed");
    }

    /** The call is refused with an {@link org.soteria.platform.Invalid} whose reasons contain {@code words}. */
    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String words) {
        assertThatThrownBy(call).isInstanceOf(org.soteria.platform.Invalid.class).satisfies(e -> assertThat(
                ((org.soteria.platform.Invalid) e).errors().values().toString()).contains(words));
    }

    private static void type(String id, String text) {
        b.driver.findElement(By.id(id)).clear();
        b.driver.findElement(By.id(id)).sendKeys(text);
    }

    private static void press(String text) {
        b.clickAndWaitForPage(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    private static String main() {
        return b.driver.findElement(By.tagName("main")).getText();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, "FB");
    }

    /** A POST to the hub naming its sender, as a force's Soteria sends it. */
    private static HttpResponse<String> post(String path, String body, String sender) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hubUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sender != null) {
            b.header("Soteria-Sender", sender);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(0)
    void theHubRunsNoneOfTheForcesSchedules() {
        for (String schedule : new String[] {"measureSchedule", "linkageSchedule"}) {
            assertThat(hub.containsBean(schedule)).as("hub: " + schedule).isFalse();
            assertThat(forceA.containsBean(schedule)).as("force: " + schedule).isTrue();
        }
        assertThat(hub.containsBean("networkController")).as("the force's network page").isFalse();
        assertThat(forceA.containsBean("hubController")).as("the hub's pages").isFalse();
        for (String page : new String[] {"caseController", "caseApi", "planController", "victimController",
            "registerController", "performanceController", "breakGlassController", "importRunController"}) {
            assertThat(hub.containsBean(page)).as("hub: the force's " + page).isFalse();
        }
        java.util.Set<String> hubPaths = new java.util.HashSet<>();
        hub.getBean(org.soteria.security.EndpointRules.class).rules().forEach(r -> hubPaths.add(r.pattern()));
        assertThat(hubPaths).as("the hub's routes").contains("/hub", "/audit/**", "/login")
                .doesNotContain("/cases", "/cases/*", "/performance", "/imports", "/network");
        java.util.Set<String> forcePaths = new java.util.HashSet<>();
        forceA.getBean(org.soteria.security.EndpointRules.class).rules().forEach(r -> forcePaths.add(r.pattern()));
        assertThat(forcePaths).contains("/cases", "/network").doesNotContain("/hub", "/api/v1/network/envelopes");
    }

    @Test
    @Order(0)
    void theHubHasOnlyItsOwnPagesAndNavigation() throws Exception {
        signIn(hubUrl, "national-coordinator");
        assertThat(b.driver.findElements(By.cssSelector("#navigation a")).stream().map(e -> e.getText()).toList())
                .contains("Comparison", "Practice library", "Forces").doesNotContain("Cases", "Performance");
        HttpResponse<String> cases = HTTP.send(HttpRequest.newBuilder(URI.create(hubUrl + "/cases")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cases.statusCode()).as("a force's page does not exist on the hub").isEqualTo(404);
        HttpResponse<String> start = HTTP.send(HttpRequest.newBuilder(URI.create(hubUrl + "/?lang=cy")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.headers().firstValue("Location")).as("the start page keeps the language asked for")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/hub?lang=cy"));
    }

    @Test
    @Order(1)
    void aForceLeadRegistersTheForceAndTheNationalTeamApprovesIt() {
        signIn(aUrl, "force-lead");
        b.driver.get(aUrl + "/network");
        assertThat(main()).contains("Not registered");
        b.assertAccessible("network-force");
        type("hubUrl", "ftp://hub.example");
        type("contact", "rasso.network@fa.police.example");
        type("secret", "too short");
        press("Save settings");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("The hub's address must start with https://")
                .contains("The shared linkage secret must be at least 16 characters");
        b.assertAccessible("network-force-errors");
        type("hubUrl", hubUrl);
        type("secret", SECRET);
        press("Save settings");
        press("Register with the hub");
        String fingerprint = forceA.getBean(NetworkService.class).status(1, 1).identity().fingerprint();
        assertThat(main()).contains("Registration sent").contains("Requested: waiting for the national team")
                .contains(fingerprint);
        b.driver.get(aUrl + "/network/benchmark");
        assertThat(main()).contains("Outcomes assigned").contains("<5")
                .contains("Victim does not support, reported by someone else").contains("Crimes recorded with a repeat suspect")
                .contains("Median days from recording to charge");
        b.assertAccessible("network-benchmark");

        signIn(hubUrl, "national-coordinator");
        // Issue 24: the coordinator's start page says what waits for them, and leads to it.
        b.driver.get(hubUrl + "/hub");
        WebElement toDecide = b.driver.findElement(By.partialLinkText("to decide"));
        assertThat(toDecide.getText()).matches("1 force's registration to decide|\\d+ forces' registrations to decide");
        assertThat(toDecide.getAttribute("href")).endsWith("/hub/forces");
        assertThat(b.driver.findElement(By.id("members")).getText()).endsWith("in the network.");
        b.driver.get(hubUrl + "/hub/forces");
        assertThat(main()).contains("Waiting for approval").contains(fingerprint);
        b.assertAccessible("hub-forces");
        b.driver.get(hubUrl + "/hub/forces/FA");
        press("Approve the registration");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter the force's peer group");
        b.assertAccessible("hub-force-errors");
        type("peerGroup", "Mostly rural");
        press("Approve the registration");
        assertThat(main()).contains("Registration approved").contains("Approved");
        b.assertAccessible("hub-force");

        // force B registers through its service; the national team approves it the same way
        NetworkService networkB = forceB.getBean(NetworkService.class);
        SoteriaUser leadB = user(forceB, "force-lead");
        networkB.saveSettings(leadB, hubUrl, "rasso.network@fb.police.example", SECRET);
        networkB.register(leadB);
        hub.getBean(HubService.class).decide("FB", true, "Mostly rural", user(hub, "national-coordinator"));
    }

    @Test
    @Order(2)
    void bothForcesShareTheirBenchmarkAndEncodingsAndHearOfTheSuspectsTheyShare() {
        signIn(aUrl, "force-lead");
        b.driver.get(aUrl + "/network");
        press("Send the benchmark to the hub");
        assertThat(main()).contains("The hub accepted the benchmark");
        press("Send the encodings to the hub");
        assertThat(main()).contains("The hub accepted the encodings").contains("encoded suspects received");
        b.assertAccessible("network-force-sent");

        NetworkService networkB = forceB.getBean(NetworkService.class);
        SoteriaUser leadB = user(forceB, "force-lead");
        assertThat(networkB.send(networkB.benchmarkFile(leadB, "https")).accepted()).isTrue();
        var answer = networkB.send(networkB.encodingsFile(leadB, "https"));
        assertThat(answer.accepted()).isTrue();
        assertThat(answer.detail()).matches("\\d+ encoded suspects received; \\d+ possible matches with other forces");

        b.driver.get(aUrl + "/network/notices");
        assertThat(main()).contains("No notices");
        press("Ask the hub for the latest notices");
        assertThat(main()).contains("Notices brought up to date").contains("FB").contains("rasso.network@fb.police.example");
        b.assertAccessible("network-notices");

        // every pair the hub found joins two records of the same person (the generator also records a person with
        // names swapped, a name missing, or only the year of birth): a name in common and the same year of birth
        JdbcClient hubDb = hub.getBean(JdbcClient.class);
        List<String[]> pairs = hubDb.sql("select token_a, token_b, force_a from hub_match").query((rs, i) ->
                new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(pairs).hasSizeGreaterThan(50);
        int same = 0;
        List<String> different = new ArrayList<>();
        for (String[] p : pairs) {
            String[] inA = p[2].equals("FA") ? new String[] {p[0], p[1]} : new String[] {p[1], p[0]};
            String a = person(forceA, inA[0]);
            String bb = person(forceB, inA[1]);
            if (samePerson(a, bb)) {
                same++;
            } else {
                different.add(a + " ~ " + bb);
            }
        }
        assertThat(same).as(String.join("\n", different.subList(0, Math.min(15, different.size())))).isGreaterThanOrEqualTo((int) Math.ceil(pairs.size() * 0.99));
        // and the hub holds no name: not in its tables, not in what force A sent
        List<PersonRecord> suspects = forceA.getBean(LinkageService.class).suspectRecords();
        String encodings = forceA.getBean(NetworkService.class).encodingsFile(user(forceA, "force-lead"), "file").text();
        for (PersonRecord p : suspects.subList(0, 50)) {
            // six letters or more: a shorter string turns up in Base64 by chance
            if (p.familyName() != null && p.familyName().length() >= 6) {
                assertThat(encodings).doesNotContain(p.familyName());
                assertThat(hubDb.sql("select count(*) from hub_receipt where reason like ?").param("%" + p.familyName()
                        + "%").query(Long.class).single()).isZero();
            }
            if (p.dateOfBirth() != null && p.dateOfBirth().length() == 10) {
                assertThat(encodings).doesNotContain(p.dateOfBirth());
            }
        }
    }

    private static String person(ConfigurableApplicationContext force, String token) {
        String personId = force.getBean(JdbcClient.class).sql("select person_id from network_token where token = ?")
                .param(token).query(String.class).single();
        return force.getBean(SuspectService.class).summary(Long.parseLong(personId))
                .map(s -> s.name().toLowerCase().replaceAll("[^a-z ]", "") + "|"
                        + (s.dateOfBirth() == null ? "" : s.dateOfBirth())).orElseThrow();
    }

    private static boolean samePerson(String a, String b) {
        String[] x = a.split("\\|", -1);
        String[] y = b.split("\\|", -1);
        boolean name = java.util.Arrays.stream(x[0].split(" ")).filter(t -> t.length() >= 3)
                .anyMatch(t -> java.util.Arrays.asList(y[0].split(" ")).contains(t));
        boolean year = x[1].isEmpty() || y[1].isEmpty() || x[1].substring(0, 4).equals(y[1].substring(0, 4));
        return name && year;
    }

    @Test
    @Order(3)
    void theHubRefusesTamperedReplayedUnsignedAndUnknownFilesWithTheReason() throws Exception {
        NetworkService networkB = forceB.getBean(NetworkService.class);
        String file = networkB.benchmarkFile(user(forceB, "force-lead"), "file").text();
        String tampered = file.replaceFirst("\\\\\"(\\d+)\\\\\"", "\\\\\"9$1\\\\\"");
        assertThat(tampered).isNotEqualTo(file);
        HttpResponse<String> r = post("/api/v1/network/envelopes", tampered);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.body()).contains("BAD_SIGNATURE").contains("changed after it was signed");

        assertThat(post("/api/v1/network/envelopes", file).statusCode()).isEqualTo(200);
        r = post("/api/v1/network/envelopes", file);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("REPLAYED").contains("Already received");

        String unsigned = file.replaceAll("\"signature\":\"[^\"]+\"", "\"signature\":\"\"");
        r = post("/api/v1/network/envelopes", unsigned);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("UNSIGNED");

        KeyPair stranger = Signing.newKeyPair();
        r = post("/api/v1/network/envelopes", Envelope.seal(Envelope.BENCHMARK, "ZZ", 1, Instant.now(), Map.of(),
                stranger.getPrivate()), "ZZ");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("ZZ is not registered");
        // FB's name on a file signed with another key
        r = post("/api/v1/network/envelopes", Envelope.seal(Envelope.BENCHMARK, "FB", 999, Instant.now(), Map.of(),
                stranger.getPrivate()));
        assertThat(r.statusCode()).isEqualTo(422);
        // A file that names FB inside but is sent as another force's is read no further than its signature.
        r = post("/api/v1/network/envelopes", file, "FA");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("BAD_SIGNATURE");
        // No sender named: nothing is read.
        r = post("/api/v1/network/envelopes", file, null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Soteria-Sender");

        r = post("/api/v1/network/registrations", "{\"force\":\"fa!\",\"name\":\"\",\"publicKey\":\"AAAA\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("The force code must be 2 to 8 capital letters or digits")
                .contains("not an Ed25519 public key");

        signIn(hubUrl, "national-coordinator");
        b.driver.get(hubUrl + "/hub/receipts");
        // Receipts are for files their sender signed: a refusal before the signature was checked leaves none, so
        // nobody can fill the hub's records in a force's name.
        assertThat(main()).contains("Refused").contains("Already received").doesNotContain("changed after it was signed")
                .doesNotContain("not signed").doesNotContain("ZZ is not registered");
        b.assertAccessible("hub-receipts");
    }

    @Test
    @Order(4)
    void theComparisonPlacesEachForceAgainstItsPeersAndNationallyAndNamesOthersOnlyToTheNationalTeam() {
        signIn(hubUrl, "national-coordinator");
        b.driver.get(hubUrl + "/hub?measure=charge_rate&quarter=total&force=FA");
        assertThat(main()).contains("against its peers and the national figure").contains("Funnel plot")
                .contains("Northmoor Police").contains("Peer group: Mostly rural");
        assertThat(b.driver.findElements(By.cssSelector("svg#funnel, svg[aria-labelledby^='funnel']"))).hasSize(1);
        b.assertAccessible("hub-comparison-national");
        b.driver.get(hubUrl + "/hub?measure=victim_does_not_support_rate");
        assertThat(main()).contains("Victim does not support rate");
        b.assertAccessible("hub-comparison-vdns");
        // issue 28: the funnel and trend for one offence group
        b.driver.get(hubUrl + "/hub?measure=charge_rate&quarter=total&force=FA&group=adult_rape");
        assertThat(b.driver.findElement(By.cssSelector("#group option[selected]")).getAttribute("value"))
                .isEqualTo("adult_rape");
        assertThat(b.driver.findElements(By.cssSelector("svg#funnel, svg[aria-labelledby^='funnel']"))).hasSize(1);
        assertThat(b.driver.findElement(By.id("funnel-title")).getAttribute("textContent")).contains("(Adult rape)");
        WebClient national = new WebClient(port(hub));
        national.signIn("national-coordinator", PASSWORD);
        HttpResponse<String> csv = national.get("/hub/comparison.csv?measure=charge_rate&quarter=total&group=adult_rape");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("Force,Outcomes assigned,Charged,Rate,Against the national rate")
                .contains("Northmoor Police,");
        assertThat(national.getBytes("/hub/comparison.xlsx?measure=charge_rate").body()).startsWith((byte) 'P',
                (byte) 'K');
        // ADR 38: the wider set, a rate on another denominator and a median with no limits
        b.driver.get(hubUrl + "/hub?measure=repeat_suspect_share&quarter=total&force=FA");
        assertThat(main()).contains("Crimes recorded with a suspect").contains("With a repeat suspect")
                .contains("Within the limits");
        b.assertAccessible("hub-comparison-repeat-suspects");
        b.driver.get(hubUrl + "/hub?measure=median_days_to_charge&quarter=total&force=FA");
        assertThat(main()).contains("By force").contains("Middle force: ").contains("No control limits").contains(" days")
                .doesNotContain("Against the national rate");
        b.assertAccessible("hub-comparison-median");
        b.driver.get(hubUrl + "/hub?measure=feedback_mean&force=FA");
        assertThat(main()).contains("Victims’ feedback, mean score (1 to 5)").contains("out of 5")
                .contains("All forces’ forms: ");
        b.assertAccessible("hub-comparison-feedback");
        b.driver.get(hubUrl + "/hub?measure=accredited_share");
        assertThat(main()).contains("Accredited share").contains("RASSO officers");
        b.driver.get(hubUrl + "/hub?measure=accredited_share&quarter=total");
        assertThat(main()).contains("This measure is of the force as a whole, by quarter");
        assertThat(national.get("/hub/comparison.csv?measure=median_days_to_outcome&quarter=total").body())
                .startsWith("Force,Outcomes assigned,Median days").contains("Northmoor Police,");

        // the hub's demo accounts now belong to force A: its lead sees A's position, no other force named
        hub.getBean(UserService.class).createDemoAccounts(PASSWORD, "FA");
        signIn(hubUrl, "force-lead");
        b.driver.get(hubUrl + "/hub?quarter=total");
        assertThat(main()).contains("against its peers").contains("other forces are on the plot, not named")
                .doesNotContain("Northmoor Police").contains("Trend");
        WebClient lead = new WebClient(port(hub));
        lead.signIn("force-lead", PASSWORD);
        HttpResponse<String> ownCsv = lead.get("/hub/comparison.csv?quarter=total");
        assertThat(ownCsv.statusCode()).isEqualTo(200);
        assertThat(ownCsv.body()).as("a force's download names no other force").doesNotContain("Northmoor Police")
                .contains(hub.getBean(JdbcClient.class).sql("select name from hub_force where force_code = 'FA'")
                        .query(String.class).single());
        b.assertAccessible("hub-comparison-force");
        b.driver.get(hubUrl + "/hub/upload");
        b.assertAccessible("hub-upload");
    }

    @Test
    @Order(5)
    void noSuppressedCountCanBeRecoveredFromWhatTheHubPublishes() {
        HubService hubService = hub.getBean(HubService.class);
        for (String force : List.of("FA", "FB")) {
            BenchmarkBundle published = hubService.published(force);
            assertThat(published.grids()).hasSize(BenchmarkBundle.MEASURES.size());
            // a median is shown only where the count it is the median of is shown
            published.medians().forEach((m, rows) -> {
                List<List<String>> counts = published.measures().get(BenchmarkBundle.MEDIAN_OF.get(m));
                for (int r = 0; r < rows.size(); r++) {
                    for (int col = 0; col < rows.get(r).size(); col++) {
                        if (!rows.get(r).get(col).equals("[c]")) {
                            assertThat(counts.get(r).get(col)).as(force + " " + m).matches("[0-9]+");
                        }
                    }
                }
            });
            assertThat(published.medians()).hasSize(2);
            assertThat(published.force().keySet()).as("the force-wide figures, one a quarter")
                    .containsExactlyElementsOf(BenchmarkBundle.FORCE);
            assertThat(published.problems()).isEmpty();
            long suppressed = published.grids().values().stream().flatMap(g -> java.util.Arrays.stream(g.shown()))
                    .flatMap(java.util.Arrays::stream).filter(c -> c.equals("<5") || c.equals("[c]")).count();
            assertThat(suppressed).as("a force of 1,200 crimes has small counts to protect").isGreaterThan(10);
            for (SmallNumbers.Range r : SmallNumbers.ranges(published.grids(), BenchmarkBundle.WITHIN)) {
                assertThat(r.greatest() - r.least()).as(force + " " + r).isGreaterThanOrEqualTo(1.0);
            }
        }
        // and the rates the comparison shows are built only on counts of 5 or more
        HubService.Comparison c = hubService.comparison(org.soteria.network.Compared.CHARGE_RATE, "total", null, true, null);
        assertThat(c.points()).allSatisfy(p -> assertThat(p.numerator()).isGreaterThanOrEqualTo(5));
    }

    @Test
    @Order(6)
    void forcesShareModerateAndTryPracticeAndTakeNoticesByFile() throws Exception {
        UserService hubUsers = hub.getBean(UserService.class);
        hubUsers.createDemoAccounts(PASSWORD, "FA");
        signIn(hubUrl, "force-lead");
        b.driver.get(hubUrl + "/hub/practice");
        assertThat(main()).contains("Early investigative advice from the CPS within 28 days");
        b.assertAccessible("practice-library");
        b.clickAndWaitForPage(By.linkText("Share practice"));
        press("Share for moderation");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("Enter a title")
                .contains("Choose the pillar the practice serves");
        b.assertAccessible("practice-form-errors");
        type("title", "Suspect-focused arrest briefing");
        b.driver.findElement(By.cssSelector("label[for='pillar']")).click();
        type("what", "A one-page briefing on the suspect before arrest.");
        type("why", "Plans looked at the victim's credibility.");
        type("evidence", "Used on 40 investigations.");
        type("contact", "rasso.network@fa.police.example");
        press("Share for moderation");
        assertThat(main()).contains("Practice shared").contains("Awaiting moderation");
        b.assertAccessible("practice-submitted");
        String practice = b.driver.getCurrentUrl();

        signIn(hubUrl, "national-coordinator");
        b.driver.get(hubUrl + "/hub/practice/moderation");
        assertThat(main()).contains("Suspect-focused arrest briefing");
        b.assertAccessible("practice-moderation");
        b.driver.get(practice);
        press("Publish");
        assertThat(main()).contains("Practice published");

        hubUsers.createDemoAccounts(PASSWORD, "FB");
        signIn(hubUrl, "analyst");
        b.driver.get(hubUrl + "/hub/practice?q=arrest+briefing");
        assertThat(main()).contains("1 practice").contains("Suspect-focused arrest briefing");
        b.assertAccessible("practice-search");
        b.driver.get(practice);
        press("We are trying this");
        type("body", "We started this in October: how did you brief the night shift?");
        press("Add the comment");
        assertThat(main()).contains("FB").contains("how did you brief the night shift");
        b.assertAccessible("practice-page");

        // files by upload, for forces whose network blocks calls out: a force's own file is taken, another's is not
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("network-files");
        java.nio.file.Path own = dir.resolve("benchmark-fb.json");
        java.nio.file.Files.writeString(own, forceB.getBean(NetworkService.class)
                .benchmarkFile(user(forceB, "force-lead"), "file").text());
        java.nio.file.Path other = dir.resolve("benchmark-fa.json");
        java.nio.file.Files.writeString(other, forceA.getBean(NetworkService.class)
                .benchmarkFile(user(forceA, "force-lead"), "file").text());
        signIn(hubUrl, "force-lead");
        b.driver.get(hubUrl + "/hub/upload");
        b.driver.findElement(By.id("file")).sendKeys(own.toString());
        press("Upload");
        assertThat(main()).contains("benchmark-fb.json accepted");
        b.driver.findElement(By.id("file")).sendKeys(other.toString());
        press("Upload");
        assertThat(main()).contains("benchmark-fa.json refused: This file is from FA; you can upload only your own "
                + "force's files");
        b.assertAccessible("hub-upload-refused");
        // and a registration by file, uploaded by the national team
        java.nio.file.Path registration = dir.resolve("registration-fc.json");
        java.nio.file.Files.writeString(registration, "{\"force\":\"FC\",\"name\":\"Force C\",\"publicKey\":\""
                + Signing.encode(Signing.newKeyPair().getPublic()) + "\",\"contact\":\"rasso@fc.police.example\"}");
        signIn(hubUrl, "national-coordinator");
        b.driver.get(hubUrl + "/hub/forces");
        b.driver.findElement(By.id("file")).sendKeys(registration.toString());
        press("Upload the registration");
        assertThat(main()).contains("Registration of FC recorded").contains("Force C");
        // While FC waits for the national team, nobody can swap its key by registering again in its name.
        HttpResponse<String> swap = post("/api/v1/network/registrations", "{\"force\":\"FC\",\"name\":\"Force C\","
                + "\"publicKey\":\"" + Signing.encode(Signing.newKeyPair().getPublic())
                + "\",\"contact\":\"attacker@example.org\"}");
        assertThat(swap.statusCode()).isEqualTo(422);
        assertThat(swap.body()).contains("FC already has a registration waiting");

        // notices by file: force A takes its own; a file meant for force B is refused
        NetworkService networkA = forceA.getBean(NetworkService.class);
        SoteriaUser leadA = user(forceA, "force-lead");
        String older = hub.getBean(HubService.class).noticesFile("FA");
        Thread.sleep(5);
        assertThat(networkA.importNotices(leadA, hub.getBean(HubService.class).noticesFile("FA"))).isPositive();
        try {
            networkA.importNotices(leadA, older);
            throw new AssertionError("an older notices file replaced newer notices");
        } catch (org.soteria.platform.Invalid e) {
            assertThat(e.errors().get("file")).contains("made before the ones already taken");
        }
        try {
            networkA.importNotices(leadA, hub.getBean(HubService.class).noticesFile("FB"));
            throw new AssertionError("a file for FB was taken in by FA");
        } catch (org.soteria.platform.Invalid e) {
            assertThat(e.errors().get("file")).contains("These notices are for FB");
        }
        Map<String, Long> views = new HashMap<>();
        forceA.getBean(JdbcClient.class).sql("select action, count(*) from audit_event where object_type like "
                + "'network%' group by action").query((rs, i) -> views.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(views).containsKeys("EXPORT", "VIEW", "IMPORT");
    }

    /**
     * The hub as the second witness of a force's audit log: it keeps the latest checkpoint the force sends and
     * answers with it; after the force's log is cut together with its checkpoints, the hub's copy gives it away.
     */
    @Test
    @Order(7)
    void theHubWitnessesAForcesAuditLogAndTheForceSeesACut() {
        NetworkService networkB = forceB.getBean(NetworkService.class);
        SoteriaUser leadB = user(forceB, "force-lead");
        forceB.getBean(org.soteria.audit.AuditCheckpointer.class).checkpoint();
        NetworkService.CheckpointWitnessed first = networkB.sendCheckpoint(leadB);
        assertThat(first.logAgrees()).isTrue();
        assertThat(first.held()).isEqualTo(first.sent());
        assertThat(hub.getBean(HubService.class).checkpoint("FB")).get()
                .extracting(org.soteria.network.Messages.Checkpoint::seq).isEqualTo(first.sent());

        // The attacker with the force's database cuts the log's tail and the checkpoints that cover it.
        org.soteria.support.DatabaseReset.owner(":temporary:network-force-b",
                "alter table audit_event disable trigger user; alter table audit_checkpoint disable trigger user; "
                        + "delete from audit_event where seq >= " + first.sent() + "; "
                        + "delete from audit_checkpoint where seq >= " + (first.sent() - 1) + "; "
                        + "alter table audit_event enable trigger user; alter table audit_checkpoint enable trigger user");
        forceB.getBean(org.soteria.audit.AuditCheckpointer.class).checkpoint();
        NetworkService.CheckpointWitnessed after = networkB.sendCheckpoint(leadB);
        assertThat(after.held()).as("the hub keeps the later copy").isEqualTo(first.sent());
        assertThat(after.logAgrees()).as("the log no longer holds the record the hub's copy names").isFalse();
        assertThat(forceB.getBean(JdbcClient.class).sql("select count(*) from audit_event where object_type = "
                + "'audit_checkpoint' and detail like 'ALERT%'").query(Long.class).single()).isOne();
    }

    /**
     * Issue 28: a force signs off a self-assessment and has a plan; its lead sees exactly what would leave, sends it,
     * and the national team sees the force in the heat map and plans across forces, and can download both. The hub
     * refuses a progress file that is tampered with, replayed, unsigned or unfit, with the reason.
     */
    @Test
    @Order(9)
    void aForcesSelfAssessmentAndPlanReachTheNationalTeamsHeatMap() throws Exception {
        SoteriaUser leadA = user(forceA, "force-lead");
        org.soteria.assessment.AssessmentService assessments = forceA.getBean(org.soteria.assessment.AssessmentService.class);
        JdbcClient dbA = forceA.getBean(JdbcClient.class);
        // the version the force accepted from the hub (the test before): the cycle runs on the national framework
        long framework = dbA.sql("select id from framework where status = 'published' and source = 'national' "
                + "order by version desc limit 1").query(Long.class).single();
        long id = assessments.start(leadA, framework, "Self-assessment autumn 2026");
        Map<String, Map<Long, Integer>> levels = new java.util.TreeMap<>();
        int level = 1;
        for (Map<String, Object> q : dbA.sql("select id, section_code from framework_question where framework_id = ? "
                + "order by id").param(framework).query().listOfRows()) {
            levels.computeIfAbsent((String) q.get("section_code"), k -> new HashMap<>())
                    .put(((Number) q.get("id")).longValue(), 1 + (level++ % 4));
        }
        for (var section : levels.entrySet()) {
            assessments.saveSection(leadA, id, section.getKey(), section.getValue(), Map.of(), true, Map.of());
        }
        assessments.signOff(leadA, id);
        forceA.getBean(org.soteria.assessment.ImprovementService.class).add(leadA,
                new org.soteria.assessment.ImprovementService.ActionForm("Suspect-focused briefing before every arrest",
                        "A one-page briefing on the suspect.", 1, "DI Rasso", java.time.LocalDate.now().minusDays(3),
                        List.of(), null), Map.of());

        signIn(aUrl, "force-lead");
        b.driver.get(aUrl + "/network/progress");
        assertThat(main()).contains("1 signed-off self-assessment").contains("Self-assessment autumn 2026")
                .contains("1. Suspect-focused investigation").contains("no earlier level");
        b.assertAccessible("network-progress");
        press("Send the progress to the hub");
        assertThat(main()).contains("The hub accepted the progress: 1 signed-off self-assessments");

        signIn(hubUrl, "national-coordinator");
        b.driver.get(hubUrl + "/hub/maturity");
        WebElement heat = b.driver.findElement(By.cssSelector("table.soteria-heat"));
        JdbcClient hubDb = hub.getBean(JdbcClient.class);
        String fa = hubDb.sql("select name from hub_force where force_code = 'FA'").query(String.class).single();
        String fb = hubDb.sql("select name from hub_force where force_code = 'FB'").query(String.class).single();
        assertThat(heat.getText()).contains(fa).contains("Self-assessment autumn 2026").contains("All forces (mean)");
        assertThat(main()).contains("Improvement plans across forces").contains("No signed-off self-assessment yet from:")
                .contains(fb);
        b.assertAccessible("hub-maturity");
        b.driver.get(hubUrl + "/hub/forces/FA");
        assertThat(main()).contains("Self-assessment autumn 2026").contains("Improvement plan by pillar");
        b.assertAccessible("hub-force-progress");
        WebClient web = new WebClient(port(hub));
        web.signIn("national-coordinator", PASSWORD);
        HttpResponse<String> csv = web.get("/hub/maturity.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("Force,Force code,Peer group,Cycle,Signed off,Framework,Section,Maturity level")
                .contains(",FA,Mostly rural,Self-assessment autumn 2026,");
        assertThat(web.get("/hub/maturity.csv?table=plans").body()).contains(",FA,Mostly rural,")
                .contains("1. Suspect-focused investigation,1,0,1,0,0");
        assertThat(web.getBytes("/hub/maturity.xlsx").body()).startsWith((byte) 'P', (byte) 'K');
        // Evaluation across forces: the national team records the day FA joined, and FA joins a cohort
        b.driver.get(hubUrl + "/hub/forces/FA");
        type("joinedOn", "31");
        type("joinedOn-month", "2");
        type("joinedOn-year", "2025");
        press("Save the joining date");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("Enter the day the force joined as a real date");
        java.time.YearMonth thisQuarter = java.time.YearMonth.of(java.time.LocalDate.now().getYear(),
                ((java.time.LocalDate.now().getMonthValue() - 1) / 3) * 3 + 1);
        java.time.LocalDate joined = thisQuarter.minusMonths(12).atDay(1);
        type("joinedOn", String.valueOf(joined.getDayOfMonth()));
        type("joinedOn-month", String.valueOf(joined.getMonthValue()));
        type("joinedOn-year", String.valueOf(joined.getYear()));
        press("Save the joining date");
        assertThat(main()).contains("Joining date saved");
        b.driver.get(hubUrl + "/hub/evaluation");
        String quarter = joined.getYear() + " Q" + ((joined.getMonthValue() - 1) / 3 + 1);
        assertThat(main()).contains("What the comparison shows").contains("Last quarter before joining (the base)")
                .contains("Parallel trends");
        assertThat(b.driver.findElement(By.xpath("//th[normalize-space()='" + quarter + "']/following-sibling::td"))
                .getText()).contains(fa);
        b.assertAccessible("hub-evaluation");

        WebClient lead = new WebClient(port(hub));
        lead.signIn("force-lead", PASSWORD);
        for (String path : List.of("/hub/maturity", "/hub/maturity.csv", "/hub/maturity.xlsx", "/hub/evaluation")) {
            assertThat(lead.get(path).statusCode()).as("a force's lead at the hub: " + path).isEqualTo(403);
        }

        // the refusals hold for the new kind of file
        NetworkService networkB = forceB.getBean(NetworkService.class);
        String file = networkB.progressFile(user(forceB, "force-lead"), "file").text();
        HttpResponse<String> r = post("/api/v1/network/envelopes", file.replace("plan", "plam"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("BAD_SIGNATURE");
        assertThat(post("/api/v1/network/envelopes", file).statusCode()).isEqualTo(200);
        r = post("/api/v1/network/envelopes", file);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body()).contains("REPLAYED");
        r = post("/api/v1/network/envelopes", file.replaceAll("\"signature\":\"[^\"]+\"", "\"signature\":\"\""));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("UNSIGNED");
        org.soteria.network.NetworkKeys keysB = forceB.getBean(org.soteria.network.NetworkKeys.class);
        String unfit = Envelope.seal(Envelope.PROGRESS, "FB", 10_000, Instant.now(), new org.soteria.network.ProgressBundle(
                "2026-12-06", List.of(), List.of()), keysB.identity("FB").privateKey());
        r = post("/api/v1/network/envelopes", unfit);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("INVALID_PAYLOAD").contains("The progress file cannot be taken: plan: one row for "
                + "each of the 6 pillars, not 0");
    }

    /**
     * Issue 28, from the hub to forces: the national coordinator publishes a new version of the framework at the hub;
     * force A's lead takes the hub's signed file, sees what changed, and accepts it. A changed, older or wrong file is
     * refused with the reason.
     */
    @Test
    @Order(8)
    void aFrameworkPublishedAtTheHubIsSeenWithItsChangesAndAcceptedByAForce() throws Exception {
        SoteriaUser coordinator = user(hub, "national-coordinator");
        org.soteria.assessment.AssessmentService hubAssessments = hub.getBean(org.soteria.assessment.AssessmentService.class);
        JdbcClient hubDb = hub.getBean(JdbcClient.class);
        long v1 = hubDb.sql("select id from framework where name = 'Operation Soteria self-assessment' and version = 1")
                .query(Long.class).single();
        long v2 = hubAssessments.newVersion(coordinator, v1);
        long question = hubDb.sql("select min(id) from framework_question where framework_id = ?").param(v2)
                .query(Long.class).single();
        String section = hubDb.sql("select section_code from framework_question where id = ?").param(question)
                .query(String.class).single();
        hubAssessments.editQuestion(coordinator, v2, question, section, new org.soteria.assessment.AssessmentService
                .QuestionWords("How early are suspects' histories and other allegations checked, and by whom?", "",
                        "Look at recent plans.", "", "Plans; reviews.", ""));
        hubAssessments.publish(coordinator, v2);

        signIn(aUrl, "force-lead");
        b.driver.get(aUrl + "/network/frameworks");
        assertThat(main()).contains("No frameworks file has been taken from the hub yet");
        press("Check the hub for new versions");
        assertThat(main()).contains("The hub's frameworks file was taken: it holds 4 versions of frameworks and review templates")
                .contains("Operation Soteria self-assessment, version 2").contains("You have version 1")
                .contains("Question reworded").contains("How early are suspects' histories and other allegations "
                        + "checked, and by whom?");
        b.assertAccessible("network-frameworks");
        press("Accept version 2");
        assertThat(main()).contains("Version 2 of Operation Soteria self-assessment accepted")
                .contains("You have every version the hub publishes");
        assertThat(forceA.getBean(JdbcClient.class).sql("select source || ' ' || status from framework where name = "
                + "'Operation Soteria self-assessment' and version = 2").query(String.class).single())
                .isEqualTo("national published");

        NationalFrameworks fb = forceB.getBean(NationalFrameworks.class);
        SoteriaUser leadB = user(forceB, "force-lead");
        takesTheNewerRefusesTheOlderAndTheTampered(hub.getBean(NationalFrameworks.class)::signedFile,
                text -> fb.upload(leadB, text), 4, "How early", "How late");
        String notices = hub.getBean(HubService.class).noticesFile("FB");
        refused(() -> fb.upload(leadB, notices), "not the hub's frameworks");
        // the hub takes no frameworks file from a force
        HttpResponse<String> r = post("/api/v1/network/envelopes", Envelope.seal(Envelope.FRAMEWORKS, "FB", 20_000,
                Instant.now(), Map.of("frameworks", List.of()), forceB.getBean(org.soteria.network.NetworkKeys.class)
                        .identity("FB").privateKey()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("comes from the hub, not to it");
    }

    /**
     * Issue 28: guidance a force marks "share with the network" reaches the hub's moderation queue; a new version goes
     * back to moderation, and a document no longer shared is withdrawn. An unfit guidance file is refused.
     */
    @Test
    @Order(10)
    void guidanceMarkedToShareReachesThePracticeLibrarysModeration() throws Exception {
        SoteriaUser leadB = user(forceB, "force-lead");
        org.soteria.workforce.GuidanceService guidance = forceB.getBean(org.soteria.workforce.GuidanceService.class);
        long shared = guidance.add(leadB, org.soteria.workforce.GuidanceService.Pillar.DATA_LED, "Monthly RASSO data "
                + "pack", true, "https://intranet.fb.police.example/rasso-data-pack", "A monthly pack of the RASSO "
                + "measures for each team, read at the performance meeting.", java.time.LocalDate.now());
        guidance.add(leadB, org.soteria.workforce.GuidanceService.Pillar.DATA_LED, "Internal only", false, null,
                "Not for the network.", java.time.LocalDate.now());
        NetworkService networkB = forceB.getBean(NetworkService.class);
        var answer = networkB.send(networkB.guidanceFile(leadB, "https"));
        assertThat(answer.accepted()).isTrue();
        assertThat(answer.detail()).isEqualTo("1 guidance documents received: 1 new and 0 changed await moderation, "
                + "0 no longer shared withdrawn");
        org.soteria.network.PracticeService practice = hub.getBean(org.soteria.network.PracticeService.class);
        JdbcClient hubDb = hub.getBean(JdbcClient.class);
        java.util.function.Function<String, String> status = title -> String.join(",", hubDb.sql("select status from "
                + "hub_practice where title = ? and force_code = 'FB'").param(title).query(String.class).list());
        assertThat(status.apply("Monthly RASSO data pack")).isEqualTo("submitted");
        assertThat(status.apply("Internal only")).isEmpty();
        assertThat(networkB.send(networkB.guidanceFile(leadB, "https")).detail()).contains("0 new and 0 changed");
        long id = hubDb.sql("select id from hub_practice where title = 'Monthly RASSO data pack'").query(Long.class)
                .single();
        practice.moderate(user(hub, "national-coordinator"), id, "publish", null);
        assertThat(status.apply("Monthly RASSO data pack")).isEqualTo("published");
        guidance.addVersion(leadB, shared, "https://intranet.fb.police.example/rasso-data-pack-2", "The pack, now "
                + "with victims' feedback by team.", java.time.LocalDate.now());
        assertThat(networkB.send(networkB.guidanceFile(leadB, "https")).detail()).contains("0 new and 1 changed");
        assertThat(status.apply("Monthly RASSO data pack")).as("a new version is moderated again").isEqualTo("submitted");
        forceB.getBean(JdbcClient.class).sql("update guidance_document set share_with_network = false where id = ?")
                .param(shared).update();
        assertThat(networkB.send(networkB.guidanceFile(leadB, "https")).detail()).contains("1 no longer shared withdrawn");
        assertThat(status.apply("Monthly RASSO data pack")).isEqualTo("withdrawn");

        HttpResponse<String> r = post("/api/v1/network/envelopes", Envelope.seal(Envelope.GUIDANCE, "FB", 30_000,
                Instant.now(), new org.soteria.network.Messages.Guidance("rasso.network@fb.police.example", List.of(
                        new org.soteria.network.Messages.Guidance.Item(1, 9, "A", 1, "ftp://x", "S", "2026-12-06"))),
                forceB.getBean(org.soteria.network.NetworkKeys.class).identity("FB").privateKey()));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("The guidance file cannot be taken: document 1: pillar 9 is not one of 1 to 6");

        signIn(aUrl, "force-lead");
        b.driver.get(aUrl + "/network");
        assertThat(main()).contains("7. Share guidance with the network")
                .contains("No guidance document is marked to share with the network");
        b.assertAccessible("network-force-guidance");
    }

    /**
     * Issue 28, ADR 39: the national team changes the training catalogue at the hub and publishes it; a force takes it,
     * sees what it changes and accepts it; its own courses stay its own. Unfit, tampered and older files are refused.
     */
    @Test
    @Order(11)
    void theNationalTrainingCatalogueIsPublishedAtTheHubAndAcceptedByAForce() throws Exception {
        signIn(hubUrl, "national-coordinator");
        b.driver.get(hubUrl + "/hub/courses");
        assertThat(main()).contains("National training catalogue").contains("Nothing has changed since the latest "
                + "version");
        b.assertAccessible("hub-courses");
        // a bad course: the page says which field and why, and keeps what was typed
        type("code", "Bad Code");
        type("name", "Investigating online-facilitated offending");
        type("validForMonths", "300");
        press("Add a course or accreditation");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("The code must be 2 to 40 lower-case letters, digits and _")
                .contains("whole number from 1 to 240");
        assertThat(b.driver.findElement(By.id("name")).getAttribute("value"))
                .isEqualTo("Investigating online-facilitated offending");
        b.assertAccessible("hub-courses-errors");
        type("code", "online_offending");
        type("validForMonths", "24");
        press("Add a course or accreditation");
        b.driver.get(hubUrl + "/hub/courses?edit=abe");
        type("validForMonths", "24");
        press("Save the changes");
        assertThat(main()).contains("2 courses changed since the latest version");
        press("Publish as version 2");
        assertThat(main()).contains("The catalogue is published as version 2");

        signIn(aUrl, "force-lead");
        JdbcClient a = forceA.getBean(JdbcClient.class);
        a.sql("insert into training_course (code, name, kind) values ('fa_induction', 'FA RASSO induction', 'course')")
                .update();
        b.driver.get(aUrl + "/courses");
        assertThat(main()).contains("No catalogue file has been taken from the hub yet");
        press("Check the hub for a new version");
        assertThat(main()).contains("Version 2 of the national catalogue taken from the hub")
                .contains("Accepting version 2 changes")
                .contains("Replaces your own course of the same code")
                .contains("Added").contains("online_offending");
        b.assertAccessible("force-courses-offer");
        press("Accept version 2");
        assertThat(main()).contains("Version 2 accepted").contains("You accepted version 2.")
                .contains("You have everything version 2 holds");
        assertThat(a.sql("select source || ' ' || valid_for_months from training_course where code = 'abe'")
                .query(String.class).single()).isEqualTo("national 24");
        assertThat(a.sql("select source from training_course where code = 'fa_induction'").query(String.class).single())
                .as("the force's own course stays its own").isEqualTo("local");
        // national courses are not changed in the force
        b.driver.get(aUrl + "/courses?edit=abe");
        assertThat(b.driver.getPageSource()).contains("Page not found");
        b.driver.get(aUrl + "/courses");
        type("code", "abe");
        type("name", "Our own ABE");
        press("Add a course or accreditation");
        assertThat(b.driver.findElement(By.cssSelector(".govuk-error-summary")).getText())
                .contains("A national course has this code");

        NationalCatalogue fb = forceB.getBean(NationalCatalogue.class);
        SoteriaUser leadB = user(forceB, "force-lead");
        takesTheNewerRefusesTheOlderAndTheTampered(hub.getBean(NationalCatalogue.class)::signedFile,
                text -> fb.upload(leadB, text), 2, "online_offending", "offline_offending");
        refused(() -> fb.upload(leadB, hub.getBean(NationalFrameworks.class).signedFile()), "not the hub's training catalogue");
        // a catalogue the hub signed but that cannot be taken: the reason names the course
        String unfit = Envelope.seal(Envelope.CATALOGUE, HubService.HUB, System.currentTimeMillis() + 60_000, Instant.now(),
                new org.soteria.workforce.CourseCatalogue.Release(3, "2026-12-07", List.of(
                        new org.soteria.workforce.CourseCatalogue.Course("abe", "ABE", null, "seminar", 12, false, null,
                                null, false))),
                hub.getBean(org.soteria.network.NetworkKeys.class).identity(HubService.HUB).privateKey());
        refused(() -> fb.upload(leadB, unfit), "course abe: the kind must be course or accreditation, not seminar");
        // the hub takes no catalogue file from a force
        HttpResponse<String> r = post("/api/v1/network/envelopes", Envelope.seal(Envelope.CATALOGUE, "FB", 30_000,
                Instant.now(), Map.of("version", 9), forceB.getBean(org.soteria.network.NetworkKeys.class)
                        .identity("FB").privateKey()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("comes from the hub, not to it");
    }

    /**
     * Issue 28, ADR 40: the practice the national team published reaches a force's guidance library as national
     * guidance; the lead sees what a version changes before accepting it, cannot change it in the force, and a practice
     * withdrawn at the hub is withdrawn in the force with the next version. Unfit, tampered and older files are refused.
     */
    @Test
    @Order(12)
    void nationalGuidanceAndPracticeFromTheHubAreAcceptedIntoAForcesLibrary() throws Exception {
        signIn(aUrl, "force-lead");
        b.driver.get(aUrl + "/workforce/guidance");
        assertThat(main()).contains("National guidance and practice")
                .contains("No guidance file has been taken from the hub yet");
        press("Check the hub for a new version");
        int first = hub.getBean(JdbcClient.class).sql("select max(version) from hub_guidance_release")
                .query(Integer.class).single();
        assertThat(main()).contains("Version " + first + " of the national guidance taken from the hub")
                .contains("Accepting version " + first + " changes").contains("Suspect-focused arrest briefing")
                .contains("Added");
        b.assertAccessible("force-guidance-offer");
        press("Accept version " + first);
        assertThat(main()).contains("Version " + first + " accepted").contains("You accepted version " + first + ".")
                .contains("You have everything version " + first + " holds")
                .contains("Why it works").contains("Plans looked at the victim's credibility.")
                .contains("written by FA, from the national library");
        b.assertAccessible("force-guidance-national");
        JdbcClient a = forceA.getBean(JdbcClient.class);
        long doc = a.sql("select id from guidance_document where source = 'national' and title = 'Suspect-focused "
                + "arrest briefing'").query(Long.class).single();
        // national guidance is changed only by accepting a version from the hub
        b.driver.get(aUrl + "/workforce/guidance/new?document=" + doc);
        assertThat(b.driver.getPageSource()).contains("Page not found");
        refused(() -> forceA.getBean(org.soteria.workforce.GuidanceService.class).addVersion(user(forceA, "force-lead"),
                doc, null, "Our words", java.time.LocalDate.now()), "guidanceError.national");

        // the national team withdraws the practice at the hub: the next version withdraws it in the force
        JdbcClient h = hub.getBean(JdbcClient.class);
        long practice = h.sql("select id from hub_practice where title = 'Suspect-focused arrest briefing'")
                .query(Long.class).single();
        hub.getBean(org.soteria.network.PracticeService.class).moderate(user(hub, "national-coordinator"), practice,
                "withdraw", "Superseded by the national briefing template");
        b.driver.get(aUrl + "/workforce/guidance");
        press("Check the hub for a new version");
        assertThat(main()).contains("Version " + (first + 1) + " of the national guidance taken from the hub")
                .contains("Withdrawn");
        press("Accept version " + (first + 1));
        assertThat(main()).contains("You accepted version " + (first + 1) + ".")
                .doesNotContain("Suspect-focused arrest briefing");
        assertThat(a.sql("select withdrawn from guidance_document where id = ?").param(doc).query(Boolean.class)
                .single()).as("kept, not shown").isTrue();

        // files by upload: the newer taken, the older and the tampered refused; an unfit file names the item
        org.soteria.network.NationalPractice fb = forceB.getBean(org.soteria.network.NationalPractice.class);
        org.soteria.network.NationalPractice atHub = hub.getBean(org.soteria.network.NationalPractice.class);
        SoteriaUser leadB = user(forceB, "force-lead");
        takesTheNewerRefusesTheOlderAndTheTampered(() -> atHub.signedFile().orElseThrow(),
                text -> fb.upload(leadB, text), first + 1, "Early investigative advice", "Late investigative advice");
        refused(() -> fb.upload(leadB, hub.getBean(NationalCatalogue.class).signedFile()),
                "not the hub's national guidance");
        String unfit = Envelope.seal(Envelope.NATIONAL_GUIDANCE, HubService.HUB, System.currentTimeMillis() + 60_000,
                Instant.now(), new org.soteria.workforce.NationalGuidance.Release(first + 2, "2026-12-07", List.of(
                        new org.soteria.workforce.NationalGuidance.Item(7, "FA", false, 9, "A title", "What", "", "",
                                "2026-12-07"))),
                hub.getBean(org.soteria.network.NetworkKeys.class).identity(HubService.HUB).privateKey());
        refused(() -> fb.upload(leadB, unfit), "item 7: the pillar must be 1 to 6, not 9");
        // the hub takes no guidance file of its own kind from a force
        HttpResponse<String> r = post("/api/v1/network/envelopes", Envelope.seal(Envelope.NATIONAL_GUIDANCE, "FB",
                40_000, Instant.now(), Map.of("version", 9), forceB.getBean(org.soteria.network.NetworkKeys.class)
                        .identity("FB").privateKey()));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("comes from the hub, not to it");
    }

    /** The hub's pages in Welsh, for the national team and for a force's lead, once it holds forces' files. */
    @Test
    @Order(13)
    void theHubsPagesAreInWelshAnswerAndPassAxe() throws Exception {
        WelshWalker walker = new WelshWalker();
        int pages = 0;
        for (String role : List.of("national-coordinator", "force-lead")) {
            WebClient web = new WebClient(port(hub));
            web.signIn(role, PASSWORD);
            signIn(hubUrl, role);
            pages += walker.walk(role, web, b);
        }
        assertThat(pages).as("hub pages walked").isGreaterThan(8);
        assertThat(walker.faults()).as(walker.faults().size() + " faults").isEmpty();
    }

    /**
     * Issue 28 and ADR 43: the case file review's template travels as frameworks do. The coordinator makes version 3 at
     * the hub, in the browser; a force's lead sees it with its changes (in English and Welsh) and accepts it; the
     * force's own items stay as they were; a version a force cannot use is refused with the item named.
     */
    @Test
    @Order(14)
    void aReviewTemplatePublishedAtTheHubIsSeenWithItsChangesAndAcceptedByAForce() throws Exception {
        JdbcClient dbA = forceA.getBean(JdbcClient.class);
        org.soteria.assessment.ReviewTemplates templatesA = forceA.getBean(org.soteria.assessment.ReviewTemplates.class);
        templatesA.addForceItem(user(forceA, "force-lead"), new org.soteria.assessment.ReviewTemplates.ItemWords(
                "interpreter", 3, "yes_no_partly", true, "Was an interpreter offered?", "", "", ""), Map.of());

        signIn(hubUrl, "national-coordinator");
        b.driver.get(hubUrl + "/review-templates");
        assertThat(main()).contains("Each version published here goes into the hub's frameworks file")
                .doesNotContain("Your force's own items");
        b.clickAndWaitForPage(By.xpath("//a[normalize-space()='Soteria case file review, version 2']"));
        press("Make a new version from this one");
        type("code", "suspect_history");
        b.driver.findElement(By.cssSelector("label[for='pillar']")).click();
        type("text", "Were the suspect's previous allegations and intelligence checked early?");
        type("textCy", "A gafodd honiadau blaenorol y sawl a ddrwgdybir eu gwirio'n gynnar?");
        press("Add the item");
        assertThat(main()).contains("Item added to the draft", "suspect_history",
                "Once published it goes into the hub's frameworks file for forces to take");
        press("Publish this version");
        assertThat(main()).contains("Published: the version is in the hub's frameworks file for forces to take");

        signIn(aUrl, "force-lead");
        b.driver.get(aUrl + "/network/frameworks");
        press("Check the hub for new versions");
        assertThat(main()).contains("it holds 5 versions of frameworks and review templates", "Case file review "
                + "templates", "Soteria case file review, version 3", "You have version 2", "Item added",
                "Were the suspect's previous allegations and intelligence checked early?");
        b.assertAccessible("network-review-templates");
        b.driver.get(aUrl + "/network/frameworks?lang=cy");
        assertThat(main()).contains("Templedi adolygu ffeiliau achos", "Adolygiad ffeil achos Soteria, fersiwn 3",
                "Eitem wedi'i hychwanegu", "Derbyn fersiwn 3 o'r templed adolygu");
        b.driver.get(aUrl + "/network/frameworks?lang=en");
        press("Accept version 3 of the review template");
        assertThat(main()).contains("Version 3 of Soteria case file review accepted")
                .contains("You have every version the hub publishes");
        assertThat(dbA.sql("select t.source || ' ' || t.status || ' ' || count(i.id) from review_template t join "
                + "review_template_item i on i.template_id = t.id where t.version = 3 group by t.id").query(String.class)
                .single()).isEqualTo("national published 10");
        assertThat(dbA.sql("select count(*) from review_template_item where force_code = 'FA' and retired_at is null")
                .query(Integer.class).single()).as("the force's own item is untouched").isEqualTo(1);
        b.driver.get(aUrl + "/review-templates");
        assertThat(main()).contains("The national team", "force_interpreter");
        assertThat(dbA.sql("select count(*) from audit_event where object_type = 'review-template' and detail like "
                + "'national version accepted: Soteria case file review, version 3, 1 changes%'").query(Long.class)
                .single()).as("the acceptance is audited").isEqualTo(1);

        NationalFrameworks fb = forceB.getBean(NationalFrameworks.class);
        SoteriaUser leadB = user(forceB, "force-lead");
        takesTheNewerRefusesTheOlderAndTheTampered(hub.getBean(NationalFrameworks.class)::signedFile,
                text -> fb.upload(leadB, text), 5, "previous allegations", "later allegations");
        java.security.PrivateKey hubKey = hub.getBean(org.soteria.network.NetworkKeys.class).identity(HubService.HUB)
                .privateKey();
        String unfit = Envelope.seal(Envelope.FRAMEWORKS, HubService.HUB, System.currentTimeMillis() + 60_000,
                Instant.now(), new org.soteria.network.Messages.Frameworks(List.of(), List.of(
                        new org.soteria.assessment.ReviewTemplateExchange.Template("Soteria case file review", "", 9,
                                List.of(new org.soteria.assessment.ReviewTemplateExchange.Item("force_x", 1, "ordinal",
                                        false, "A force's item", "", "", ""))))), hubKey);
        refused(() -> fb.upload(leadB, unfit), "review template Soteria case file review, version 9: an item's short "
                + "name");
    }
}
