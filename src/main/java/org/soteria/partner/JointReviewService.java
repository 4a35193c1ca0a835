package org.soteria.partner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.investigation.CaseSummary;
import org.soteria.investigation.InvestigationService;
import org.soteria.platform.DataScope;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly joint case reviews of the police and a CPS unit (issue 27): a supervisor or one of the unit's prosecutors
 * opens the month's review, which draws a sample of the files shared with the unit then; each side writes its note on
 * each case. Each reader sees the cases they may see (need-to-know, or the unit's shares now), and every look and
 * note is logged.
 */
@Service
public class JointReviewService {

    /** How many files a month's review samples. */
    public static final int SAMPLE_SIZE = 10;
    /** The longest note. */
    public static final int MAX_NOTE = 4000;
    /** Reviews listed a page at a time. */
    public static final int PAGE_SIZE = 24;

    private final JointReviewRepository repository;
    private final SharingRepository shares;
    private final InvestigationService investigations;
    private final DataScope scope;
    private final AuditService audit;
    private final Clock clock;

    JointReviewService(JointReviewRepository repository, SharingRepository shares, InvestigationService investigations,
            DataScope scope, AuditService audit, Clock clock) {
        this.repository = repository;
        this.shares = shares;
        this.investigations = investigations;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    private LocalDate thisMonth() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON)).withDayOfMonth(1);
    }

    /** The reviews page: the reviews the user may see, newest month first, and the CPS units this month's review may be opened with. */
    public record Reviews(List<JointReviewRepository.Review> rows, long total, int page, int pages,
            List<SharingRepository.Org> units, LocalDate month) {
    }

    @Transactional(readOnly = true)
    public Reviews reviews(SoteriaUser user, int page) {
        long total = repository.count();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int at = Math.min(Math.max(page, 1), pages);
        LocalDate month = thisMonth();
        return new Reviews(repository.reviews(PAGE_SIZE, (at - 1) * PAGE_SIZE), total, at, pages,
                units(user).stream().filter(u -> !repository.exists(u.code(), month)).toList(), month);
    }

    /** The CPS units the user may open a review with: their own (a prosecutor), or the force's active ones. */
    private List<SharingRepository.Org> units(SoteriaUser user) {
        Optional<String> own = shares.orgOf(user.getUsername());
        return shares.orgs(user.forceCode()).stream().filter(o -> o.active() && o.kind() == PartnerKind.CPS)
                .filter(o -> own.isEmpty() || own.get().equals(o.code())).toList();
    }

    /** Opens this month's review with a CPS unit, drawing its sample; returns the review's id. */
    @Transactional
    public long open(SoteriaUser user, String org) {
        if (!user.can(Permission.JOINT_CASE_REVIEWS)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        SharingRepository.Org unit = units(user).stream().filter(o -> o.code().equals(org)).findFirst()
                .orElseThrow(() -> new Invalid("org", "{jointReviewError.chooseAUnit}"));
        LocalDate month = thisMonth();
        if (repository.exists(unit.code(), month)) {
            throw new Invalid("org", "{jointReviewError.alreadyOpen}");
        }
        List<Long> sample = scope.wholeForce("joint case review: the sample is drawn from every file shared with the "
                + "unit, whoever opens it", () -> repository.sample(unit.code(), month, SAMPLE_SIZE));
        if (sample.isEmpty()) {
            throw new Invalid("org", "{jointReviewError.nothingShared}");
        }
        long id = scope.wholeForce("joint case review: the month's sample is written whole",
                () -> repository.open(user.forceCode(), unit.code(), month, sample, user.getUsername()));
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "joint-review",
                Long.toString(id)).detail("joint case review with " + unit.code() + " for " + month + " opened: "
                + sample.size() + " files sampled"));
        return id;
    }

    /** A review with the cases the user may see, each with its crime and both sides' notes. */
    public record View(JointReviewRepository.Review review, List<Row> rows, boolean cpsSide) {
    }

    public record Row(CaseSummary crime, JointReviewRepository.Case notes) {
    }

    @Transactional(readOnly = true)
    public Optional<View> view(SoteriaUser user, long id) {
        return repository.review(id).map(review -> {
            List<JointReviewRepository.Case> cases = repository.cases(id);
            Map<Long, CaseSummary> crimes = new LinkedHashMap<>();
            investigations.summaries(cases.stream().map(JointReviewRepository.Case::crimeId).toList())
                    .forEach(c -> crimes.put(c.id(), c));
            List<Row> rows = cases.stream().filter(c -> crimes.containsKey(c.crimeId()))
                    .map(c -> new Row(crimes.get(c.crimeId()), c)).toList();
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "joint-review",
                            Long.toString(id))
                    .records(rows.stream().map(r -> r.crime().forceCode() + ":" + r.crime().crimeRef()).toList())
                    .detail("joint case review with " + review.partnerOrg() + " for " + review.month()));
            return new View(review, rows, user.role().partner());
        });
    }

    /** Writes the user's side's note on a case of the review (a prosecutor the CPS's, an officer the police's). */
    @Transactional
    public void note(SoteriaUser user, long reviewId, long crimeId, String note) {
        if (!user.can(Permission.JOINT_CASE_REVIEWS)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        String text = note == null || note.isBlank() ? null : note.trim();
        String field = "note-" + crimeId;
        if (text == null) {
            throw new Invalid(field, "{jointReviewError.enterYourNote}");
        }
        if (text.length() > MAX_NOTE) {
            throw new Invalid(field, Fault.of("form.thisTooLong", MAX_NOTE));
        }
        // the one case, as the reader may see it (need-to-know, the partner's policies), not the whole review
        java.util.NoSuchElementException notFound = new java.util.NoSuchElementException("case " + crimeId
                + " of review " + reviewId);
        if (repository.review(reviewId).isEmpty()) {
            throw notFound;
        }
        CaseSummary crime = investigations.summaries(List.of(crimeId)).stream().findFirst().orElseThrow(() -> notFound);
        if (!repository.note(reviewId, crimeId, user.role().partner(), text, user.getUsername())) {
            throw notFound;
        }
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "crime",
                        crime.forceCode() + ":" + crime.crimeRef())
                .records(List.of(crime.forceCode() + ":" + crime.crimeRef()))
                .detail((user.role().partner() ? "CPS" : "police") + " note in joint case review " + reviewId));
    }
}
