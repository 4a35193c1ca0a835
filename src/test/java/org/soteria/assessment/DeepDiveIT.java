package org.soteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.soteria.exchange.ImportProgress;
import org.soteria.exchange.ImportService;
import org.soteria.platform.Invalid;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.Bundles;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deep dive against the database: a sample drawn again with its seed is the same sample, each stratum
 * gives at most its share, academic reviewers read no name, reference or date, two reviewers' agreement is
 * computed per item, and only the force lead reads the findings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:deepdive", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
class DeepDiveIT {

    @Autowired
    DeepDiveService deepDive;

    @Autowired
    ImprovementService plan;

    @Autowired
    DeepDiveSettlements settlements;

    @Autowired
    ImportService imports;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.soteria.casework.PlanService casework;

    @Autowired
    org.soteria.platform.DataScope scope;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @TempDir
    Path dir;

    private SoteriaUser lead;
    private SoteriaUser academic;
    private SoteriaUser supervisor;
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:deepdive");
        DatabaseReset.owner(":temporary:deepdive", "truncate case_file_review, case_sample_crime, case_sample restart "
                + "identity cascade; delete from review_template_item where force_code is not null or template_id in "
                + "(select id from review_template where version > 2); delete from review_template where version > 2");
        Random r = new Random(8);
        String[] offences = {"19C", "19D", "17A", "71"};
        List<String> cases = new ArrayList<>(List.of("crime_ref,force_code,offence_code,recorded_date,team_code,"
                + "officer_code,outcome_code,outcome_date"));
        List<String> people = new ArrayList<>(List.of("person_id,given_name,family_name,date_of_birth,sex"));
        List<String> links = new ArrayList<>(List.of("crime_ref,person_id,role,relationship,age_at_offence"));
        List<String> events = new ArrayList<>(List.of("crime_ref,event_type,occurred_at,person_id,detail"));
        for (int i = 0; i < 120; i++) {
            LocalDate recorded = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(360));
            boolean done = r.nextBoolean();
            cases.add("DD" + i + ",NWP," + offences[r.nextInt(4)] + "," + recorded + ",T1,O1,"
                    + (done ? (r.nextBoolean() ? "1" : "16") + "," + recorded.plusDays(50) : ","));
            people.add("V" + i + ",Morwenna" + i + ",Tregarthen" + i + ",1991-03-1" + (i % 9) + ",female");
            people.add("S" + i + ",Kenver" + i + ",Penhallow" + i + ",1980-07-0" + (1 + i % 9) + ",male");
            links.add("DD" + i + ",V" + i + ",victim,,30");
            links.add("DD" + i + ",S" + i + ",suspect,partner,40");
            events.add("DD" + i + ",arrest," + recorded.plusDays(4) + ",S" + i + ",");
            secrets.add("Morwenna" + i);
            secrets.add("Tregarthen" + i);
            secrets.add("Kenver" + i);
            secrets.add("DD" + i);
        }
        new Bundles(dir).file("cases.csv", cases.toArray(String[]::new)).file("people.csv", people.toArray(String[]::new))
                .file("case_people.csv", links.toArray(String[]::new)).file("events.csv", events.toArray(String[]::new))
                .file("teams.csv", "team_code,name,force_code", "T1,Team one,NWP");
        assertThat(imports.importBundle(dir, "test", ImportProgress.NONE).rejectedRows()).isZero();
        users.createAccount("test", new UserService.NewAccount("lead", "lead", Role.FORCE_LEAD, "NWP", null, List.of(),
                List.of()));
        users.createAccount("test", new UserService.NewAccount("uni", "uni", Role.RESEARCHER, "NWP", null, List.of(),
                List.of()));
        users.createAccount("test", new UserService.NewAccount("sup", "sup", Role.SUPERVISOR, "NWP", "O2", List.of(),
                List.of("T1")));
        lead = (SoteriaUser) users.loadUserByUsername("lead");
        academic = (SoteriaUser) users.loadUserByUsername("uni");
        supervisor = (SoteriaUser) users.loadUserByUsername("sup");
    }

    private List<Long> crimes(long sample) {
        return jdbc.sql("select crime_id from case_sample_crime where sample_id = ? order by position").param(sample)
                .query(Long.class).list();
    }

    /** The national template's newest version (V63's version 2, every pillar). */
    private long template() {
        return jdbc.sql("select id from review_template where version = 2").query(Long.class).single();
    }

    /** A review of version 2's items: suspect focus and victim engagement as given, the rest fixed. */
    private static DeepDiveService.ReviewForm form(ReviewItem.Rating focus, ReviewItem.Rating victim, boolean missed,
            String context) {
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        answers.put("suspect_focus", focus == null ? null : focus.code());
        answers.put("timeliness", "good");
        answers.put("context_examined", context);
        answers.put("repeat_checks", "partly");
        answers.put("victim_engagement", victim.code());
        answers.put("victims_code", "yes");
        answers.put("supervision", "yes");
        answers.put("recording", "no");
        answers.put("proportionality", "not_applicable");
        return new DeepDiveService.ReviewForm(answers, missed, missed ? "The suspect's earlier report was not linked"
                : null, "Check the suspect's history on day one");
    }

    private static DeepDiveService.ReviewForm form(ReviewItem.Rating focus, ReviewItem.Rating victim, boolean missed) {
        return form(focus, victim, missed, null);
    }

    @Test
    void aSampleDrawnAgainWithItsSeedIsTheSameAndEachStratumGivesItsShare() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        long first = deepDive.draw(lead, "Deep dive 2025", from, to, 2, "equal", null, template(), Map.of());
        long seed = jdbc.sql("select seed from case_sample where id = ?").param(first).query(Long.class).single();
        long again = deepDive.draw(lead, "Deep dive 2025 again", from, to, 2, "equal", seed, template(), Map.of());
        assertThat(crimes(again)).containsExactlyElementsOf(crimes(first));
        List<Map<String, Object>> perStratum = jdbc.sql("select stratum, count(*) as n from case_sample_crime where "
                + "sample_id = ? group by stratum").param(first).query().listOfRows();
        assertThat(perStratum).allSatisfy(s -> assertThat(((Number) s.get("n")).intValue()).isBetween(1, 2));
        long strata = jdbc.sql("select count(distinct offence_group || coalesce(outcome_group, 'open') "
                + "|| extract(quarter from recorded_date)) from crime").query(Long.class).single();
        assertThat(perStratum).as("every stratum with crimes is drawn from").hasSize((int) strata);
        assertThat(deepDive.draw(lead, "Another", from, to, 2, "equal", seed + 1, template(), Map.of())).isPositive();
        assertThat(crimes(3)).isNotEqualTo(crimes(first));
        // in proportion: more crimes in all than strata, so at least one from each, more from the larger ones
        int size = (int) strata + 20;
        long shared = deepDive.draw(lead, "In proportion", from, to, size, "proportional", 7L, template(), Map.of());
        assertThat(crimes(shared)).hasSize(size);
        assertThat(jdbc.sql("select count(distinct stratum) from case_sample_crime where sample_id = ?").param(shared)
                .query(Long.class).single()).isEqualTo(strata);
        assertThat(jdbc.sql("select allocation from case_sample where id = ?").param(shared).query(String.class)
                .single()).isEqualTo("proportional");
        try {
            deepDive.draw(lead, "Too many", from, to, 501, "proportional", null, template(), Map.of());
            throw new AssertionError("at most 500 in all");
        } catch (Invalid e) {
            assertThat(e.errors()).containsKey("perStratum");
        }
        try {
            deepDive.draw(academic, "No", from, to, 2, "equal", null, template(), Map.of());
            throw new AssertionError("an academic cannot draw a sample");
        } catch (Invalid e) {
            assertThat(e.errors()).containsKey("permission");
        }
    }

    @Test
    void policeReviewersReadTheFilesWordsWithNamesReplacedAndAcademicsNever() {
        long sample = deepDive.draw(lead, "Deep dive", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 1, "equal",
                42L, template(), Map.of());
        long first = crimes(sample).get(0);
        String victim = jdbc.sql("select p.person_id from case_person cp join person p on p.id = cp.person_ref "
                + "where cp.crime_id = ? and cp.role = 'victim'").param(first).query(String.class).single();
        int i = Integer.parseInt(victim.substring(1));
        // The supervisor of the crime's team writes a line of enquiry naming the victim and the suspect.
        scope.asUser("sup", true, () -> {
            casework.addLine(supervisor, first, new org.soteria.casework.PlanService.LineForm(
                    org.soteria.casework.Codes.Focus.SUSPECT, null, "Ask Morwenna" + i + " Tregarthen" + i
                            + " whether Kenver" + i + " called her on 07700 900123 on 3/2/2025", null,
                    null, null), Map.of());
            return null;
        });
        DeepDiveService.CrimeFile police = scope.asUser("sup", true, () -> deepDive.crime(supervisor, sample, 1))
                .orElseThrow();
        assertThat(police.texts()).singleElement().satisfies(t -> {
            assertThat(t.source()).isEqualTo("line");
            assertThat(t.text()).isEqualTo("Ask [V1] whether [S1] called her on [phone] on [date]");
        });
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'sup' and detail like "
                + "'%names replaced%'").query(Long.class).single()).as("opening the crime for its words is audited")
                .isPositive();
        DeepDiveService.CrimeFile academic = scope.asUser("uni", false, () -> deepDive.crime(this.academic, sample, 1))
                .orElseThrow();
        assertThat(academic.texts()).as("academic reviewers read coded values only").isNull();
    }

    @Test
    void reviewersReadNoNameReferenceOrDateAndTheirAgreementIsComputed() {
        long sample = deepDive.draw(lead, "Deep dive", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 1, "equal", 42L,
                template(), Map.of());
        int crimes = crimes(sample).size();
        // Issue 26: the first crime's casework and contacts, their free text naming people; the reviewer reads each
        // record's day and coded values, never the text.
        long first = jdbc.sql("select crime_id from case_sample_crime where sample_id = ? and position = 1").param(sample)
                .query(Long.class).single();
        DatabaseReset.owner(":temporary:deepdive", "insert into enquiry_line (crime_id, focus, description, status, "
                + "created_by, created_at) select id, 'suspect', 'Speak to " + secrets.get(0) + " again', 'open', 'x', "
                + "recorded_date + 2 from crime where id = " + first);
        DatabaseReset.owner(":temporary:deepdive", "insert into supervisor_review (crime_id, reviewed_on, reviewer, "
                + "suspect_focus, victim_engagement, proportionality, bail_status, directions) select id, "
                + "recorded_date + 5, 'sup', 'no', 'yes', 'not_applicable', 'not_applicable', 'Trace " + secrets.get(1)
                + "' from crime where id = " + first);
        DatabaseReset.owner(":temporary:deepdive", "insert into victim_contact (crime_id, person_ref, occurred_at, "
                + "channel, purpose, summary, recorded_by) select cp.crime_id, cp.person_ref, c.recorded_date + 1, "
                + "'phone', 'first_contact', 'Told " + secrets.get(0) + " what happens next', 'x' from case_person cp "
                + "join crime c on c.id = cp.crime_id where cp.role = 'victim' and cp.crime_id = " + first);
        DeepDiveService.CrimeFile file = deepDive.crime(academic, sample, 1).orElseThrow();
        assertThat(file.casework().stream().map(this::english).toList()).containsSubsequence(
                "1 line of enquiry recorded in Soteria; 1 supervisor review; no devices submitted for examination",
                "Day 1: contact with the victim by phone call: first contact",
                "Day 2: line of enquiry opened on the suspect (now open)",
                "Day 5: supervisor review. Suspect focus: no: needs action; victim engagement: yes; proportionality: "
                        + "not applicable");
        // Everything shown about the crime itself (the sample's own period is shown too, and is no secret).
        // As the page shows it, in English (the lines are message codes with their arguments, platform.Fault).
        List<String> people = file.people().stream().map(this::english).toList();
        List<String> events = file.events().stream().map(this::english).toList();
        String shown = String.join("\n", file.stratum(), english(file.offence()), english(file.reportedBy()),
                String.join("\n", people), String.join("\n", events), english(file.outcome()),
                String.join("\n", file.casework().stream().map(this::english).toList()));
        String raw = String.join("\n", file.offence(), file.reportedBy(), String.join("\n", file.people()),
                String.join("\n", file.events()), file.outcome(), String.join("\n", file.casework()));
        for (String secret : secrets) {
            assertThat(shown).doesNotContain(secret);
            assertThat(raw).doesNotContain(secret);
        }
        assertThat(shown).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}").doesNotContain("1991", "1980");
        assertThat(people).containsExactly("Victim 1: 25 to 34, female", "Suspect 1: 35 to 44, male; to the victim: partner");
        assertThat(events).contains("Day 0: recorded", "Day 4: Arrest");
        assertThat(file.people().stream().map(f -> words.text(f, java.util.Locale.forLanguageTag("cy"))).toList())
                .first().asString().startsWith("Dioddefwr 1: 25 i 34");

        for (int p = 1; p <= crimes; p++) {
            deepDive.review(academic, sample, p, form(ReviewItem.Rating.GOOD, ReviewItem.Rating.GOOD, p % 2 == 0,
                    "The relationship was examined from day " + p), Map.of());
            deepDive.review(supervisor, sample, p, form(p % 3 == 0 ? ReviewItem.Rating.POOR : ReviewItem.Rating.GOOD,
                    ReviewItem.Rating.GOOD, p % 2 == 0), Map.of());
        }
        DeepDiveService.SamplePage page = deepDive.sample(lead, sample).orElseThrow();
        Reliability.Result focus = page.agreement().get("suspect_focus");
        assertThat(page.agreement()).as("every rated item of version 2; words are not compared").hasSize(8)
                .doesNotContainKey("context_examined");
        assertThat(focus.units()).isEqualTo(crimes);
        assertThat(focus.values()).isEqualTo(2 * crimes);
        assertThat(focus.observedAgreement()).as("every third crime rated good and poor")
                .isEqualTo((crimes - crimes / 3) / (double) crimes);
        assertThat(page.missedAgreement().observedAgreement()).isEqualTo(1.0);
        assertThat(page.agreement().get("victim_engagement").alpha()).as("good throughout: nothing to expect")
                .isNull();

        DeepDiveService.Findings findings = deepDive.findings(lead, sample).orElseThrow();
        assertThat(findings.reviews()).isEqualTo(2 * crimes);
        assertThat(findings.crimes()).as("each crime once").isEqualTo(crimes);
        assertThat(findings.weighted()).as("the strata's populations were kept when it was drawn").isTrue();
        DeepDiveService.Finding suspectFocus = findings.byPillar().get("1. Suspect-focused investigation").get(0);
        assertThat(suspectFocus.item().code()).isEqualTo("suspect_focus");
        assertThat(suspectFocus.weightedBelowGood()).isNotNull();
        assertThat(suspectFocus.rated()).isEqualTo(crimes);
        assertThat(suspectFocus.disagreed()).isEqualTo(crimes / 3);
        assertThat(findings.byPillar()).as("version 2 covers every pillar").hasSize(6);
        assertThat(findings.byPillar().get("6. Proportionate digital forensics").get(0).rated()).isZero();
        DeepDiveService.Finding context = findings.byPillar().get("1. Suspect-focused investigation").get(2);
        assertThat(context.item().code()).isEqualTo("context_examined");
        assertThat(context.words()).as("the academic's words, decrypted").hasSize(crimes)
                .contains("The relationship was examined from day 1");
        DeepDiveService.Finding recording = findings.byPillar().get("5. Data-led performance monitoring").get(0);
        assertThat(recording.belowGood()).as("recorded no throughout: short of good").isEqualTo(crimes);
        assertThat(recording.meanScore()).isEqualTo(1.0);
        assertThat(deepDive.findings(academic, sample)).as("only the force lead reads the notes").isEmpty();

        // Where the reviewers differ (every third crime's suspect focus), the force lead settles the rating.
        List<DeepDiveSettlements.Disagreement> differ = settlements.disagreements(lead, sample).orElseThrow();
        assertThat(differ).extracting(DeepDiveSettlements.Disagreement::position).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, crimes).filter(p -> p % 3 == 0).boxed().toList());
        assertThat(differ).allSatisfy(d -> assertThat(d.item().code()).isEqualTo("suspect_focus"));
        assertThat(settlements.disagreements(academic, sample)).as("the force lead settles").isEmpty();
        assertThatThrownBy(() -> settlements.settle(lead, sample, 3, "victim_engagement", "good"))
                .isInstanceOf(Invalid.class)
                .satisfies(e -> assertThat(((Invalid) e).errors()).containsValue("{assessmentError.reviewersAgree}"));
        assertThatThrownBy(() -> settlements.settle(lead, sample, 3, "suspect_focus", "not_applicable"))
                .as("not applicable is not on this item's scale").isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> settlements.settle(academic, sample, 3, "suspect_focus", "good"))
                .isInstanceOf(Invalid.class);
        settlements.settle(lead, sample, 3, "suspect_focus", "good");
        assertThat(settlements.disagreements(lead, sample).orElseThrow().get(0).settled()).isEqualTo(ReviewItem.Rating.GOOD);
        assertThat(deepDive.findings(lead, sample).orElseThrow().byPillar().get("1. Suspect-focused investigation").get(0)
                .disagreed()).as("one left to settle").isEqualTo(crimes / 3 - 1);

        // Issue 26: an improvement action answers a finding; the finding lists it, and nothing else's can be named.
        long action = plan.add(lead, new ImprovementService.ActionForm("Check histories within 7 days", "d", 1, "o",
                LocalDate.now().plusMonths(3), null, null, "deep-dive/" + sample + "/suspect_focus"), Map.of());
        assertThat(plan.answering(lead, Answers.Kind.DEEP_DIVE, sample).get("suspect_focus"))
                .extracting(ImprovementRepository.Action::id).containsExactly(action);
        ImprovementService.Answered answered = plan.answered(lead, plan.action(lead, action).orElseThrow().row().action()
                .answers()).orElseThrow();
        assertThat(answered.item()).isTrue();
        assertThat(answered.section().welsh()).as("the item's words, in both languages").startsWith("Ffocws ar y sawl");
        for (String wrong : new String[] {"deep-dive/" + (sample + 99) + "/suspect_focus", "deep-dive/" + sample + "/nothing",
            "deep-dive/" + sample + "/force_interpreter",
            "somewhere/1/x", "deep-dive/x/suspect_focus"}) {
            assertThatThrownBy(() -> plan.add(lead, new ImprovementService.ActionForm("t", "d", 1, "o",
                    LocalDate.now().plusMonths(3), null, null, wrong), Map.of())).as(wrong)
                    .satisfies(e -> assertThat(((Invalid) e).errors()).containsEntry("answers",
                            "{assessmentError.noSuchFinding}"));
        }
        assertThat(jdbc.sql("select learning from case_file_review limit 1").query(String.class).single())
                .as("stored encrypted").doesNotContain("history");
        org.soteria.platform.FieldCipher rotated = org.soteria.support.RotatedKeys.cipher(":temporary:deepdive");
        assertThat(new DeepDiveEncryption(new org.soteria.platform.EncryptedColumns(jdbc, rotated, transactions)).rotate()).as("learning of every review, the academic's words").isEqualTo(3L * crimes);
        assertThat(new DeepDiveEncryption(new org.soteria.platform.EncryptedColumns(jdbc, rotated, transactions)).rotate()).as("nothing left to do").isZero();

        try {
            deepDive.review(academic, sample, 1, form(null, ReviewItem.Rating.GOOD, true), Map.of());
            throw new AssertionError("expected a refusal");
        } catch (Invalid e) {
            assertThat(e.errors()).containsKey("suspect_focus");
        }
        Map<String, String> wrongScale = new java.util.LinkedHashMap<>(form(ReviewItem.Rating.GOOD, ReviewItem.Rating.GOOD,
                false).answers());
        wrongScale.put("suspect_focus", "yes");
        wrongScale.put("recording", "excellent");
        wrongScale.put("context_examined", "x".repeat(DeepDiveService.TEXT_LIMIT + 1));
        try {
            deepDive.review(academic, sample, 1, new DeepDiveService.ReviewForm(wrongScale, null, null, null), Map.of());
            throw new AssertionError("expected a refusal");
        } catch (Invalid e) {
            assertThat(e.errors().keySet()).as("in the form's order, each on its own scale").containsExactly(
                    "suspect_focus", "context_examined", "recording", "missedOpportunity");
            assertThat(english(e.errors().get("recording"))).isEqualTo("Select an answer for ‘Are the crime's dates, "
                    + "classification, outcome and people recorded accurately and completely?’");
            assertThat(words.text(e.errors().get("recording"), java.util.Locale.forLanguageTag("cy")))
                    .startsWith("Dewiswch ateb ar gyfer ‘A yw dyddiadau");
        }
    }

    /**
     * Issue 26, templates as data: the coordinator drafts version 3 from version 2, adds and removes items and publishes
     * it; a published version refuses change; the force lead's own item joins the samples the force draws from then on,
     * and a sample keeps its items whatever changes later.
     */
    @Test
    void templatesAreVersionedAndAForcesOwnItemsJoinTheSamplesItDrawsFromThen() {
        users.createAccount("test", new UserService.NewAccount("nat", "nat", Role.NATIONAL_COORDINATOR, "NWP", null,
                List.of(), List.of()));
        SoteriaUser coordinator = (SoteriaUser) users.loadUserByUsername("nat");
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        long before = deepDive.draw(lead, "Before", from, to, 1, "equal", 5L, template(), Map.of());

        ReviewTemplates.ItemWords interpreter = new ReviewTemplates.ItemWords("interpreter", 3, "yes_no_partly", true,
                "Was an interpreter offered where the victim needed one?", null, "Not applicable: no need.", null);
        assertThatThrownBy(() -> reviewTemplates.addForceItem(academic, interpreter, Map.of()))
                .as("the force lead adds the force's items").isInstanceOf(Invalid.class);
        assertThat(reviewTemplates.addForceItem(lead, interpreter, Map.of())).isEqualTo("force_interpreter");
        assertThatThrownBy(() -> reviewTemplates.addForceItem(lead, interpreter, Map.of()))
                .satisfies(e -> assertThat(((Invalid) e).errors()).containsEntry("code", "{reviewTemplateError.codeTaken}"));
        try {
            reviewTemplates.addForceItem(lead, new ReviewTemplates.ItemWords("A!", 9, "nothing", false, null, null,
                    "g".repeat(ReviewTemplates.GUIDANCE_LIMIT + 1), null), Map.of());
            throw new AssertionError("expected a refusal");
        } catch (Invalid e) {
            assertThat(e.errors().keySet()).as("every fault, in the form's order").containsExactly("code", "pillar",
                    "scale", "text", "guidance");
        }
        try {
            reviewTemplates.addForceItem(lead, new ReviewTemplates.ItemWords("notes", 1, "free_text", true, "Notes",
                    null, null, null), Map.of());
            throw new AssertionError("expected a refusal");
        } catch (Invalid e) {
            assertThat(e.errors()).containsEntry("mayNotApply", "{reviewTemplateError.freeTextAlwaysApplies}");
        }
        long interpreterId = reviewTemplates.forceItems(lead).get(3).get(0).id();
        ReviewTemplates.ItemWords corrected = new ReviewTemplates.ItemWords("ignored", 3, "yes_no_partly", true,
                "Was an interpreter offered where the victim or a witness needed one?", "A gynigiwyd cyfieithydd?",
                "Not applicable: no need.", null);
        assertThatThrownBy(() -> reviewTemplates.changeForceItem(academic, interpreterId, corrected, Map.of()))
                .isInstanceOf(Invalid.class);
        try {
            reviewTemplates.changeForceItem(lead, interpreterId, new ReviewTemplates.ItemWords(null, null, "stars",
                    false, null, null, null, null), Map.of());
            throw new AssertionError("expected a refusal");
        } catch (Invalid e) {
            assertThat(e.errors().keySet()).as("the short name is not asked again").containsExactly("pillar", "scale",
                    "text");
        }
        assertThat(reviewTemplates.changeForceItem(lead, interpreterId, corrected, Map.of()))
                .as("the short name stays").isEqualTo("force_interpreter");
        assertThat(reviewTemplates.forceItem(lead, interpreterId).orElseThrow().item().text().welsh())
                .isEqualTo("A gynigiwyd cyfieithydd?");
        long after = deepDive.draw(lead, "After", from, to, 1, "equal", 5L, template(), Map.of());
        assertThat(reviewTemplates.forceItem(lead, interpreterId).orElseThrow().samples()).isEqualTo(1);
        assertThatThrownBy(() -> reviewTemplates.changeForceItem(lead, interpreterId, interpreter, Map.of()))
                .as("a drawn sample's form never changes").satisfies(e -> assertThat(((Invalid) e).errors())
                        .containsEntry("item", "{reviewTemplateError.inASample}"));
        assertThat(deepDive.sample(lead, before).orElseThrow().items()).extracting(ReviewItem::code)
                .as("a sample keeps the form it was drawn with").hasSize(9).doesNotContain("force_interpreter");
        List<ReviewItem> items = deepDive.sample(lead, after).orElseThrow().items();
        assertThat(items).extracting(ReviewItem::code).hasSize(10).contains("force_interpreter");
        assertThat(items).extracting(ReviewItem::pillar).as("in pillar order").isSorted();

        long draft = reviewTemplates.newVersion(coordinator, template());
        assertThatThrownBy(() -> reviewTemplates.newVersion(coordinator, template())).as("one draft at a time")
                .isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> reviewTemplates.newVersion(lead, template())).isInstanceOf(Invalid.class);
        assertThatThrownBy(() -> deepDive.draw(lead, "On a draft", from, to, 1, "equal", 5L, draft, Map.of()))
                .satisfies(e -> assertThat(((Invalid) e).errors()).containsKey("template"));
        reviewTemplates.addItem(coordinator, draft, new ReviewTemplates.ItemWords("early_evidence", 1, "ordinal", false,
                "Was evidence gathered early?", "A gasglwyd tystiolaeth yn gynnar?", null, null), Map.of());
        assertThatThrownBy(() -> reviewTemplates.addItem(coordinator, draft, new ReviewTemplates.ItemWords(
                "force_mine", 1, "ordinal", false, "x", null, null, null), Map.of()))
                .satisfies(e -> assertThat(((Invalid) e).errors()).containsKey("code"));
        ReviewItem recording = reviewTemplates.template(draft).orElseThrow().byPillar().get(5).get(0);
        reviewTemplates.removeItem(coordinator, draft, recording.id());
        reviewTemplates.publish(coordinator, draft);
        assertThatThrownBy(() -> reviewTemplates.addItem(coordinator, draft, interpreter, Map.of()))
                .as("published: it never changes").satisfies(e -> assertThat(((Invalid) e).errors())
                        .containsEntry("code", "{reviewTemplateError.publishedCannotChange}"));
        assertThatThrownBy(() -> reviewTemplates.removeItem(coordinator, draft, recording.id()))
                .isInstanceOf(Invalid.class);
        assertThat(reviewTemplates.template(template()).orElseThrow().byPillar().get(5)).as("version 2 untouched")
                .extracting(ReviewItem::code).containsExactly("recording");
        long third = deepDive.draw(lead, "On version 3", from, to, 1, "equal", 5L, draft, Map.of());
        assertThat(deepDive.sample(lead, third).orElseThrow().items()).extracting(ReviewItem::code)
                .contains("early_evidence", "force_interpreter").doesNotContain("recording");

        long own = reviewTemplates.forceItems(lead).get(3).get(0).id();
        reviewTemplates.retireForceItem(lead, own);
        assertThat(reviewTemplates.forceItems(lead).get(3)).isEmpty();
        assertThat(deepDive.sample(lead, after).orElseThrow().items()).extracting(ReviewItem::code)
                .as("retiring leaves the samples that have it").contains("force_interpreter");
        assertThatThrownBy(() -> reviewTemplates.retireForceItem(lead, own)).isInstanceOf(Invalid.class);
        assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'review-template'")
                .query(Long.class).single()).as("every change audited").isEqualTo(7);
    }

    @Autowired
    private org.soteria.web.form.FormMessages words;

    @Autowired
    private ReviewTemplates reviewTemplates;

    private String english(String line) {
        return words.text(line, java.util.Locale.UK);
    }
}
