package org.soteria.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.soteria.platform.DataScope;
import org.soteria.platform.Invalid;
import org.soteria.platform.Language;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 24, alerts that arrive: a person's work sent through a real SMTP server (GreenMail, started here) as a
 * morning summary and straight away when urgent work grows; to the address they chose at the force and nobody
 * else; counts and links only, never a name or a reference; in their language; each message recorded, failures
 * too, and a server that is down not hammered. The home page's notice of what is new since the last look.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:alerts", "spring.main.banner-mode=off", "soteria.demo=true",
            "soteria.demo.crimes=400", "SOTERIA_DEMO_PASSWORD=correct-horse-battery",
            "soteria.alerts.initial-delay=PT24H", "soteria.alerts.base-url=https://soteria.example.police.uk/",
            "soteria.alerts.from=soteria@example.police.uk", "soteria.measures.refresh-interval=PT1H"})
class AlertsIT {

    // A fixed port for the run, so that the server can be stopped and started again where the application looks.
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), null, ServerSetup.PROTOCOL_SMTP));
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Pattern REFERENCE = Pattern.compile("[A-Z]{2,4}/\\d{4}/\\d+|NWP-P\\d+");

    static {
        SMTP.start();
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    AlertService alerts;

    @Autowired
    AlertRepository repository;

    @Autowired
    HomeService home;

    @Autowired
    UserService users;

    @Autowired
    DataScope scope;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    javax.sql.DataSource dataSource;

    @BeforeEach
    void clean() throws Exception {
        jdbc.sql("delete from alert_choice").update();
        jdbc.sql("delete from alert_message").update();
        jdbc.sql("delete from home_seen").update();
        jdbc.sql("update app_user set language = null").update();
        SMTP.purgeEmailFromAllMailboxes();
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
    }

    private SoteriaUser user(String username) {
        return users.account(username).orElseThrow();
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(LONDON).toInstant();
    }

    @Test
    void onlyAnAddressAtTheForceIsTakenAndAWayOfSendingMustBeChosen() {
        SoteriaUser supervisor = user("supervisor");
        assertThatThrownBy(() -> alerts.choose(supervisor, "", true, false)).isInstanceOfSatisfying(Invalid.class,
                e -> assertThat(e.errors()).containsEntry("email", "{alertError.enterEmail}"));
        assertThatThrownBy(() -> alerts.choose(supervisor, "sam at police.uk", true, false))
                .isInstanceOfSatisfying(Invalid.class,
                        e -> assertThat(e.errors()).containsEntry("email", "{alertError.notAnEmail}"));
        assertThatThrownBy(() -> alerts.choose(supervisor, "sam@gmail.com", true, false))
                .isInstanceOfSatisfying(Invalid.class,
                        e -> assertThat(e.errors().get("email")).startsWith("{alertError.notTheForce|"));
        assertThatThrownBy(() -> alerts.choose(supervisor, "sam@north.police.uk, boss@gmail.com", true, false))
                .as("one address only: never a second recipient").isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> alerts.choose(supervisor, "sam@notpolice.uk", true, false))
                .as("the force's domain, not one that ends the same").isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> alerts.choose(supervisor, "sam@north.police.uk", false, false))
                .isInstanceOfSatisfying(Invalid.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("how").containsEntry("how", "{alertError.chooseHow}"));

        String audited = "select count(*) from audit_event where username = 'supervisor' and action = 'ACCOUNT_CHANGE' "
                + "and detail like 'alerts by e-mail%'";
        long before = jdbc.sql(audited).query(Long.class).single();
        alerts.choose(supervisor, "  Sam.Supervisor@North.Police.UK ", true, false);
        AlertService.Settings s = alerts.settings(supervisor);
        assertThat(s.email()).isEqualTo("sam.supervisor@north.police.uk");
        assertThat(s.chosen()).isTrue();
        assertThat(s.mailSetUp()).isTrue();
        assertThat(alerts.stop(supervisor)).isTrue();
        assertThat(alerts.stop(supervisor)).isFalse();
        assertThat(jdbc.sql(audited).query(Long.class).single()).as("choosing and stopping").isEqualTo(before + 2);
        assertThat(alerts.settings(supervisor).chosen()).isFalse();
    }

    @Test
    void theMorningSummaryComesOnceADayAtItsTimeToTheChosenAddressWithCountsAndLinksOnly() throws Exception {
        SoteriaUser supervisor = user("supervisor");
        alerts.choose(supervisor, "sam@north.police.uk", true, false);
        LocalDate day = LocalDate.now(LONDON);

        assertThat(alerts.check(at(day, 6, 55))).as("not before 07:00").isZero();
        assertThat(alerts.check(at(day, 7, 0))).isEqualTo(1);
        assertThat(alerts.check(at(day, 9, 0))).as("once a day").isZero();

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(Arrays.stream(m.getAllRecipients()).map(Object::toString)).containsExactly("sam@north.police.uk");
        assertThat(m.getRecipients(Message.RecipientType.CC)).isNull();
        assertThat(m.getFrom()[0].toString()).isEqualTo("soteria@example.police.uk");
        assertThat(m.getSubject()).isEqualTo("Soteria: your work this morning");
        String body = (String) m.getContent();
        List<Work> work = scope.asUser("supervisor", true, () -> home.work(supervisor)).values().stream()
                .flatMap(List::stream).toList();
        assertThat(work).isNotEmpty();
        assertThat(body).contains("Overdue", "supervisor reviews", "https://soteria.example.police.uk/casework?tab=reviews",
                "https://soteria.example.police.uk/account/alerts", "no names or case details");
        onlyCountsAndLinks(body);
        assertThat(repository.messages("supervisor", 20)).singleElement().satisfies(msg -> {
            assertThat(msg.kind()).isEqualTo("daily");
            assertThat(msg.sent()).isTrue();
            assertThat(msg.email()).isEqualTo("sam@north.police.uk");
            assertThat(msg.lines()).isEqualTo(work.size());
        });

        assertThat(alerts.check(at(day.plusDays(1), 7, 5))).as("the next morning").isEqualTo(1);
    }

    /** Every line of a message is one of its fixed sentences, a heading, or "- words: address"; no reference anywhere. */
    private static void onlyCountsAndLinks(String body) {
        assertThat(REFERENCE.matcher(body).find()).as(body).isFalse();
        for (String line : body.split("\r\n")) {
            assertThat(line).as(body).matches("|- \\d+ [^:]+: https://soteria\\.example\\.police\\.uk/\\S*"
                    + "|[^:/]+:?|To change or stop these messages: https://soteria\\.example\\.police\\.uk/account/alerts"
                    + "|I newid neu atal y negeseuon hyn: https://soteria\\.example\\.police\\.uk/account/alerts"
                    + "|This message holds no names or case details\\. Sign in to Soteria to see them\\."
                    + "|Nid yw'r neges hon yn cynnwys enwau na manylion achosion\\. Mewngofnodwch i Soteria i'w gweld\\.");
        }
    }

    /** Two instances of one force's Soteria behind a load balancer: only the one holding the lock sends. */
    @Test
    void whileAnotherInstanceChecksThisOneSendsNothing() throws Exception {
        SoteriaUser supervisor = user("supervisor");
        alerts.choose(supervisor, "sam@north.police.uk", true, false);
        LocalDate day = LocalDate.now(LONDON);
        try (java.sql.Connection other = dataSource.getConnection();
                java.sql.PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?)")) {
            lock.setLong(1, AlertRepository.CHECK_LOCK);
            lock.executeQuery().close();
            assertThat(alerts.check(at(day, 7, 0))).as("the other instance is checking").isZero();
            assertThat(SMTP.getReceivedMessages()).isEmpty();
            assertThat(repository.subscription("supervisor").orElseThrow().dailyDoneOn()).as("left for it").isNull();
            try (java.sql.PreparedStatement unlock = other.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, AlertRepository.CHECK_LOCK);
                unlock.executeQuery().close();
            }
        }
        assertThat(alerts.check(at(day, 7, 5))).as("once it has let go").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and granted")
                .query(Long.class).single()).as("the lock is given back after each check").isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void urgentWorkThatGrowsIsSentStraightAwayOnceInTheirLanguage() throws Exception {
        SoteriaUser supervisor = user("supervisor");
        users.chooseLanguage(supervisor, Language.WELSH);
        alerts.choose(supervisor, "sam@north.police.uk", false, true);
        Instant now = Instant.now();

        assertThat(alerts.check(now)).as("the first check only takes note of the work as it is").isZero();
        assertThat(alerts.check(now)).as("nothing has grown").isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        // The person was last told of fewer overdue reviews than they now have: the work has grown.
        Map<String, Long> told = repository.subscription("supervisor").orElseThrow().told();
        assertThat(told).isNotEmpty().allSatisfy((kind, n) -> assertThat(kind).matches("(OVERDUE|TODAY):homeWork\\..+"));
        String grown = told.keySet().iterator().next();
        java.util.Map<String, Long> fewer = new java.util.LinkedHashMap<>(told);
        fewer.put(grown, told.get(grown) - 1);
        repository.told("supervisor", fewer);

        assertThat(alerts.check(now)).isEqualTo(1);
        assertThat(alerts.check(now)).as("told once, not again until it grows again").isZero();
        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Soteria: mae gwaith wedi mynd yn hwyr neu'n ddyledus heddiw");
        assertThat(m.getHeader("Content-Language")).containsExactly("cy");
        String body = (String) m.getContent();
        assertThat(body).contains("Yn hwyr", "(newydd)");
        onlyCountsAndLinks(body);
        assertThat(repository.messages("supervisor", 5)).singleElement()
                .satisfies(msg -> assertThat(msg.kind()).isEqualTo("immediate"));
    }

    @Test
    void aFailedSendIsRecordedAndTriedAgainButNotForEver() {
        SoteriaUser supervisor = user("supervisor");
        alerts.choose(supervisor, "sam@north.police.uk", true, false);
        LocalDate day = LocalDate.now(LONDON);
        SMTP.stop();
        try {
            for (int i = 0; i < 5; i++) {
                assertThat(alerts.check(at(day, 7, 10 + i))).isZero();
            }
        } finally {
            SMTP.start();
        }
        List<AlertRepository.Message> sent = repository.messages("supervisor", 20);
        assertThat(sent).hasSize(AlertService.RETRIES).allSatisfy(m -> assertThat(m.sent()).isFalse());
        assertThat(alerts.check(at(day, 8, 0))).as("given up for today").isZero();
        assertThat(alerts.check(at(day.plusDays(1), 7, 0))).as("tomorrow is another day").isEqualTo(1);
    }

    @Test
    void aDisabledAccountGetsNothingAndATestMessageNeedsAChoiceFirst() throws Exception {
        SoteriaUser investigator = user("investigator");
        assertThatThrownBy(() -> alerts.test(investigator)).isInstanceOfSatisfying(Invalid.class,
                e -> assertThat(e.errors()).containsEntry("email", "{alertError.chooseFirst}"));
        alerts.choose(investigator, "ivan@north.police.uk", true, true);
        assertThat(alerts.test(investigator)).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Soteria: a test of your alerts");

        jdbc.sql("update app_user set enabled = false where username = 'investigator'").update();
        try {
            assertThat(alerts.check(at(LocalDate.now(LONDON).plusDays(3), 7, 0))).isZero();
        } finally {
            jdbc.sql("update app_user set enabled = true where username = 'investigator'").update();
        }
    }

    @Test
    void theHomePageNoticesWhatIsNewSinceTheLastLook() {
        SoteriaUser supervisor = user("supervisor");
        Map<Work.Urgency, List<Work>> work = scope.asUser("supervisor", true, () -> home.work(supervisor));
        assertThat(home.newSinceLastLook(supervisor, work)).as("nothing is new on a first visit").isEmpty();
        assertThat(home.newSinceLastLook(supervisor, work)).as("nor when nothing changed").isEmpty();

        Work overdue = work.get(Work.Urgency.OVERDUE).get(0);
        Work more = Work.of(overdue.urgency(), overdue.code(), overdue.count() + 2, overdue.href());
        Map<Work.Urgency, List<Work>> grown = new java.util.EnumMap<>(work);
        grown.put(Work.Urgency.OVERDUE, List.of(more));
        assertThat(home.newSinceLastLook(supervisor, grown)).containsExactly(more);
        assertThat(home.newSinceLastLook(supervisor, grown)).isEmpty();
    }
}
