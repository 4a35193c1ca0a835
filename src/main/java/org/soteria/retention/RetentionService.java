package org.soteria.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.investigation.CaseRecordErasure;
import org.soteria.platform.Invalid;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Review, retention and disposal of the force's crime records under MoPI (docs/retention.md): the queue of records
 * due for review, a records manager's decision to retain (with the reason, and the next review set by the record's
 * group) or to delete, and deletion itself. Every look is audited; a deletion is audited as an erasure naming only
 * the decision and the crime's internal number, so the audit chain holds the fact and nothing about anyone.
 */
@Service
public class RetentionService {

    /** The reason's upper limit (the form's character count reads it). */
    public static final int MAX_REASON = 2000;
    /** Records due within this many days are shown with those already due, so that a month's work can be planned. */
    static final int LOOK_AHEAD_DAYS = 31;
    static final int PAGE_SIZE = 25;

    private final RetentionRepository repository;
    private final CaseRecordErasure erasure;
    private final AuditService audit;
    private final Clock clock;

    public RetentionService(RetentionRepository repository, CaseRecordErasure erasure, AuditService audit,
            Clock clock) {
        this.repository = repository;
        this.erasure = erasure;
        this.audit = audit;
        this.clock = clock;
    }

    /** A page of records due for review by a month from today, soonest first. */
    public record Queue(List<RetentionRepository.Due> records, long total, int page, int pages, LocalDate by) {
    }

    public Queue queue(SoteriaUser user, int page) {
        LocalDate by = today().plusDays(LOOK_AHEAD_DAYS);
        long total = repository.countDue(user.forceCode(), by);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(1, page), pages);
        List<RetentionRepository.Due> shown = repository.due(user.forceCode(), by, PAGE_SIZE, (p - 1) * PAGE_SIZE);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "retention-queue",
                "page " + p).records(shown.stream().map(d -> user.forceCode() + ":" + d.crimeRef()).toList())
                .detail(total + " records due by " + by));
        return new Queue(shown, total, p, pages, by);
    }

    /** How many records are due for review today (the home page's count). */
    public long dueNow(SoteriaUser user) {
        return repository.countDue(user.forceCode(), today());
    }

    /** A record as its review shows it: its dates under MoPI, what it holds (counted), and earlier decisions. */
    public record Review(RetentionRepository.Held held, Optional<LocalDate> keepUntil, boolean exceptional,
            List<RetentionRepository.Decision> decisions, LocalDate nextIfRetained) {

        public RetentionRepository.Due record() {
            return held.record();
        }
    }

    public Optional<Review> review(SoteriaUser user, long crimeId) {
        Optional<Review> r = repository.held(user.forceCode(), crimeId).map(h -> review(user.forceCode(), h));
        r.ifPresent(v -> audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW,
                "retention-review", "id:" + crimeId).records(List.of(user.forceCode() + ":" + v.record().crimeRef()))
                .detail("MoPI group " + v.record().group().number())));
        return r;
    }

    private Review review(String force, RetentionRepository.Held h) {
        MopiGroup group = h.record().group();
        Optional<LocalDate> keep = RetentionRules.keepUntil(group, h.record().recorded(), h.suspectsBirthDates());
        return new Review(h, keep, RetentionRules.exceptional(group, keep, today()),
                repository.decisions(force, h.record().crimeId()),
                RetentionRules.nextReview(group, today()));
    }

    /** What a decision did. */
    public record Outcome(RetentionDecision decision, long decisionId, int rowsDeleted) {
    }

    @Transactional
    public Outcome decide(SoteriaUser user, long crimeId, String decision, String reason, boolean exception) {
        Review r = repository.held(user.forceCode(), crimeId).map(h -> review(user.forceCode(), h))
                .orElseThrow(() -> new java.util.NoSuchElementException("No crime " + crimeId));
        Map<String, String> errors = new LinkedHashMap<>();
        RetentionDecision d = "retain".equals(decision) ? RetentionDecision.RETAIN
                : "delete".equals(decision) ? RetentionDecision.DELETE : null;
        if (d == null) {
            errors.put("decision", "{retentionError.chooseADecision}");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "{retentionError.enterTheReason}");
        }
        if (d == RetentionDecision.DELETE && r.exceptional() && !exception) {
            errors.put("exception", "{retentionError.confirmTheException}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        MopiGroup group = r.record().group();
        if (d == RetentionDecision.RETAIN) {
            long id = repository.decide(user.forceCode(), crimeId, group, "retain", reason, r.nextIfRetained(),
                    user.getUsername());
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "retention-decision",
                    Long.toString(id)).records(List.of(user.forceCode() + ":" + r.record().crimeRef()))
                    .detail("retained under MoPI group " + group.number() + "; next review " + r.nextIfRetained()));
            return new Outcome(d, id, 0);
        }
        long id = repository.decide(user.forceCode(), crimeId, group, "delete", reason, null, user.getUsername());
        CaseRecordErasure.Erased erased = erasure.eraseCrime(crimeId);
        repository.tombstone(user.forceCode(), r.held(), id, today(), erased.people(), erased.rows());
        int rows = erased.rows();
        // The erasure names the decision and the crime's internal number: nothing of the record or anyone in it.
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.ERASE, "retention-decision",
                Long.toString(id)).detail("crime id " + crimeId + ": record deleted under MoPI group " + group.number()
                        + (r.exceptional() ? " as an exception" : "") + ": " + rows + " rows"));
        return new Outcome(d, id, rows);
    }

    /** Decisions taken, newest first. */
    public record Decisions(List<RetentionRepository.Decision> decisions, long total, int page, int pages) {
    }

    public Decisions decisions(SoteriaUser user, int page) {
        long total = repository.countDecisions(user.forceCode());
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(1, page), pages);
        return new Decisions(repository.recent(user.forceCode(), PAGE_SIZE, (p - 1) * PAGE_SIZE), total, p, pages);
    }

    /** Deleted records counted by the month they were recorded and their offence group (no one in them). */
    public List<RetentionRepository.Deleted> deletedByMonth(SoteriaUser user) {
        return repository.deletedByMonth(user.forceCode());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
