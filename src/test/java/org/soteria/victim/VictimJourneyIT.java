package org.soteria.victim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportResult;
import org.soteria.exchange.ImportService;
import org.soteria.platform.Invalid;
import org.soteria.reference.EventType;
import org.soteria.reference.WithdrawalReason;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Victims' Code engine over an imported bundle, against obligations worked out by hand: due dates
 * across weekends, bank holidays and both clock changes (triggers late in the evening, with and without
 * an offset), every state, victims told together or one by one. Then the rules the database ships,
 * and the journey's changes: contact log, withdrawal, review, the single-use feedback link.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:import", "spring.main.banner-mode=off"})
class VictimJourneyIT {

    @Autowired
    VictimService victims;

    @Autowired
    VictimQueueService victimQueues;

    @Autowired
    FeedbackService feedback;

    @Autowired
    VictimRepository repository;

    @Autowired
    VictimsCodeRules rules;

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:import");
        new Bundles(dir).file("cases.csv",
                        "crime_ref,force_code,offence_code,recorded_date,report_source,victim_consented,team_code,officer_code",
                        "A,NWP,19C,2026-03-02,victim,,T1,O1",
                        "B,NWP,19C,2026-03-20,victim,,T1,O1",
                        "C,NWP,19F,2026-12-23,third_party,false,T1,O2",
                        "D,NWP,19C,2026-11-02,third_party,false,T1,O2")
                .file("people.csv", "person_id,given_name,family_name", "V1,Ann,Archer", "V2,Beth,Baker",
                        "V3,Cara,Cole", "V4,Dee,Dunn", "V5,Eve,Ellis", "S1,Sam,Stone")
                .file("case_people.csv", "crime_ref,person_id,role", "A,V1,victim", "A,V2,victim", "A,S1,suspect",
                        "B,V3,victim", "C,V4,victim", "D,V5,victim")
                .file("events.csv", "event_id,crime_ref,event_type,occurred_at,person_id,detail",
                        // A: V1 told on the due date; V2 never. A referral for each, V2's a day late. One needs
                        // assessment for every victim (no person) on the day of first contact.
                        "E1,A,arrest,2026-03-06T10:00,,",
                        "N1,A,victim_notified,2026-03-09T17:00,V1,E1",
                        ",A,support_referral,2026-03-04,V1,isva",
                        ",A,support_referral,2026-03-05,V2,victim_support",
                        ",A,first_contact,2026-03-03T09:00,V1,",
                        ",A,needs_assessment,2026-03-03T11:00,,",
                        // B: spring forward (29 March 2026, 01:00 UTC) and fall back (25 October 2026, 01:00 UTC).
                        "E2,B,charge,2026-03-28T23:30:00Z,,", // Saturday 28 March, 23:30 GMT
                        "E3,B,bail,2026-03-29T23:30:00Z,,", // Monday 30 March, 00:30 BST
                        "E10,B,interview_under_caution,2026-03-29 23:30,,", // Sunday 29 March, 23:30 BST
                        "N2,B,victim_notified,2026-03-30T22:30:00Z,,E2", // Monday 30 March, 23:30 BST: on time
                        "N3,B,victim_notified,2026-03-31T23:30:00Z,,E3", // Wednesday 1 April, 00:30 BST: late
                        "E4,B,arrest,2026-10-24T23:30:00+01:00,,", // Saturday 24 October, 23:30 BST
                        "E5,B,bail_change,2026-10-24T23:30:00Z,,", // Sunday 25 October, 00:30 BST
                        "E6,B,interview_under_caution,2026-10-25T23:30:00Z,,", // Sunday 25 October, 23:30 GMT
                        "E7,B,released_under_investigation,2026-10-26T23:30:00Z,,", // Monday 26 October, 23:30 GMT
                        // C: the worked example of victims-code.md, a key event without an id, and an open duty.
                        ",C,support_referral,2026-12-29T16:00,V4,declined",
                        "E8,C,charge,2026-12-24T15:00,,",
                        ",C,arrest,2026-12-24T09:00,,",
                        "E9,C,nfa_decision,2027-01-08T12:00,,",
                        ",C,victim_update,2027-01-05T10:00,V4,");
        ImportResult r = imports.importBundle(dir, "test", ImportProgress.NONE);
        assertThat(r.rejectedRows()).isZero();
        jdbc.sql("insert into victim_contact_plan (crime_id, person_ref, preferred_channel, update_every_days, agreed_on, "
                + "updated_by) select c.id, p.id, 'phone', 7, date '2026-12-23', 'test' from crime c, person p "
                + "where c.crime_ref = 'C' and p.person_id = 'V4'").update();
    }

    private long crime(String ref) {
        return jdbc.sql("select id from crime where crime_ref = ?").param(ref).query(Long.class).single();
    }

    private long person(String id) {
        return jdbc.sql("select id from person where person_id = ?").param(id).query(Long.class).single();
    }

    private Set<String> derived(String ref, LocalDate today, LocalDate horizon) {
        VictimRepository.CodeCrime c = repository.load(List.of(crime(ref))).get(0);
        return victims.duties(c, today, horizon).stream().map(d -> {
            String who = c.victims().stream().filter(v -> v.ref() == d.victimRef()).findFirst().orElseThrow().personId();
            VictimsCode.Obligation o = d.obligation();
            return who + " " + o.type().code() + (o.keyEventId() == null ? "" : " " + o.keyEventId()) + " "
                    + o.trigger() + " due " + o.due() + " done " + o.done() + " " + d.state().code();
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void obligationsFromAnImportedBundleMatchHandComputedOnes() {
        LocalDate today = LocalDate.of(2027, 1, 10);
        assertThat(derived("A", today, today)).containsExactlyInAnyOrder(
                "V1 key_event_notification E1 2026-03-06 due 2026-03-09 done 2026-03-09 met",
                "V2 key_event_notification E1 2026-03-06 due 2026-03-09 done null overdue",
                "V1 support_referral 2026-03-02 due 2026-03-04 done 2026-03-04 met",
                "V2 support_referral 2026-03-02 due 2026-03-04 done 2026-03-05 late",
                "V1 needs_assessment 2026-03-03 due 2026-03-03 done 2026-03-03 met",
                "V2 needs_assessment 2026-03-03 due 2026-03-03 done 2026-03-03 met");
        assertThat(derived("B", today, today)).containsExactlyInAnyOrder(
                "V3 support_referral 2026-03-20 due 2026-03-24 done null overdue",
                "V3 key_event_notification E2 2026-03-28 due 2026-03-30 done 2026-03-30 met",
                "V3 key_event_notification E3 2026-03-30 due 2026-03-31 done 2026-04-01 late",
                "V3 key_event_notification E10 2026-03-29 due 2026-03-30 done null overdue",
                "V3 key_event_notification E4 2026-10-24 due 2026-10-26 done null overdue",
                "V3 key_event_notification E5 2026-10-25 due 2026-10-26 done null overdue",
                "V3 key_event_notification E6 2026-10-25 due 2026-10-26 done null overdue",
                "V3 key_event_notification E7 2026-10-26 due 2026-10-27 done null overdue");
        assertThat(derived("C", today, today)).containsExactlyInAnyOrder(
                "V4 support_referral 2026-12-23 due 2026-12-29 done 2026-12-29 met",
                "V4 key_event_notification E8 2026-12-24 due 2026-12-29 done null overdue",
                // Without an id a key event cannot be referred to, so its duty can never be met.
                "V4 key_event_notification 2026-12-24 due 2026-12-29 done null overdue",
                "V4 key_event_notification E9 2027-01-08 due 2027-01-11 done null open",
                "V4 contact_plan_update 2026-12-23 due 2026-12-30 done null overdue",
                "V4 contact_plan_update 2026-12-30 due 2027-01-06 done 2027-01-05 met");
        // Before the trigger's next working day ends the duty is open; after, overdue.
        assertThat(derived("B", LocalDate.of(2026, 10, 26), LocalDate.of(2026, 10, 26)))
                .contains("V3 key_event_notification E7 2026-10-26 due 2026-10-27 done null open");
        assertThat(repository.load(List.of(crime("C"))).get(0).thirdPartyWithoutConsent()).isTrue();
        assertThat(repository.load(List.of(crime("A"))).get(0).thirdPartyWithoutConsent()).isFalse();
    }

    @Test
    void everyBankHolidayOfEnglandAndWalesFrom2018To2027() {
        WorkingDays days = rules.code().workingDays();
        Map<Integer, List<String>> expected = Map.of(
                2018, List.of("01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"),
                2019, List.of("01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"),
                2020, List.of("01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"),
                2021, List.of("01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"),
                2022, List.of("01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"),
                2023, List.of("01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"),
                2024, List.of("01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"),
                2025, List.of("01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"),
                2026, List.of("01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"),
                2027, List.of("01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"));
        for (int year = 2018; year <= 2027; year++) {
            int y = year;
            assertThat(days.bankHolidays(year)).as("bank holidays of %d", year).containsExactlyInAnyOrderElementsOf(
                    expected.get(year).stream().map(md -> LocalDate.parse(y + "-" + md)).toList());
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == y; d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                assertThat(days.isWorkingDay(d)).as(d.toString())
                        .isEqualTo(!weekend && !days.bankHolidays(y).contains(d));
            }
        }
        // The worked example of victims-code.md, with the rules the database ships.
        assertThat(days.addWorkingDays(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 29));
        assertThat(days.addWorkingDays(LocalDate.of(2026, 12, 24), 5)).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(rules.code().versionOn(LocalDate.of(2026, 1, 1)).keyEventWorkingDays()).isEqualTo(1);
    }

    private SoteriaUser account(String username, Role role, String officer, List<String> member) {
        users.createAccount("test", new UserService.NewAccount(username, username, role, "NWP", officer, member,
                List.of()));
        return (SoteriaUser) users.loadUserByUsername(username);
    }

    @Test
    void loggingAContactRecordsTheEventThatMeetsTheDuty() {
        SoteriaUser solo = account("solo1", Role.VICTIM_LIAISON, "O9", List.of("T1"));
        long a = crime("A");
        long v2 = person("V2");
        long changes = jdbc.sql("select count(*) from measure_change").query(Long.class).single();
        victims.recordContact(a, v2, Instant.parse("2026-03-10T09:00:00Z"), "phone",
                VictimService.Purpose.KEY_EVENT_NOTIFICATION, "E1", "Told her of the arrest.", solo);
        assertThat(derived("A", LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 10)))
                .contains("V2 key_event_notification E1 2026-03-06 due 2026-03-09 done 2026-03-10 late");
        assertThat(jdbc.sql("select count(*) from measure_change").query(Long.class).single()).isGreaterThan(changes);
        // The event carries its own id (so an export re-imports cleanly) and the officer's code; the summary is
        // stored encrypted.
        assertThat(jdbc.sql("select event_id like 'SOT-%' and officer_code = 'O9' from event where event_type = "
                + "'victim_notified' and person_ref = ?").param(v2).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select summary from victim_contact").query(String.class).single())
                .doesNotContain("arrest").startsWith("v1.");
        assertThat(repository.contacts(a, v2)).extracting(VictimRepository.Contact::summary)
                .containsExactly("Told her of the arrest.");
        assertThatThrownBy(() -> victims.recordContact(a, v2, Instant.parse("2026-03-10T09:00:00Z"), "phone",
                VictimService.Purpose.KEY_EVENT_NOTIFICATION, "N1", "Not a key event", solo))
                .isInstanceOf(Invalid.class).hasMessageContaining("victimError.chooseTheKeyEventThe");
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'victim' and username = 'solo1'")
                .query(Long.class).single()).as("the change is audited").isPositive();
    }

    @Test
    void outsideNeedToKnowNothingIsReachedOrChanged() {
        SoteriaUser other = account("other1", Role.VICTIM_LIAISON, "O8", List.of("T2"));
        long a = crime("A");
        assertThat(victims.page(a, person("V1"), other)).isEmpty();
        assertThatThrownBy(() -> victims.recordWithdrawal(a, person("V1"), LocalDate.of(2026, 3, 10),
                WithdrawalReason.HEALTH, other)).isInstanceOf(java.util.NoSuchElementException.class);
        SoteriaUser solo = account("solo2", Role.VICTIM_LIAISON, "O9", List.of("T1"));
        assertThat(victims.page(a, person("V4"), solo)).as("V4 is not a victim of A").isEmpty();
        assertThat(victims.page(a, person("S1"), solo)).as("a suspect has no victim page").isEmpty();
        assertThat(jdbc.sql("select count(*) from event where event_type = 'victim_withdrawal'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void withdrawalsShowTheStageReachedAndReviewsTheirOutcome() {
        SoteriaUser solo = account("solo3", Role.VICTIM_LIAISON, "O9", List.of("T1"));
        long b = crime("B");
        long v3 = person("V3");
        victims.recordWithdrawal(b, v3, LocalDate.of(2026, 3, 27), WithdrawalReason.PROCESS_TOO_LONG, solo);
        victims.recordWithdrawal(b, v3, LocalDate.of(2026, 3, 30), WithdrawalReason.FEAR_OF_SUSPECT, solo);
        victims.recordReengagement(b, v3, LocalDate.of(2026, 4, 2), solo);
        VictimService.VictimPage page = victims.page(b, v3, solo).orElseThrow();
        assertThat(page.turns()).extracting(t -> t.date() + " " + t.type().code() + " " + t.stage().code())
                .containsExactly("2026-03-27 victim_withdrawal recorded", "2026-03-30 victim_withdrawal charged",
                        "2026-04-02 victim_reengaged charged");
        assertThatThrownBy(() -> victims.recordWithdrawal(b, v3, victims.today().plusDays(1), WithdrawalReason.HEALTH,
                solo)).isInstanceOf(Invalid.class);

        victims.recordReview(b, v3, "cps", LocalDate.of(2026, 4, 10), solo);
        long review = victims.page(b, v3, solo).orElseThrow().reviews().get(0).id();
        assertThatThrownBy(() -> victims.decideReview(b, v3, review, "decision_upheld", LocalDate.of(2026, 4, 1), solo))
                .isInstanceOf(Invalid.class).hasMessageContaining("{victimError.outcomeBeforeRequest|");
        victims.decideReview(b, v3, review, "decision_overturned", LocalDate.of(2026, 5, 1), solo);
        assertThat(victims.page(b, v3, solo).orElseThrow().reviews()).extracting(VictimRepository.ReviewRequest::outcome)
                .containsExactly("decision_overturned");
        assertThatThrownBy(() -> victims.decideReview(b, v3, review, "decision_upheld", LocalDate.of(2026, 5, 2), solo))
                .isInstanceOf(Invalid.class).hasMessageContaining("victimError.thisReviewAlreadyHasAn");
        assertThat(jdbc.sql("select count(*) from event where event_type = 'vrr_request'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aFeedbackLinkWorksOnceAndKeepsTheCommentApart() {
        SoteriaUser solo = account("solo4", Role.VICTIM_LIAISON, "O9", List.of("T1"));
        long c = crime("C");
        String token = victims.createFeedbackLink(c, person("V4"), solo);
        assertThat(jdbc.sql("select token_hash from feedback_invitation").query(String.class).single())
                .as("only a hash is stored").isNotEqualTo(token).hasSize(64);
        assertThat(feedback.linkState(token)).isEqualTo(FeedbackService.LinkState.USABLE);
        assertThat(feedback.linkState(token + "x")).isEqualTo(FeedbackService.LinkState.UNKNOWN);
        assertThat(feedback.submitFeedback(token, new Integer[] {5, 4, null, 3, 2}, "Kind officers."))
                .isEqualTo(FeedbackService.LinkState.USABLE);
        assertThat(feedback.submitFeedback(token, new Integer[] {1, 1, 1, 1, 1}, null))
                .as("a second submission is refused").isEqualTo(FeedbackService.LinkState.USED);
        assertThat(jdbc.sql("select dignity || ',' || fairness || ',' || coalesce(voice::text, '-') from victim_feedback")
                .query(String.class).list()).containsExactly("5,4,-");
        // The comment has no crime or person, and is encrypted.
        assertThat(jdbc.sql("select comment from feedback_comment").query(String.class).single()).startsWith("v1.")
                .doesNotContain("Kind");
        jdbc.sql("update feedback_invitation set used_at = null, expires_at = now() - interval '1 minute'").update();
        assertThat(feedback.linkState(token)).isEqualTo(FeedbackService.LinkState.EXPIRED);
        assertThat(feedback.submitFeedback(token, new Integer[] {1, 1, 1, 1, 1}, null))
                .isEqualTo(FeedbackService.LinkState.EXPIRED);
    }

    /**
     * Links cannot be made without end for one victim (an officer could otherwise answer for them): one open at a
     * time, at most three in 90 days; and feedback remembers the officer who made its link.
     */
    @Test
    void feedbackLinksAreLimitedAndRememberTheirOfficer() {
        SoteriaUser solo = account("solo6", Role.VICTIM_LIAISON, "O9", List.of("T1"));
        long c = crime("C");
        long v = person("V4");
        String first = victims.createFeedbackLink(c, v, solo);
        assertThatThrownBy(() -> victims.createFeedbackLink(c, v, solo)).isInstanceOf(Invalid.class)
                .hasMessageContaining("{victimError.linkOpen|");
        feedback.submitFeedback(first, new Integer[] {5, 5, 5, 5, 5}, null);
        assertThat(jdbc.sql("select invited_by_officer from victim_feedback").query(String.class).single())
                .isEqualTo("O9");
        String second = victims.createFeedbackLink(c, v, solo);
        jdbc.sql("update feedback_invitation set expires_at = now() - interval '1 minute' where used_at is null").update();
        victims.createFeedbackLink(c, v, solo);
        jdbc.sql("update feedback_invitation set expires_at = now() - interval '1 minute' where used_at is null").update();
        assertThat(second).isNotEqualTo(first);
        assertThatThrownBy(() -> victims.createFeedbackLink(c, v, solo)).isInstanceOf(Invalid.class)
                .hasMessageContaining("{victimError.tooManyLinks|3|90}");
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void keyRotationReencryptsContactPlansTheLogAndComments() throws Exception {
        SoteriaUser solo = account("solo5", Role.VICTIM_LIAISON, "O9", List.of("T1"));
        long a = crime("A");
        long v1 = person("V1");
        victims.savePlan(a, v1, new VictimRepository.Plan(a, v1, "phone", false, true, "07700 900123", "Evenings",
                "female", "Welsh", null, "Isla ISVA", null, null, null, 14, LocalDate.of(2026, 3, 3), null, "solo5",
                null, "cy"), solo);
        victims.recordContact(a, v1, Instant.parse("2026-03-04T10:00:00Z"), "phone", VictimService.Purpose.OTHER, null,
                "Checked she was safe.", solo);
        org.soteria.platform.FieldCipher both = org.soteria.support.RotatedKeys.cipher(":temporary:import");
        assertThat(new VictimEncryption(jdbc, both, transactions).rotate()).isEqualTo(2);
        assertThat(new VictimEncryption(jdbc, both, transactions).rotate()).as("nothing left to do").isZero();
        String stored = jdbc.sql("select safe_number from victim_contact_plan where crime_id = ?").param(a)
                .query(String.class).single();
        assertThat(org.soteria.platform.FieldCipher.keyIdOf(stored)).isEqualTo("k2");
        assertThat(both.decrypt(stored, "victim_contact_plan/" + a + "/" + v1 + "/safe_number"))
                .isEqualTo("07700 900123");
        assertThat(org.soteria.platform.FieldCipher.keyIdOf(jdbc.sql("select summary from victim_contact")
                .query(String.class).single())).isEqualTo("k2");
    }

    @Test
    void overdueCountsCoverTheUsersTeamsOrTheWholeForceForALeadWithoutTeams() {
        SoteriaUser lead = account("lead1", Role.FORCE_LEAD, null, List.of());
        VictimQueueService.Overdue force = victimQueues.overdueByTeamAndOfficer(lead);
        assertThat(force.wholeForce()).isTrue();
        assertThat(force.rows()).extracting(VictimQueueService.OverdueRow::officerCode).contains("O1", "O2");
        SoteriaUser other = account("other2", Role.VICTIM_LIAISON, null, List.of("T2"));
        assertThat(victimQueues.overdueByTeamAndOfficer(other).rows()).as("T2 has no crimes").isEmpty();
        SoteriaUser team = account("team2", Role.INVESTIGATOR, null, List.of("T1"));
        VictimQueueService.Overdue mine = victimQueues.overdueByTeamAndOfficer(team);
        assertThat(mine.wholeForce()).isFalse();
        assertThat(mine.rows().stream().mapToInt(VictimQueueService.OverdueRow::total).sum())
                .isEqualTo(force.rows().stream().mapToInt(VictimQueueService.OverdueRow::total).sum());
    }

    @Test
    void theQueueListsUndoneDutiesOfTheUsersCrimesWithThirdPartyReportsApart() {
        SoteriaUser oic = account("oic1", Role.INVESTIGATOR, "O1", List.of());
        VictimQueueService.Queue mine = victimQueues.queue(oic, VictimQueueService.Scope.MINE, null, VictimQueueService.Show.OVERDUE, 1);
        List<String> refs = new ArrayList<>();
        mine.duties().forEach(d -> refs.add(d.crimeRef()));
        // Crimes A and B are O1's; their outcome-less duties are overdue today (they are in 2026).
        assertThat(refs).containsOnly("A", "B").isNotEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'oic1' and action = 'SEARCH' "
                + "and 'NWP:person:V2' = any(records) and 'NWP:A' = any(records)").query(Long.class).single())
                .as("the queue's read names the crimes and the victims shown").isOne();
        assertThat(mine.thirdParty()).isEmpty();
        SoteriaUser team = account("team1", Role.VICTIM_LIAISON, null, List.of("T1"));
        VictimQueueService.Queue all = victimQueues.queue(team, VictimQueueService.Scope.TEAM, null, VictimQueueService.Show.OVERDUE, 1);
        // D is a third-party report the victim did not consent to: its overdue referral is listed apart.
        assertThat(all.thirdParty()).extracting(VictimService.Duty::crimeRef).containsOnly("D");
        assertThat(all.duties()).extracting(VictimService.Duty::crimeRef).doesNotContain("C", "D").contains("A", "B");
        assertThat(all.counts().get(VictimQueueService.Show.OVERDUE)).isEqualTo(all.duties().size() + all.thirdParty().size());
    }
}
