package org.soteria.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.soteria.platform.EvidenceFiles;
import org.soteria.platform.Invalid;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.security.UserService;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The self-assessment against the database: the default framework, sections that complete only when every
 * question has a level, evidence files checked by content, academic comments that mark a section for review,
 * sign-off only when complete, comparison by section, and framework versions the national coordinator edits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"soteria.data-dir=:temporary:assessment", "spring.main.banner-mode=off",
            "soteria.measures.refresh-interval=PT1H"})
class AssessmentIT {

    @Autowired
    AssessmentService assessments;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    private SoteriaUser lead;
    private SoteriaUser academic;
    private SoteriaUser coordinator;

    @BeforeEach
    void load() {
        DatabaseReset.empty(":temporary:assessment");
        DatabaseReset.owner(":temporary:assessment", "truncate assessment_evidence, assessment_comment, assessment_answer, "
                + "assessment_section, assessment restart identity cascade; delete from framework_level where framework_id "
                + "in (select id from framework where version > 1); delete from framework_question where framework_id in "
                + "(select id from framework where version > 1); delete from framework_section where framework_id in "
                + "(select id from framework where version > 1); delete from framework where version > 1; "
                + "insert into force (force_code, name) values ('NWP', 'North Wales Police') on conflict do nothing");
        users.createAccount("test", new UserService.NewAccount("lead", "lead", Role.FORCE_LEAD, "NWP", null, List.of(),
                List.of()));
        users.createAccount("test", new UserService.NewAccount("uni", "uni", Role.RESEARCHER, "NWP", null, List.of(),
                List.of()));
        users.createAccount("test", new UserService.NewAccount("ncc", "ncc", Role.NATIONAL_COORDINATOR, null, null,
                List.of(), List.of()));
        lead = (SoteriaUser) users.loadUserByUsername("lead");
        academic = (SoteriaUser) users.loadUserByUsername("uni");
        coordinator = (SoteriaUser) users.loadUserByUsername("ncc");
    }

    private static Map<String, String> errors(Runnable r) {
        try {
            r.run();
        } catch (Invalid e) {
            return e.errors();
        }
        throw new AssertionError("expected a refusal");
    }

    private long framework() {
        return assessments.published().get(0).id();
    }

    private void complete(long id, String code, int level) {
        Map<Long, Integer> levels = new HashMap<>();
        assessments.section(lead, id, code).orElseThrow().questions().forEach(q -> levels.put(q.id(), level));
        assessments.saveSection(lead, id, code, levels, Map.of(), true, Map.of());
    }

    @Test
    void theDefaultFrameworkCoversTheSixPillarsAndTheOperatingModel() {
        AssessmentService.FrameworkView f = assessments.framework(framework()).orElseThrow();
        assertThat(f.sections()).hasSize(7).extracting(AssessmentRepository.Section::code).containsExactly("suspect_focus",
                "repeat_suspects", "procedural_justice", "officer_wellbeing", "data_led", "digital_forensics", "nom_principles");
        assertThat(f.levels()).extracting(l -> l.name().english()).containsExactly("Not yet started", "Developing",
                "Established", "Embedded and improving");
        assertThat(f.questions().values()).allSatisfy(qs -> assertThat(qs).hasSize(2));
    }

    @Test
    void anAssessmentIsAnsweredEvidencedCommentedSignedOffAndCompared() {
        assertThat(errors(() -> assessments.start(academic, framework(), "x"))).containsKey("permission");
        long first = assessments.start(lead, framework(), "Self-assessment 2025");
        long q = assessments.section(lead, first, "suspect_focus").orElseThrow().questions().get(0).id();
        assertThat(errors(() -> assessments.saveSection(lead, first, "suspect_focus", Map.of(q, 2), Map.of(), true,
                Map.of()))).as("completed needs every question").hasSize(1).containsKey("level-" + (q + 1));
        assessments.saveSection(lead, first, "suspect_focus", Map.of(q, 2), Map.of(q, "Checks on day one in two teams"),
                false, Map.of());
        assertThat(assessments.taskList(lead, first).orElseThrow().status("suspect_focus")).isEqualTo("in_progress");

        assertThat(errors(() -> assessments.addEvidence(lead, first, "suspect_focus", "plan.pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8))).get("file"))
                .isEqualTo("{evidenceFile.notThatType|pdf}");
        assertThat(errors(() -> assessments.addEvidence(lead, first, "suspect_focus", "run.exe", new byte[] {1}))
                .get("file")).isEqualTo("{evidenceFile.type}");
        assertThat(errors(() -> assessments.addEvidence(lead, first, "suspect_focus", "big.txt",
                new byte[EvidenceFiles.MAX_BYTES + 1])).get("file")).isEqualTo("{evidenceFile.tooBig}");
        assessments.addEvidence(lead, first, "suspect_focus", "C:\\Users\\lead\\checks.csv",
                "team,checked\nT1,12\n".getBytes(StandardCharsets.UTF_8));
        AssessmentRepository.Evidence e = assessments.section(lead, first, "suspect_focus").orElseThrow().evidence().get(0);
        assertThat(e.fileName()).isEqualTo("checks.csv");
        assertThat(e.contentType()).isEqualTo("text/csv");
        assertThat(new String(assessments.evidence(academic, first, e.id()).orElseThrow().content(), StandardCharsets.UTF_8))
                .startsWith("team,checked");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and object_type = "
                + "'assessment-evidence'").query(Long.class).single()).isEqualTo(1);

        assessments.comment(academic, first, "suspect_focus", "Only two teams: is this force-wide?", true);
        assertThat(assessments.taskList(lead, first).orElseThrow().status("suspect_focus")).isEqualTo("needs_review");
        assertThat(errors(() -> assessments.comment(lead, first, "suspect_focus", "x", false))).containsKey("permission");

        assertThat(errors(() -> assessments.signOff(lead, first)).get("signOff"))
                .isEqualTo("{assessmentError.everySectionBeforeSignOff|0|7}");
        for (AssessmentRepository.Section s : assessments.framework(framework()).orElseThrow().sections()) {
            complete(first, s.code(), 2);
        }
        assessments.signOff(lead, first);
        assertThat(errors(() -> assessments.saveSection(lead, first, "data_led", Map.of(), Map.of(), false, Map.of())))
                .containsEntry("completed", "{assessmentError.thisAssessmentHasBeenSigned}");

        long second = assessments.start(lead, framework(), "Self-assessment 2026");
        complete(second, "suspect_focus", 3);
        AssessmentService.Comparison c = assessments.compare(lead, first, second).orElseThrow();
        assertThat(c.sections().get(0).then()).isEqualTo(2.0);
        assertThat(c.sections().get(0).now()).isEqualTo(3.0);
        assertThat(c.sections().get(0).change()).isEqualTo(1.0);
        assertThat(c.sections().get(1).now()).isNull();
    }

    @Test
    void theFirstFrameworkIsWrittenInWelshThroughout() {
        AssessmentService.FrameworkView v1 = assessments.framework(framework()).orElseThrow();
        assertThat(v1.framework().name().welsh()).isEqualTo("Hunanasesiad Ymgyrch Soteria");
        assertThat(v1.levels()).hasSize(4).allSatisfy(l -> assertThat(List.of(l.name().welsh(),
                l.descriptor().welsh())).as("level %d", l.level()).allMatch(w -> !w.isBlank()));
        assertThat(v1.sections()).hasSize(7).allSatisfy(x -> assertThat(List.of(x.name().welsh(),
                x.description().welsh())).as(x.code()).allMatch(w -> !w.isBlank()));
        assertThat(v1.questions().values().stream().flatMap(List::stream).toList()).hasSize(14)
                .allSatisfy(q -> assertThat(List.of(q.text().welsh(), q.guidance().welsh(), q.evidence().welsh()))
                        .as("question %d", q.id()).allMatch(w -> !w.isBlank()));
        assertThat(v1.levelChoices(java.util.Locale.forLanguageTag("cy"))).containsEntry("2", "2. Yn datblygu");
    }

    @Test
    void theNationalCoordinatorPublishesANewVersionAndForcesAnswerTheVersionTheyStarted() {
        long v1 = framework();
        long started = assessments.start(lead, v1, "Against version 1");
        assertThat(errors(() -> assessments.newVersion(lead, v1))).containsKey("permission");
        long v2 = assessments.newVersion(coordinator, v1);
        assertThat(errors(() -> assessments.newVersion(coordinator, v1)).get("framework")).isEqualTo("{assessmentError.aDraftOfThisFramework}");
        AssessmentService.FrameworkView draft = assessments.framework(v2).orElseThrow();
        long question = draft.questions().get("data_led").get(0).id();
        java.util.Locale welsh = java.util.Locale.forLanguageTag("cy");
        assertThat(draft.questions().get("data_led").get(0).text().in(welsh)).as("the draft keeps the Welsh")
                .isEqualTo(assessments.framework(v1).orElseThrow().questions().get("data_led").get(0).text().welsh())
                .startsWith("Pa mor ddibynadwy");
        assessments.editQuestion(coordinator, v2, question, null, new AssessmentService.QuestionWords(
                "How complete and accurate is the RASSO data?", null, "", null, "", null));
        assessments.editQuestion(coordinator, v2, null, "data_led", new AssessmentService.QuestionWords(
                "Is data shared with the CPS?", "A yw data'n cael ei rannu â Gwasanaeth Erlyn y Goron?", "", null, "",
                null));
        assertThat(errors(() -> assessments.editQuestion(coordinator, v2, null, "data_led",
                new AssessmentService.QuestionWords("Long Welsh", "x".repeat(1001), "", null, "", null))))
                .containsOnlyKeys("textCy");
        List<AssessmentRepository.Question> dataLed = assessments.framework(v2).orElseThrow().questions().get("data_led");
        assertThat(dataLed.get(0).text().in(welsh)).as("reworded without Welsh: the English, marked as English")
                .isEqualTo("How complete and accurate is the RASSO data?");
        assertThat(dataLed.get(0).text().lang(welsh)).isEqualTo("en");
        assertThat(dataLed.get(2).text().in(welsh)).isEqualTo("A yw data'n cael ei rannu â Gwasanaeth Erlyn y Goron?");
        assertThat(errors(() -> assessments.start(lead, v2, "Too early"))).containsKey("frameworkId");
        assessments.publish(coordinator, v2);
        assertThat(errors(() -> assessments.editQuestion(coordinator, v2, question, null,
                new AssessmentService.QuestionWords("Changed", null, "", null, "", null))).get("text"))
                .isEqualTo("{assessmentError.aPublishedFrameworkCannotChange}");
        assertThat(assessments.framework(v2).orElseThrow().questions().get("data_led")).hasSize(3);
        assertThat(assessments.taskList(lead, started).orElseThrow().framework().questions().get("data_led")).hasSize(2);
        assertThat(assessments.published()).extracting(AssessmentRepository.Framework::version).containsExactly(2, 1);
    }
}
