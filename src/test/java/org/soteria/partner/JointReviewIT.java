package org.soteria.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.soteria.platform.Invalid;
import org.soteria.security.Role;
import org.soteria.security.SoteriaUser;
import org.soteria.support.DatabaseReset;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Monthly joint case reviews (issue 27): the month's review with a CPS unit samples the live files shared with it,
 * whoever opens it; each side writes its note on the cases it may see (a supervisor their teams', a prosecutor their
 * unit's files now); a review opens once a month per unit; a victim service sees none of it.
 */
class JointReviewIT extends PartnerFixture {

    @Autowired
    JointReviewService reviews;

    private SoteriaUser supervisor() {
        users.createAccount("test", new org.soteria.security.UserService.NewAccount("sup", "DS Sup", Role.SUPERVISOR,
                "NWP", null, List.of("T1"), List.of("T1")));
        return user("sup");
    }

    private List<String> refs(SoteriaUser user, long review) {
        return scope.asUser(user.getUsername(), user.role().partner() ? org.soteria.platform.DataScope.Cases.PARTNER
                        : org.soteria.platform.DataScope.Cases.NEED_TO_KNOW, () -> reviews.view(user, review).orElseThrow())
                .rows().stream().map(r -> r.crime().crimeRef()).sorted().toList();
    }

    @Test
    void theSampleIsTheUnitsAndEachSideNotesWhatItMaySee() {
        SoteriaUser sup = supervisor();
        share("OPEN/1", "CPS-X", List.of("file"), "law_enforcement", null);
        share("CHARGED/3", "CPS-X", List.of("file", "timeline"), "law_enforcement", null);
        share("OPEN/1", "ISVA-X", List.of("key_dates"), "consent", java.time.LocalDate.of(2026, 1, 6));
        DatabaseReset.owner(DB, "insert into case_share (crime_id, force_code, partner_org, parts, lawful_basis, shared_by) "
                + "select id, 'NWP', 'CPS-X', array['file'], 'law_enforcement', 'inv' from crime where crime_ref = 'OTHER/4'");
        assertThat(refusal(() -> asPartner(prosecutor, () -> reviews.open(prosecutor, "ISVA-X"))))
                .containsEntry("org", "{jointReviewError.chooseAUnit}");

        long review = asPartner(prosecutor, () -> reviews.open(prosecutor, "CPS-X"));
        assertThat(refusal(() -> asOfficer(() -> reviews.open(sup, "CPS-X")))).as("once a month per unit")
                .containsEntry("org", "{jointReviewError.alreadyOpen}");
        assertThat(refs(prosecutor, review)).containsExactly("CHARGED/3", "OPEN/1", "OTHER/4");
        assertThat(refs(sup, review)).as("the supervisor's teams' alone").containsExactly("CHARGED/3", "OPEN/1");

        long open = crime("OPEN/1");
        scope.asUser("sup", true, () -> {
            reviews.note(sup, review, open, "Forensics back next week; the victim is supported.");
            return null;
        });
        asPartner(prosecutor, () -> {
            reviews.note(prosecutor, review, open, "File on track for a charging decision this month.");
            return null;
        });
        JointReviewService.View seen = scope.asUser("sup", true, () -> reviews.view(sup, review).orElseThrow());
        JointReviewRepository.Case notes = seen.rows().stream().filter(r -> r.crime().id() == open).findFirst()
                .orElseThrow().notes();
        assertThat(notes.policeNote()).isEqualTo("Forensics back next week; the victim is supported.");
        assertThat(notes.cpsNote()).isEqualTo("File on track for a charging decision this month.");
        assertThat(notes.cpsBy()).isEqualTo("cps1");
        assertThat(seen.cpsSide()).isFalse();

        long other = crime("OTHER/4");
        assertThatThrownBy(() -> scope.asUser("sup", true, () -> {
            reviews.note(sup, review, other, "Not my team's");
            return null;
        })).isInstanceOf(NoSuchElementException.class);
        assertThat(refusal(() -> scope.asUser("sup", true, () -> {
            reviews.note(sup, review, open, " ");
            return null;
        }))).containsOnlyKeys("note-" + open);

        assertThat(rows(adviser, "select crime_id::text from joint_review_case")).as("a victim service").isEmpty();
        assertThat(rows(adviser, "select id::text from joint_review")).isEmpty();
        assertThat(rows(otherAdviser, "select id::text from joint_review")).isEmpty();
        assertThat(jdbc.sql("select cps_note from joint_review_case where crime_id = ?").param(open)
                .query(String.class).single()).as("encrypted at rest").doesNotContain("charging");
        DatabaseReset.owner(DB, "update case_share set ended_at = now(), ended_by = 'inv', end_reason = 'Returned' "
                + "where crime_id = " + other);
        assertThat(refs(prosecutor, review)).as("a file no longer shared").containsExactly("CHARGED/3", "OPEN/1");
    }

    @Test
    void nothingSharedNothingToReview() {
        SoteriaUser sup = supervisor();
        assertThat(refusal(() -> asOfficer(() -> reviews.open(sup, "CPS-X"))))
                .containsEntry("org", "{jointReviewError.nothingShared}");
        assertThat(refusal(() -> asOfficer(() -> reviews.open(officer, "CPS-X")))).as("an investigator")
                .containsOnlyKeys("permission");
    }

    private Map<String, String> refusal(Runnable change) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(change::run);
        assertThat(thrown).isInstanceOf(Invalid.class);
        return ((Invalid) thrown).errors();
    }
}
