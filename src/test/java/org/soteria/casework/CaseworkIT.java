package org.soteria.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.performance.MeasureFilter;
import org.soteria.performance.MeasureQuery;
import org.soteria.performance.MeasureService;
import org.soteria.performance.Measures;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.reference.EventType;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.soteria.victim.VictimService;
import org.soteria.victim.VictimsCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Casework against the database: the approval rule for requests for the victim's material (in the
 * service and again in the database), bail with its key event, order and alerts, supervisor reviews and
 * the queue, CPS referral and decisions feeding the measures, and need-to-know.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:casework", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
class CaseworkIT {

    @Autowired
    PlanService plans;

    @Autowired
    ReviewService supervisorReviews;

    @Autowired
    MaterialRequestService requests;

    @Autowired
    ForensicsService forensics;

    @Autowired
    BailService bailPeriods;

    @Autowired
    CpsService cps;

    @Autowired
    CaseworkQueueService queue;

    @Autowired
    CaseworkSupport support;

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    VictimService victims;

    @Autowired
    MeasureService measures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.soteria.platform.DataScope scope;

    @Autowired
    org.soteria.security.AccessService access;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @TempDir
    Path dir;

    private SoteriaUser investigator;
    private SoteriaUser supervisor;
    private SoteriaUser secondSupervisor;
    private SoteriaUser outsider;
    private SoteriaUser forceLead;
    private LocalDate today;
    private long crime;
    private long victim;
    private long suspect;

    private static final Map<String, String> NONE = Map.of();

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:casework");
        DatabaseReset.owner(":temporary:casework", "delete from journey_stage where position > 15; "
                + "update journey_stage set active = true");
        today = support.today();
        new Bundles(dir)
                .file("cases.csv", "crime_ref,force_code,offence_code,recorded_date,team_code,officer_code",
                        "C1,NWP,19C," + today.minusDays(10) + ",T1,O1", "C2,NWP,19C," + today.minusDays(3) + ",T2,O9")
                .file("people.csv", "person_id,given_name,family_name,date_of_birth,sex",
                        "V1,Ceri,Morgan,1990-04-05,female", "S1,Gareth,Pryce,1985-01-02,male")
                .file("case_people.csv", "crime_ref,person_id,role,relationship,age_at_offence",
                        "C1,V1,victim,,30", "C1,S1,suspect,ex_partner,35")
                .file("officers.csv", "officer_code,display_name,team_code,role", "O1,Officer One,T1,investigator",
                        "O2,Sergeant Two,T1,supervisor", "O9,Officer Nine,T2,investigator")
                .file("teams.csv", "team_code,name,force_code", "T1,Team one,NWP", "T2,Team two,NWP");
        assertThat(imports.importBundle(dir, "test", ImportProgress.NONE).rejectedRows()).isZero();
        users.createAccount("test", new UserService.NewAccount("inv", "inv", Role.INVESTIGATOR, "NWP", "O1",
                List.of("T1"), List.of()));
        users.createAccount("test", new UserService.NewAccount("sup", "sup", Role.SUPERVISOR, "NWP", "O2", List.of(),
                List.of("T1")));
        users.createAccount("test", new UserService.NewAccount("sup2", "sup2", Role.SUPERVISOR, "NWP", null, List.of(),
                List.of("T1")));
        users.createAccount("test", new UserService.NewAccount("other", "other", Role.INVESTIGATOR, "NWP", "O9",
                List.of("T2"), List.of()));
        users.createAccount("test", new UserService.NewAccount("lead", "lead", Role.FORCE_LEAD, "NWP", null, List.of(),
                List.of()));
        investigator = (SoteriaUser) users.loadUserByUsername("inv");
        supervisor = (SoteriaUser) users.loadUserByUsername("sup");
        secondSupervisor = (SoteriaUser) users.loadUserByUsername("sup2");
        outsider = (SoteriaUser) users.loadUserByUsername("other");
        forceLead = (SoteriaUser) users.loadUserByUsername("lead");
        crime = jdbc.sql("select id from crime where crime_ref = 'C1'").query(Long.class).single();
        victim = jdbc.sql("select id from person where person_id = 'V1'").query(Long.class).single();
        suspect = jdbc.sql("select id from person where person_id = 'S1'").query(Long.class).single();
    }

    private long line(SoteriaUser user, Codes.Focus focus, String text) {
        plans.addLine(user, crime, new PlanService.LineForm(focus, null, text, "O1", today.plusDays(5), null), NONE);
        return jdbc.sql("select max(id) from enquiry_line").query(Long.class).single();
    }

    private MaterialRequestService.RequestForm phoneRequest(long lineId, Codes.VictimView view, String note) {
        return new MaterialRequestService.RequestForm(victim, Codes.Material.PHONE_DOWNLOAD, lineId, null,
                "Messages with the suspect from 1 to 3 June", "The suspect says the victim invited him; the messages "
                + "show whether she did", "Screenshots from the victim were incomplete", today, view, note);
    }

    private long denied() {
        return jdbc.sql("select count(*) from audit_event where username = 'other' and action = 'DENIED'")
                .query(Long.class).single();
    }

    private static Map<String, String> errors(Runnable r) {
        try {
            r.run();
        } catch (Invalid e) {
            return e.errors();
        }
        throw new AssertionError("expected the change to be refused");
    }

    private Codes.RequestStatus status(long requestId) {
        return requests.requests(crime, investigator).orElseThrow().find(requestId).orElseThrow().status();
    }

    @Test
    void nothingGoesWithoutAJustificationAndASupervisorsApproval() {
        assertThat(errors(() -> requests.addRequest(investigator, crime, new MaterialRequestService.RequestForm(null, null, null,
                null, null, null, null, null, null, null), NONE)).keySet())
                .containsExactly("victimRef", "material", "lineId", "scope", "justification", "leastIntrusive",
                        "victimInformedOn", "victimView");
        long lineId = line(investigator, Codes.Focus.VICTIM, "What the victim and suspect said to each other");
        assertThat(errors(() -> requests.addRequest(investigator, crime, new MaterialRequestService.RequestForm(victim,
                Codes.Material.COUNSELLING_RECORDS, lineId, null, "Notes", "Why", "Options", today,
                Codes.VictimView.OBJECTS, null), NONE)).keySet()).as("records need a holder; an objection needs the "
                + "victim's words").containsExactly("holder", "victimViewNote");

        long id = requests.addRequest(investigator, crime, phoneRequest(lineId, Codes.VictimView.AGREES, null), NONE);
        assertThat(status(id)).isEqualTo(Codes.RequestStatus.AWAITING_APPROVAL);
        assertThat(errors(() -> requests.markSent(investigator, crime, id, today)))
                .containsEntry("sentOn", "{caseworkError.requestAwaitsApproval}");
        assertThat(errors(() -> requests.decide(investigator, crime, id, Codes.Decision.APPROVED, null)))
                .as("an investigator cannot approve").containsKey("permission");
        assertThatThrownBy(() -> jdbc.sql("update material_request set sent_on = current_date where id = ?").param(id)
                .update()).as("the database refuses to send an unapproved request")
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(errors(() -> requests.decide(supervisor, crime, id, Codes.Decision.REFUSED, null)))
                .containsEntry("note", "{caseworkError.enterWhyTheRequestIs}");
        requests.decide(supervisor, crime, id, Codes.Decision.APPROVED, null);
        assertThat(errors(() -> requests.decide(secondSupervisor, crime, id, Codes.Decision.REFUSED, "No")))
                .containsEntry("decision", "{caseworkError.thisRequestHasAlreadyBeen}");
        assertThat(errors(() -> requests.markReturned(investigator, crime, id, today))).containsKey("returnedOn");
        assertThat(errors(() -> requests.markSent(investigator, crime, id, today.plusDays(1))))
                .containsEntry("sentOn", Fault.notFuture("field.dateSent"));
        requests.markSent(investigator, crime, id, today);
        requests.markReturned(investigator, crime, id, today);
        assertThat(status(id)).isEqualTo(Codes.RequestStatus.RETURNED);

        long own = requests.addRequest(supervisor, crime, phoneRequest(lineId, Codes.VictimView.OBJECTS,
                "She does not want her photographs seen"), NONE);
        assertThat(errors(() -> requests.decide(supervisor, crime, own, Codes.Decision.APPROVED, "Needed")))
                .containsEntry("decision", "{caseworkError.youMadeThisRequestAnother}");
        assertThatThrownBy(() -> jdbc.sql("update material_request set decision = 'approved', status = 'approved', "
                + "decided_by = requested_by, decided_on = current_date where id = ?").param(own).update())
                .as("the database refuses a decision on one's own request")
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(errors(() -> requests.decide(secondSupervisor, crime, own, Codes.Decision.APPROVED, null)))
                .containsEntry("note", "{caseworkError.enterWhyTheRequestGoes}");
        requests.decide(secondSupervisor, crime, own, Codes.Decision.REFUSED, "Screenshots will do");
        assertThat(errors(() -> requests.markSent(investigator, crime, own, today))).containsKey("sentOn");
        assertThat(errors(() -> requests.withdraw(investigator, crime, own, "No longer needed")))
                .containsEntry("reason", "{caseworkError.cannotWithdraw|~choice.RequestStatus.refused}");

        MaterialRequestService.RequestFigures figures = requests.requestFigures(supervisor, today.minusDays(1), today);
        assertThat(figures.requested()).isEqualTo(2);
        assertThat(figures.byStatus()).containsEntry(Codes.RequestStatus.RETURNED, 1L)
                .containsEntry(Codes.RequestStatus.REFUSED, 1L);
        assertThat(figures.daysToReturn()).isEqualTo(new Distribution(1, 0, 0));
    }

    @Test
    void aVictimsDeviceIsExaminedOnlyUnderAnApprovedRequest() {
        ForensicsService.DeviceForm victimPhone = new ForensicsService.DeviceForm("EX1", Codes.DeviceType.PHONE,
                Codes.DeviceOwner.VICTIM, null, today);
        assertThat(errors(() -> forensics.addDevice(investigator, crime, victimPhone, NONE))).containsKey("requestId");
        long lineId = line(investigator, Codes.Focus.VICTIM, "Messages");
        long id = requests.addRequest(investigator, crime, phoneRequest(lineId, Codes.VictimView.AGREES, null), NONE);
        assertThat(errors(() -> forensics.addDevice(investigator, crime, new ForensicsService.DeviceForm("EX1",
                Codes.DeviceType.PHONE, Codes.DeviceOwner.VICTIM, id, today), NONE)))
                .as("awaiting approval is not enough").containsKey("requestId");
        assertThatThrownBy(() -> jdbc.sql("insert into device_exhibit (crime_id, exhibit_ref, device_type, owner_role, "
                + "submitted_on, status, recorded_by) values (?, 'EX9', 'phone', 'victim', current_date, "
                + "'awaiting_triage', 'x')").param(crime).update()).isInstanceOf(DataIntegrityViolationException.class);
        requests.decide(supervisor, crime, id, Codes.Decision.APPROVED, null);
        forensics.addDevice(investigator, crime, new ForensicsService.DeviceForm("EX1", Codes.DeviceType.PHONE,
                Codes.DeviceOwner.VICTIM, id, today.minusDays(4)), NONE);
        forensics.addDevice(investigator, crime, new ForensicsService.DeviceForm("EX2", Codes.DeviceType.COMPUTER,
                Codes.DeviceOwner.SUSPECT, null, today.minusDays(6)), NONE);
        assertThat(errors(() -> forensics.addDevice(investigator, crime, new ForensicsService.DeviceForm("ex2",
                Codes.DeviceType.PHONE, Codes.DeviceOwner.SUSPECT, null, today), NONE)))
                .containsEntry("exhibitRef", "{caseworkError.exhibitAlreadyRecorded|ex2}");

        List<DeviceRepository.Device> devices = forensics.devices(crime, investigator).orElseThrow().devices();
        DeviceRepository.Device suspectsComputer = devices.stream().filter(d -> d.exhibitRef().equals("EX2")).findFirst()
                .orElseThrow();
        assertThat(errors(() -> forensics.advanceDevice(investigator, crime, suspectsComputer.id(), today, null)))
                .containsEntry("triage", "{caseworkError.selectTheTriageLevel}");
        assertThat(errors(() -> forensics.advanceDevice(investigator, crime, suspectsComputer.id(), today.minusDays(7),
                Codes.Triage.PRIORITY))).containsKey("on");
        forensics.advanceDevice(investigator, crime, suspectsComputer.id(), today.minusDays(5), Codes.Triage.PRIORITY);
        long deviceId = suspectsComputer.id();
        forensics.advanceDevice(investigator, crime, deviceId, today.minusDays(3), null);
        forensics.advanceDevice(investigator, crime, deviceId, today.minusDays(1), null);
        ForensicsService.ForensicQueue queue = forensics.forensicQueue(supervisor, 90);
        assertThat(queue.waiting()).extracting(DeviceRepository.Device::exhibitRef).containsExactly("EX1");
        assertThat(queue.waitingByStatus()).containsEntry(Codes.DeviceStatus.AWAITING_TRIAGE, 1L);
        assertThat(queue.turnaroundByTriage().get(Codes.Triage.PRIORITY.code()))
                .isEqualTo(new Distribution(1, 5, 5));
    }

    @Test
    void bailWritesTheKeyEventTheVictimMustBeToldOfAndAlertsBeforeItEnds() {
        assertThat(errors(() -> bailPeriods.addBail(investigator, crime, new BailService.BailForm(suspect,
                Codes.BailKind.BAIL, today.minusDays(8), today.minusDays(8).plusMonths(4), null, null, null), NONE)))
                .containsOnlyKeys("authorisedBy");
        assertThat(errors(() -> bailPeriods.addBail(investigator, crime, new BailService.BailForm(suspect,
                Codes.BailKind.RUI, today, null, null, null, "Not to contact"), NONE)))
                .containsOnlyKeys("reviewOn", "conditions");
        assertThat(errors(() -> bailPeriods.addBail(investigator, crime, new BailService.BailForm(suspect,
                Codes.BailKind.BAIL, today.minusDays(11), today.plusDays(10), null, null, null), NONE)))
                .as("not before the crime was recorded").containsOnlyKeys("startedOn");
        bailPeriods.addBail(investigator, crime, new BailService.BailForm(suspect, Codes.BailKind.BAIL,
                today.minusDays(8), today.plusDays(10), null, null, "Not to contact the victim"), NONE);

        assertThat(jdbc.sql("select count(*) from event where crime_id = ? and event_type = 'bail' and person_ref = ?")
                .params(crime, suspect).query(Long.class).single()).isEqualTo(1);
        assertThat(victims.page(crime, victim, investigator).orElseThrow().duties()).anySatisfy(d -> {
            assertThat(d.obligation().type()).isEqualTo(VictimsCode.ObligationType.KEY_EVENT_NOTIFICATION);
            assertThat(d.obligation().keyEvent()).isEqualTo(EventType.BAIL);
        });
        assertThat(jdbc.sql("select expires_date from civil_order where person_ref = ? and order_type = "
                + "'pre_charge_bail_conditions'").param(suspect).query(LocalDate.class).single())
                .isEqualTo(today.plusDays(10));

        CaseworkQueueService.Queue q = queue.queue(investigator);
        assertThat(q.bail()).singleElement().satisfies(i -> {
            assertThat(i.what()).isEqualTo("{caseworkAlert.bailExpiresIn|=10|@" + today.plusDays(10) + "}");
            assertThat(i.crimeRef()).isEqualTo("C1");
        });
        assertThat(queue.queue(outsider).bail()).isEmpty();

        BailRepository.Bail bail = bailPeriods.bail(crime, investigator).orElseThrow().periods().get(0).bail();
        LocalDate beyond = today.minusDays(8).plusMonths(3).plusDays(5);
        assertThat(errors(() -> bailPeriods.changeBail(investigator, crime, bail.id(), beyond, null, null, NONE)))
                .as("beyond three months from the start").containsOnlyKeys("authorisedBy");
        bailPeriods.changeBail(investigator, crime, bail.id(), beyond, today.plusDays(20), "Supt Evans", NONE);
        assertThat(queue.queue(investigator).bail()).isEmpty();
        assertThat(jdbc.sql("select count(*) from event where crime_id = ? and event_type = 'bail_change'").param(crime)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select expires_date from civil_order where person_ref = ?").param(suspect)
                .query(LocalDate.class).single()).isEqualTo(beyond);

        bailPeriods.addBail(investigator, crime, new BailService.BailForm(suspect, Codes.BailKind.RUI, today, null,
                today.plusDays(90), null, null), NONE);
        List<BailService.BailRow> rows = bailPeriods.bail(crime, investigator).orElseThrow().periods();
        assertThat(rows).extracting(r -> r.bail().kind()).containsExactly(Codes.BailKind.RUI, Codes.BailKind.BAIL);
        assertThat(rows.get(1).bail().endReason()).as("RUI ends the bail").isEqualTo(Codes.BailEnd.RELEASED_UNDER_INVESTIGATION);
        assertThat(jdbc.sql("select expires_date from civil_order where person_ref = ?").param(suspect)
                .query(LocalDate.class).single()).as("the conditions end with the bail").isEqualTo(today);
        assertThat(errors(() -> bailPeriods.endBail(investigator, crime, rows.get(1).bail().id(), today,
                Codes.BailEnd.CHARGED, NONE))).containsKey("bail");
        bailPeriods.endBail(investigator, crime, rows.get(0).bail().id(), today, Codes.BailEnd.NO_FURTHER_ACTION, NONE);
        assertThat(bailPeriods.bail(crime, investigator).orElseThrow().periods()).allSatisfy(r ->
                assertThat(r.bail().endedOn()).isNotNull());
    }

    @Test
    void overdueReviewsAppearInTheSupervisorsQueueUntilReviewed() {
        CaseworkQueueService.Queue before = queue.queue(supervisor);
        assertThat(before.reviews()).singleElement().satisfies(i -> {
            assertThat(i.crimeRef()).isEqualTo("C1");
            assertThat(i.overdue()).isTrue();
            assertThat(i.what()).isEqualTo("{caseworkQueue.day|=1|=2}");
            assertThat(new org.soteria.web.form.FormMessages(org.soteria.support.MessageBundles.messages())
                    .text(i.what(), java.util.Locale.UK)).isEqualTo("Within 24 hours (2 review points overdue)");
        });
        assertThat(queue.queue(investigator).reviews()).as("the officer in the case sees it too")
                .extracting(CaseworkQueueService.Item::crimeRef).containsExactly("C1");
        ReviewService.ReviewForm bad = new ReviewService.ReviewForm(today, Codes.Answer.NO, Codes.Answer.YES,
                Codes.Answer.NOT_APPLICABLE, Codes.Answer.NOT_APPLICABLE, null);
        assertThat(errors(() -> supervisorReviews.addReview(investigator, crime, bad, NONE))).containsKey("permission");
        assertThat(errors(() -> supervisorReviews.addReview(supervisor, crime, bad, NONE))).containsOnlyKeys("directions");
        assertThat(errors(() -> supervisorReviews.addReview(supervisor, crime, new ReviewService.ReviewForm(today,
                Codes.Answer.NOT_APPLICABLE, null, null, null, null), NONE)).keySet())
                .containsExactly("suspectFocus", "victimEngagement", "proportionality", "bailStatus");
        supervisorReviews.addReview(supervisor, crime, new ReviewService.ReviewForm(today, Codes.Answer.NO, Codes.Answer.YES,
                Codes.Answer.NOT_APPLICABLE, Codes.Answer.NOT_APPLICABLE, "Run PND checks on the suspect this week"), NONE);
        assertThat(queue.queue(supervisor).reviews()).isEmpty();
        ReviewService.Reviews reviews = supervisorReviews.reviews(crime, supervisor).orElseThrow();
        assertThat(reviews.status().points()).extracting(ReviewSchedule.Point::state)
                .as("the review catches up the two overdue points; the 28-day one is still to do")
                .containsExactly(ReviewSchedule.State.LATE, ReviewSchedule.State.LATE, ReviewSchedule.State.DUE);
        assertThat(reviews.reviews().get(0).directions()).isEqualTo("Run PND checks on the suspect this week");
        assertThat(jdbc.sql("select directions from supervisor_review").query(String.class).single())
                .as("stored encrypted").doesNotContain("PND");
        org.soteria.platform.FieldCipher rotated = org.soteria.support.RotatedKeys.cipher(":temporary:casework");
        assertThat(new CaseworkEncryption(new org.soteria.platform.EncryptedColumns(jdbc, rotated, transactions)).rotate()).as("the review's directions").isEqualTo(1);
        assertThat(new CaseworkEncryption(new org.soteria.platform.EncryptedColumns(jdbc, rotated, transactions)).rotate()).as("nothing left to do").isZero();
        String stored = jdbc.sql("select directions from supervisor_review").query(String.class).single();
        assertThat(org.soteria.platform.FieldCipher.keyIdOf(stored)).isEqualTo("k2");
        assertThat(rotated.decrypt(stored, CaseworkCipher.context("supervisor_review", crime, "directions")))
                .isEqualTo("Run PND checks on the suspect this week");
    }

    @Test
    void theReferralNeedsAReadyFileAndTheCpsDecisionCountsInTheMeasures() {
        assertThat(errors(() -> cps.submitToCps(investigator, crime, "referral", today, "Rape, strong case", NONE)))
                .containsEntry("items", "{caseworkError.fileNotReady|10|10}");
        cps.saveReadiness(investigator, crime, List.of(Codes.ReadinessItem.MG3));
        assertThat(errors(() -> cps.submitToCps(investigator, crime, "referral", today, "Rape", NONE)).get("items"))
                .isEqualTo("{caseworkError.fileNotReady|9|10}");
        cps.submitToCps(investigator, crime, "early_advice", today.minusDays(2), "Is the evidence of the messages "
                + "enough?", NONE);
        cps.saveReadiness(investigator, crime, Arrays.asList(Codes.ReadinessItem.values()));
        cps.submitToCps(investigator, crime, "referral", today.minusDays(1), "Rape: the messages and a witness",
                NONE);
        assertThat(errors(() -> cps.recordDecision(investigator, crime, null, today, NONE))).containsKey("decision");
        cps.recordDecision(investigator, crime, org.soteria.reference.CpsDecision.CHARGE, today, NONE);
        cps.addAction(investigator, crime, "Obtain the taxi driver's statement", today.minusDays(1), "police", "O1",
                NONE);
        assertThat(queue.queue(investigator).cps()).singleElement().satisfies(i -> assertThat(i.overdue()).isTrue());

        CpsService.Cps page = cps.cps(crime, investigator).orElseThrow();
        assertThat(page.events()).extracting(e -> e.eventType()).containsExactlyInAnyOrder("cps_early_advice",
                "cps_referral", "cps_decision");
        assertThat(page.fileReady()).isTrue();
        cps.actionDone(investigator, crime, page.actions().get(0).id());
        assertThat(queue.queue(investigator).cps()).isEmpty();

        measures.reloadAll();
        Measures m = measures.compute(new MeasureQuery(today.minusDays(30), today, today, MeasureFilter.NONE));
        assertThat(m.cpsReferrals()).isEqualTo(1);
        assertThat(m.cpsChargeRate().numerator()).isEqualTo(1);
        assertThat(m.cpsChargeRate().denominator()).isEqualTo(1);
    }

    @Test
    void thePlanPromptsFromTheContextAndAnOfficerOfAnotherTeamReachesNothing() {
        PlanService.Plan plan = plans.plan(crime, investigator).orElseThrow();
        assertThat(plan.prompts()).extracting(p -> p.prompt().code()).contains("suspect_history",
                "pattern_coercive_control").doesNotContain("suspect_identify", "pattern_grooming");
        plans.addLine(investigator, crime, new PlanService.LineForm(null, "pattern_coercive_control",
                "Check domestic abuse reports between them", "O2", today.plusDays(3), null), NONE);
        plans.addLine(investigator, crime, new PlanService.LineForm(null, "suspect_devices", "No devices",
                null, null, "The offence left no digital trace; the suspect's phone was seized in C9"), NONE);
        plan = plans.plan(crime, investigator).orElseThrow();
        assertThat(plan.prompts()).filteredOn(p -> p.answer() != null).extracting(p -> p.answer().status())
                .containsExactlyInAnyOrder(Codes.LineStatus.OPEN, Codes.LineStatus.NOT_PURSUED);
        assertThat(errors(() -> plans.addLine(investigator, crime, new PlanService.LineForm(null, null, null,
                "X1", today.minusDays(1), null), NONE)).keySet()).containsExactly("focus", "description", "owner", "due");
        long open = plan.lines().stream().filter(l -> l.status() == Codes.LineStatus.OPEN).findFirst().orElseThrow().id();
        assertThat(errors(() -> plans.closeLine(investigator, crime, open, Codes.LineStatus.DONE, null)))
                .containsOnlyKeys("result");
        plans.closeLine(investigator, crime, open, Codes.LineStatus.DONE, "Two previous reports, 2019 and 2021");

        plans.enterStage(investigator, crime, "suspect_background");
        assertThat(errors(() -> plans.enterStage(investigator, crime, "suspect_background"))).containsKey("stage");
        assertThat(plans.stages()).filteredOn(s -> s.code().equals("first_contact")).singleElement()
                .satisfies(s -> {
                    assertThat(s.name().in(java.util.Locale.forLanguageTag("cy"))).isEqualTo("Cyswllt cyntaf a chofnodi");
                    assertThat(s.name().in(java.util.Locale.UK)).isEqualTo("First contact and recording");
                    assertThat(s.name().lang(java.util.Locale.forLanguageTag("cy"))).isNull();
                });
        plans.saveStage(forceLead, new PlanService.StageForm("suspect_background", "Suspect background", null, "",
                null, 5, false), false, NONE);
        assertThat(errors(() -> plans.enterStage(investigator, crime, "suspect_background")))
                .as("a retired stage cannot be chosen").containsKey("stage");
        PlanRepository.Stage renamed = plans.plan(crime, investigator).orElseThrow().current();
        assertThat(renamed.name().english()).isEqualTo("Suspect background");
        assertThat(renamed.name().in(java.util.Locale.forLanguageTag("cy"))).as("no Welsh written: the English, marked")
                .isEqualTo("Suspect background");
        assertThat(renamed.name().lang(java.util.Locale.forLanguageTag("cy"))).isEqualTo("en");
        assertThat(errors(() -> plans.saveStage(investigator, new PlanService.StageForm(null, "New", null, "", null, 16, true),
                true, NONE))).containsKey("permission");
        assertThat(errors(() -> plans.saveStage(forceLead, new PlanService.StageForm(null, "Outcome review",
                "Sgwrs gychwynnol", "", null, 16, true), true, NONE))).as("a Welsh name another stage has")
                .containsOnlyKeys("nameCy");
        plans.saveStage(forceLead, new PlanService.StageForm(null, "Victim's review of the outcome",
                "Adolygiad y dioddefwr o'r canlyniad", "", "Gofynnwch i'r dioddefwr.", 16, true),
                true, NONE);
        assertThat(plans.stages()).filteredOn(s -> s.code().equals("victim_s_review_of_the_outcome")).singleElement()
                .satisfies(s -> assertThat(s.guidance().in(java.util.Locale.forLanguageTag("cy")))
                        .isEqualTo("Gofynnwch i'r dioddefwr."));
        assertThat(plans.stages()).extracting(PlanRepository.Stage::code).contains("victim_s_review_of_the_outcome");

        long deniedBefore = denied();
        assertThat(plans.plan(crime, outsider)).isEmpty();
        assertThat(errors(() -> plans.addLine(outsider, crime, new PlanService.LineForm(Codes.Focus.SUSPECT, null,
                "x", null, null, null), NONE))).containsEntry("crime", "{caseworkError.crimeNotFound}");
        assertThat(queue.queue(outsider).reviews()).as("only their own crime").extracting(CaseworkQueueService.Item::crimeRef)
                .containsExactly("C2");
        assertThat(denied() - deniedBefore).as("both attempts are in the audit log").isEqualTo(2);
        assertThat(jdbc.sql("select description from enquiry_line").query(String.class).list())
                .as("stored encrypted").noneMatch(d -> d.contains("domestic"));
    }

    @Test
    void theForensicsQueueListsARestrictedCrimesDeviceOnlyToItsNamedUsersAndLinksOnlyWhatOpens() {
        DatabaseReset.owner(":temporary:casework", "update crime set restricted = true where crime_ref = 'C2'; "
                + "insert into device_exhibit (crime_id, exhibit_ref, device_type, owner_role, submitted_on, status, "
                + "recorded_by) select id, 'EX-' || crime_ref, 'phone', 'suspect', current_date - 2, 'awaiting_triage', "
                + "'test' from crime where crime_ref in ('C1', 'C2')");
        long c2 = jdbc.sql("select id from crime where crime_ref = 'C2'").query(Long.class).single();

        ForensicsService.ForensicQueue forOutsider = scope.asUser("other", true, () -> forensics.forensicQueue(outsider, 90));
        assertThat(forOutsider.waiting()).as("C2 is restricted: its officer in the case is not named on it")
                .extracting(DeviceRepository.Device::exhibitRef).containsExactly("EX-C1");
        assertThat(forOutsider.waitingByStatus()).as("both devices are counted")
                .containsEntry(Codes.DeviceStatus.AWAITING_TRIAGE, 2L);
        assertThat(forOutsider.canOpen(forOutsider.waiting().get(0))).as("C1 is another team's").isFalse();

        ForensicsService.ForensicQueue forInvestigator = scope.asUser("inv", true,
                () -> forensics.forensicQueue(investigator, 90));
        assertThat(forInvestigator.waiting()).extracting(DeviceRepository.Device::exhibitRef).containsExactly("EX-C1");
        assertThat(forInvestigator.canOpen(forInvestigator.waiting().get(0))).isTrue();

        access.nameOnRestricted("admin", "NWP", "C2", "other", true);
        ForensicsService.ForensicQueue named = scope.asUser("other", true, () -> forensics.forensicQueue(outsider, 90));
        assertThat(named.waiting()).extracting(DeviceRepository.Device::exhibitRef).containsExactly("EX-C1", "EX-C2");
        assertThat(named.waiting()).filteredOn(d -> d.crimeId() == c2).allMatch(named::canOpen);
    }
}
