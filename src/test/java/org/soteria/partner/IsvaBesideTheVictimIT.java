package org.soteria.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An ISVA beside the victim (issue 27): an adviser records support contacts, concerns and questions in a case shared
 * with their service; the officer sees concerns and questions at once (support contacts: that and when, never what),
 * marks concerns seen and answers questions; the adviser passes the case's milestones on; everything the adviser
 * recorded goes from their sight with the victim's consent, and another service never sees it.
 */
class IsvaBesideTheVictimIT extends PartnerFixture {

    private static final Map<String, String> NONE = Map.of();

    @Autowired
    IsvaService isva;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private final LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));

    private long note(SoteriaUser user, long crime, String kind, String concern, String channel, String text) {
        return asPartner(user, () -> isva.record(user, crime, new IsvaService.Request(kind, concern, channel, today,
                text, NONE)));
    }

    private Map<String, String> refusal(Runnable change) {
        Throwable thrown = catchThrowable(change::run);
        assertThat(thrown).isInstanceOf(Invalid.class);
        return ((Invalid) thrown).errors();
    }

    private long shareWithIsva() {
        return share("OPEN/1", "ISVA-X", List.of("contact_plan", "key_dates"), "consent", LocalDate.of(2026, 1, 6));
    }

    @Test
    void theOfficerSeesConcernsAndQuestionsAtOnceAndOfSupportOnlyThatAndWhen() {
        long open = crime("OPEN/1");
        shareWithIsva();
        String changes = "select count(*) from measure_change where crime_id = ?";
        long before = jdbc.sql(changes).param(open).query(Long.class).single();
        note(adviser, open, "support", null, "phone", "She talked about the trial and the waiting.");
        assertThat(jdbc.sql(changes).param(open).query(Long.class).single()).as("support reaches the partner measures")
                .isEqualTo(before + 1);
        long concern = note(adviser, open, "concern", "considering_withdrawal", null,
                "She says she cannot face court and may withdraw.");
        long question = note(adviser, open, "question", null, null, "Has the suspect been told to stay away?");

        assertThat(asOfficer(() -> isva.countWaiting())).isEqualTo(2);
        List<IsvaRepository.Note> seen = asOfficer(() -> isva.fromPartners(open));
        assertThat(seen).extracting(n -> n.kind().code() + ":" + n.note()).containsExactlyInAnyOrder(
                "support:null", "concern:She says she cannot face court and may withdraw.",
                "question:Has the suspect been told to stay away?");
        assertThat(seen).allMatch(n -> "ISVA service X".equals(n.partnerName()));
        assertThat(asOfficer(() -> isva.waiting(officer))).extracting(IsvaRepository.Note::id)
                .containsExactly(concern, question);

        asOfficer(() -> {
            isva.seen(officer, open, concern);
            isva.answer(officer, open, question, "Yes: bail conditions forbid any contact.");
            return null;
        });
        assertThat(refusal(() -> asOfficer(() -> {
            isva.seen(officer, open, concern);
            return null;
        }))).containsEntry("note", "{isvaError.noSuchConcern}");
        assertThat(refusal(() -> asOfficer(() -> {
            isva.answer(officer, open, question, " ");
            return null;
        }))).containsOnlyKeys("answer-" + question);
        assertThat(asOfficer(() -> isva.countWaiting())).isZero();

        IsvaService.Support support = asPartner(adviser, () -> isva.support(adviser,
                sharing.open(adviser, open).orElseThrow())).orElseThrow();
        assertThat(support.notes()).extracting(IsvaRepository.Note::note)
                .contains("She talked about the trial and the waiting.");
        assertThat(support.notes()).filteredOn(n -> n.id() == question).singleElement()
                .satisfies(n -> assertThat(n.answer()).isEqualTo("Yes: bail conditions forbid any contact."));
        assertThat(support.notes()).filteredOn(n -> n.id() == concern).singleElement()
                .satisfies(n -> assertThat(n.seenBy()).isEqualTo("inv"));
        assertThat(jdbc.sql("select note from isva_note where id = ?").param(concern).query(String.class).single())
                .as("encrypted at rest").doesNotContain("court");
        PartnerEncryption rotation = new PartnerEncryption(new org.soteria.platform.EncryptedColumns(jdbc,
                org.soteria.support.RotatedKeys.cipher(DB), transactions));
        assertThat(rotation.rotate()).as("three notes, one answer among them, under the new key").isEqualTo(3);
        assertThat(rotation.rotate()).as("nothing left to do").isZero();
    }

    @Test
    void eachRefusalNamesItsFieldAndOnlyTheServiceSharedWithMayRecord() {
        long open = crime("OPEN/1");
        shareWithIsva();
        assertThat(refusal(() -> asPartner(adviser, () -> isva.record(adviser, open,
                new IsvaService.Request(null, null, null, today, "x", NONE))))).containsOnlyKeys("kind");
        assertThat(refusal(() -> asPartner(adviser, () -> isva.record(adviser, open,
                new IsvaService.Request("concern", "nothing", null, today.plusDays(1), " ", NONE)))))
                .containsOnlyKeys("concern", "notedOn", "note");
        assertThat(refusal(() -> asPartner(adviser, () -> isva.record(adviser, open,
                new IsvaService.Request("support", null, null, LocalDate.of(2025, 12, 31), "Called her", NONE)))))
                .containsOnlyKeys("channel", "notedOn");
        assertThatThrownBy(() -> note(otherAdviser, open, "question", null, null, "Anything?"))
                .as("another service").isInstanceOf(NoSuchElementException.class);
        assertThat(refusal(() -> note(prosecutor, open, "question", null, null, "Anything?")))
                .as("a prosecutor supports no victim").containsOnlyKeys("permission");
    }

    @Test
    void milestonesArePassedOnOnceAndWhatTheAdviserRecordedGoesWithTheConsent() {
        long open = crime("OPEN/1");
        long toIsva = shareWithIsva();
        DatabaseReset.owner(DB, "insert into event (force_code, event_key, event_id, crime_id, event_type, occurred_at, "
                + "occurred_timed) select force_code, 'k-bail', 'E-BAIL', id, 'bail', now() - interval '1 day', true from crime where id = " + open);
        DatabaseReset.owner(DB, "insert into event (force_code, event_key, event_id, crime_id, event_type, occurred_at, "
                + "occurred_timed) select force_code, 'k-upd', 'E-UPD', id, 'victim_update', now(), true from crime where id = " + open);
        assertThat(asPartner(adviser, () -> isva.countToPassOn(adviser))).as("the bail, not the victim update, nor the "
                + "arrest long before the sharing").isEqualTo(1);
        IsvaService.Milestones list = asPartner(adviser, () -> isva.toPassOn(adviser, 1));
        assertThat(list.rows()).extracting(IsvaRepository.Milestone::eventType).containsExactly("bail");
        long bail = list.rows().get(0).eventId();
        assertThat(asPartner(otherAdviser, () -> isva.countToPassOn(otherAdviser))).isZero();
        assertThatThrownBy(() -> asPartner(otherAdviser, () -> {
            isva.passOn(otherAdviser, open, bail);
            return null;
        })).isInstanceOf(NoSuchElementException.class);
        asPartner(adviser, () -> {
            isva.passOn(adviser, open, bail);
            return null;
        });
        assertThat(asPartner(adviser, () -> isva.countToPassOn(adviser))).isZero();
        assertThat(refusal(() -> asPartner(adviser, () -> {
            isva.passOn(adviser, open, bail);
            return null;
        }))).containsEntry("milestone", "{isvaError.noSuchMilestone}");

        note(adviser, open, "support", null, "in_person", "Met at the SARC.");
        assertThat(rows(adviser, "select kind from isva_note")).containsExactly("support");
        assertThat(rows(otherAdviser, "select kind from isva_note")).isEmpty();
        assertThat(rows(prosecutor, "select kind from isva_note")).isEmpty();
        asOfficer(() -> {
            sharing.withdrawConsent(officer, open, toIsva);
            return null;
        });
        assertThat(rows(adviser, "select kind from isva_note")).as("gone with the consent").isEmpty();
        assertThat(rows(adviser, "select partner_org from milestone_passed_on")).isEmpty();
        assertThat(asOfficer(() -> isva.fromPartners(open))).as("the officer keeps the record").hasSize(1);
        assertThatThrownBy(() -> note(adviser, open, "support", null, "phone", "Called her"))
                .isInstanceOf(NoSuchElementException.class);
    }
}
