package org.soteria.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.soteria.casework.Codes;
import org.soteria.investigation.CaseSort;
import org.soteria.investigation.CaseStatus;
import org.soteria.reference.Choice;
import org.soteria.reference.EventType;
import org.soteria.reference.FunnelStage;
import org.soteria.reference.OffenceGroup;
import org.soteria.reference.OutcomeGroup;
import org.soteria.reference.PersonRole;
import org.soteria.reference.Relationship;
import org.soteria.reference.ReportSource;
import org.soteria.reference.WithdrawalReason;
import org.soteria.security.ApiScope;
import org.soteria.victim.ContactChannel;
import org.soteria.victim.VictimQueueService;
import org.soteria.victim.VictimService;
import org.soteria.victim.VictimsCode;
import org.soteria.web.Labels;

/**
 * Coded choices shown in Welsh have their words in the bundles under {@code choice.<Type>.<code>}
 * (web.Labels): the English bundle must say exactly what the enum's own label says (the label Java uses for
 * exports and logs), every constant of a translated type must be there, and no key may name a code that does
 * not exist.
 */
class ChoiceLabelsTest {

    /** The coded choices whose labels are in the bundles. */
    private static final List<Class<? extends Choice>> TRANSLATED = List.of(CaseStatus.class, CaseSort.class,
            OffenceGroup.class, OutcomeGroup.class, ApiScope.class, ReportSource.class, Codes.Focus.class,
            Codes.LineStatus.class, Codes.Material.class, Codes.VictimView.class, Codes.RequestStatus.class,
            Codes.Decision.class, Codes.DeviceType.class, Codes.DeviceOwner.class, Codes.Triage.class,
            Codes.DeviceStatus.class, Codes.BailKind.class, Codes.BailEnd.class, Codes.Answer.class,
            Codes.ReadinessItem.class, Codes.Side.class, Codes.Verdict.class, Codes.Party.class,
            org.soteria.partner.IsvaNotes.Kind.class, org.soteria.partner.IsvaNotes.Concern.class,
            org.soteria.partner.IsvaNotes.Channel.class,
            ContactChannel.class, VictimsCode.ObligationType.class, VictimsCode.State.class,
            VictimService.Purpose.class, FunnelStage.class, WithdrawalReason.class, VictimQueueService.Show.class,
            VictimQueueService.Scope.class, org.soteria.reference.CpsDecision.class,
            org.soteria.assessment.ReviewItem.Scale.class, org.soteria.assessment.ReviewItem.Rating.class,
            org.soteria.performance.AgeBand.class, org.soteria.retention.RetentionDecision.class,
            org.soteria.assessment.SampleAllocation.class, org.soteria.partner.PartnerKind.class,
            org.soteria.partner.SharePart.class, org.soteria.partner.LawfulBasis.class,
            org.soteria.workforce.GuidanceService.Pillar.class, org.soteria.reference.SupportReferralDetail.class);

    @Test
    void theEnglishBundleSaysWhatEachEnumSaysAndNamesNoOtherCode() throws Exception {
        Properties en = MessageBundlesTest.bundle("messages.properties");
        Set<String> expected = new TreeSet<>();
        for (Class<? extends Choice> type : TRANSLATED) {
            for (Choice c : type.getEnumConstants()) {
                String key = Labels.key(c);
                expected.add(key);
                assertThat(en.getProperty(key)).as(key).isNotNull();
                assertThat(new MessageFormat(en.getProperty(key), Locale.UK).format(new Object[0]))
                        .as(key).isEqualTo(c.label());
            }
        }
        Set<String> inBundle = new TreeSet<>();
        en.stringPropertyNames().stream().filter(k -> k.startsWith("choice.")).forEach(inBundle::add);
        assertThat(inBundle).isEqualTo(expected);
    }

    /**
     * Every coded choice has Welsh words, under its choice key or the text key of its label (roles under
     * {@code role.<code>}): a form that lists a choice without them shows its English label on a Welsh page, which the
     * Welsh walk cannot tell from data (the guidance library's pillars and the victim's support referral once did).
     */
    @Test
    void everyCodedChoiceHasWelshWords() throws Exception {
        Properties cy = MessageBundlesTest.bundle("messages_cy.properties");
        var scan = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(Choice.class));
        List<String> missing = new java.util.ArrayList<>();
        int checked = 0;
        for (var candidate : scan.findCandidateComponents("org.soteria")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (!type.isEnum()) {
                continue;
            }
            for (Object constant : type.getEnumConstants()) {
                Choice c = (Choice) constant;
                String key = type == org.soteria.security.Role.class ? "role." + c.code() : Labels.key(c);
                checked++;
                if (cy.getProperty(key) == null && cy.getProperty(Labels.textKey(c.label())) == null) {
                    missing.add(key + " (" + c.label() + ")");
                }
            }
        }
        assertThat(checked).as("coded choices found").isGreaterThan(150);
        assertThat(missing).as("choices without Welsh words").isEmpty();
    }

    /** Words that come with the data (event types, roles, relationships) are in the bundles for every code. */
    @Test
    void everyEventTypeRoleAndRelationshipHasItsWords() throws Exception {
        Properties en = MessageBundlesTest.bundle("messages.properties");
        for (EventType t : EventType.values()) {
            assertThat(new MessageFormat(en.getProperty("eventType." + t.code(), "missing"), Locale.UK)
                    .format(new Object[0])).as(t.code()).isEqualTo(t.label());
            assertThat(en.getProperty("eventCategory." + t.category().name().toLowerCase(Locale.ROOT)))
                    .as(t.category().name()).isNotNull();
        }
        for (org.soteria.audit.AuditAction a : org.soteria.audit.AuditAction.values()) {
            assertThat(en.getProperty("auditAction." + a.name())).as(a.name()).isEqualTo(a.label());
        }
        for (org.soteria.reference.OrderType t : org.soteria.reference.OrderType.values()) {
            assertThat(en.getProperty("orderType." + t.code())).as(t.code())
                    .isEqualTo(org.soteria.suspect.SuspectService.orderTypeLabel(t.code()));
        }
        for (PersonRole r : PersonRole.values()) {
            assertThat(en.getProperty("personRole." + r.code())).as(r.code()).isNotNull();
        }
        for (Relationship r : Relationship.values()) {
            assertThat(en.getProperty("relationship." + r.code())).as(r.code()).isNotNull();
        }
        // Every prompt the plan can show, in every context that changes its words.
        for (boolean named : new boolean[] {true, false}) {
            for (boolean child : new boolean[] {true, false}) {
                var context = new org.soteria.casework.Prompts.Context(named, java.util.Set.of("partner", "online_contact",
                        "professional", "stranger"), child, true, true, true);
                for (var p : org.soteria.casework.Prompts.forCrime(context)) {
                    assertThat(new MessageFormat(en.getProperty(p.textKey(), "missing"), Locale.UK).format(new Object[0]))
                            .as(p.textKey()).isEqualTo(p.text());
                    assertThat(new MessageFormat(en.getProperty(p.whyKey(), "missing"), Locale.UK).format(new Object[0]))
                            .as(p.whyKey()).isEqualTo(p.why());
                }
            }
        }
        for (org.soteria.reference.OffenceCode c : org.soteria.reference.OffenceCode.values()) {
            assertThat(new MessageFormat(en.getProperty("offence." + c.code(), "missing"), Locale.UK)
                    .format(new Object[0])).as(c.code()).isEqualTo(c.description());
        }
        for (org.soteria.reference.OutcomeCode c : org.soteria.reference.OutcomeCode.values()) {
            assertThat(new MessageFormat(en.getProperty("outcome." + c.code(), "missing"), Locale.UK)
                    .format(new Object[0])).as(c.code()).isEqualTo(c.shortName());
        }
    }

    /** Words built in Java are looked up by their English (web.Labels.text): each text.* key must be its words' key. */
    @Test
    void everyTextKeyIsTheKeyOfItsEnglishWords() throws Exception {
        Properties en = MessageBundlesTest.bundle("messages.properties");
        for (String key : en.stringPropertyNames()) {
            if (key.startsWith("text.")) {
                String words = new MessageFormat(en.getProperty(key), Locale.UK).format(new Object[0]);
                assertThat(Labels.textKey(words)).as(words).isEqualTo(key);
            }
        }
        assertThat(Labels.textKey("Victims' Code duties met on time")).isEqualTo("text.victims_code_duties_met_on_time");
    }
}
