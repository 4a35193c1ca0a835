package org.soteria.partner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.investigation.CrimeEvents;
import org.soteria.investigation.CaseDetail;
import org.soteria.platform.DatabaseConfig;
import org.soteria.platform.Fault;
import org.soteria.platform.Invalid;
import org.soteria.reference.Coded;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An ISVA beside the victim (issue 27): in a case shared with their service (the victim's contact plan or key dates,
 * on the victim's consent) an adviser records support contacts, raises concerns the officer sees at once, asks the
 * officer questions, and passes the case's milestones on to the victim. What they record stays within the consent:
 * it goes when the sharing does (PostgreSQL's policies, V50), and officers see that and when a support contact took
 * place, never what was said. Officers acknowledge concerns and answer questions in the case.
 */
@Service
public class IsvaService {

    /** The longest note, answer or question. */
    public static final int MAX_TEXT = 4000;
    /** The milestones to pass on, a page at a time. */
    public static final int PAGE_SIZE = 25;
    /** The most concerns and questions an officer's list shows. */
    static final int WAITING_LIMIT = 200;

    private final IsvaRepository repository;
    private final SharingRepository shares;
    private final SharingService sharing;
    private final AuditService audit;
    private final Clock clock;
    private final CrimeEvents events;

    IsvaService(IsvaRepository repository, SharingRepository shares, SharingService sharing, AuditService audit,
            Clock clock, CrimeEvents events) {
        this.events = events;
        this.repository = repository;
        this.shares = shares;
        this.sharing = sharing;
        this.audit = audit;
        this.clock = clock;
    }

    private static final String[] MILESTONE_TYPES = SharingService.KEY_EVENTS.toArray(String[]::new);

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DatabaseConfig.LONDON));
    }

    /** What an adviser sees of their own work on a case: their service's notes and the case's milestones. */
    public record Support(List<IsvaRepository.Note> notes, List<IsvaRepository.Milestone> milestones) {
    }

    /** The adviser's work on a shared case they have opened, when they support victims and have the victim's part. */
    @Transactional(readOnly = true)
    public Optional<Support> support(SoteriaUser user, SharingService.SharedCase shared) {
        if (!user.can(Permission.SUPPORT_VICTIMS) || !(shared.has("contact_plan") || shared.has("key_dates"))) {
            return Optional.empty();
        }
        String org = shares.orgOf(user.getUsername()).orElseThrow();
        long crime = shared.crime().id();
        return Optional.of(new Support(repository.notes(crime, true), repository.milestones(org, crime, MILESTONE_TYPES)));
    }

    /** What an adviser records, as typed (codes), checked by {@link #record}. */
    public record Request(String kind, String concern, String channel, LocalDate notedOn, String note,
            Map<String, String> faults) {
    }

    /** The crime and the adviser's organisation, when the case is shared with it for the victim's part; else not found. */
    private record Reached(CaseDetail crime, String org, String why) {
    }

    private Reached reach(SoteriaUser user, long crimeId) {
        if (!user.can(Permission.SUPPORT_VICTIMS)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        SharingService.SharedCase shared = sharing.open(user, crimeId)
                .filter(s -> s.has("contact_plan") || s.has("key_dates"))
                .orElseThrow(() -> new NoSuchElementException("crime " + crimeId));
        String org = shares.orgOf(user.getUsername()).orElseThrow();
        return new Reached(shared.crime(), org, "shared with " + org + ": " + shared.parts().stream()
                .map(SharePart::code).toList());
    }

    /** Records a support contact, a concern or a question in a case shared with the adviser's service. */
    @Transactional
    public long record(SoteriaUser user, long crimeId, Request r) {
        Reached reached = reach(user, crimeId);
        Map<String, String> errors = new LinkedHashMap<>(r.faults());
        IsvaNotes.Kind kind = Coded.parse(IsvaNotes.Kind.class, r.kind()).orElse(null);
        if (kind == null) {
            throw new Invalid("kind", "{isvaError.chooseWhatToRecord}");
        }
        IsvaNotes.Concern concern = Coded.parse(IsvaNotes.Concern.class, r.concern()).orElse(null);
        IsvaNotes.Channel channel = Coded.parse(IsvaNotes.Channel.class, r.channel()).orElse(null);
        if (kind == IsvaNotes.Kind.CONCERN && concern == null) {
            errors.putIfAbsent("concern", "{isvaError.chooseTheConcern}");
        }
        if (kind == IsvaNotes.Kind.SUPPORT && channel == null) {
            errors.putIfAbsent("channel", "{isvaError.chooseHow}");
        }
        if (!errors.containsKey("notedOn")) {
            if (r.notedOn() == null) {
                errors.put("notedOn", Fault.enter("field.date"));
            } else if (r.notedOn().isAfter(today())) {
                errors.put("notedOn", Fault.notFuture("field.date"));
            } else if (r.notedOn().isBefore(reached.crime().recordedDate())) {
                errors.put("notedOn", Fault.notBefore("field.date", "when.dayCrimeRecorded",
                        reached.crime().recordedDate()));
            }
        }
        String note = r.note() == null || r.note().isBlank() ? null : r.note().trim();
        if (note == null) {
            errors.putIfAbsent("note", switch (kind) {
                case SUPPORT -> "{isvaError.enterWhatHappened}";
                case CONCERN -> "{isvaError.enterTheConcern}";
                case QUESTION -> "{isvaError.enterTheQuestion}";
            });
        } else if (note.length() > MAX_TEXT) {
            errors.putIfAbsent("note", Fault.of("form.thisTooLong", MAX_TEXT));
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long id = repository.insert(crimeId, reached.org(), kind, kind == IsvaNotes.Kind.CONCERN ? concern : null,
                kind == IsvaNotes.Kind.SUPPORT ? channel : null, r.notedOn(), note, user.getUsername());
        if (kind == IsvaNotes.Kind.SUPPORT) {
            events.changed(crimeId); // support by an ISVA is a partner measure (docs/partner-measures.md)
        }
        changed(user, reached.crime(), reached.why(), kind.code() + " recorded by the ISVA service"
                + (kind == IsvaNotes.Kind.CONCERN ? " (" + concern.code() + ")" : ""));
        return id;
    }

    /** Records that an adviser passed a milestone of the case on to the victim. */
    @Transactional
    public void passOn(SoteriaUser user, long crimeId, long eventId) {
        Reached reached = reach(user, crimeId);
        boolean known = repository.milestones(reached.org(), crimeId, MILESTONE_TYPES).stream()
                .anyMatch(m -> m.eventId() == eventId && m.passedOnAt() == null);
        if (!known || !repository.passOn(reached.org(), crimeId, eventId, user.getUsername())) {
            throw new Invalid("milestone", "{isvaError.noSuchMilestone}");
        }
        changed(user, reached.crime(), reached.why(), "milestone " + eventId + " passed on to the victim");
    }

    /** A page of the milestones the adviser's service has still to pass on. */
    public record Milestones(List<IsvaRepository.Milestone> rows, long total, int page, int pages) {
    }

    @Transactional(readOnly = true)
    public Milestones toPassOn(SoteriaUser user, int page) {
        String org = shares.orgOf(user.getUsername()).orElse(null);
        if (org == null || !user.can(Permission.SUPPORT_VICTIMS)) {
            return new Milestones(List.of(), 0, 1, 1);
        }
        long total = repository.countToPassOn(org, MILESTONE_TYPES);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int at = Math.min(Math.max(page, 1), pages);
        List<IsvaRepository.Milestone> rows = repository.toPassOn(org, MILESTONE_TYPES, PAGE_SIZE, (at - 1) * PAGE_SIZE);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "crime", null)
                .records(rows.stream().map(m -> user.forceCode() + ":" + m.crimeRef()).distinct().toList())
                .justification("shared with " + org).detail("milestones to pass on, page " + at));
        return new Milestones(rows, total, at, pages);
    }

    @Transactional(readOnly = true)
    public long countToPassOn(SoteriaUser user) {
        return shares.orgOf(user.getUsername()).map(org -> repository.countToPassOn(org, MILESTONE_TYPES)).orElse(0L);
    }

    // The officer's side.

    /** What partners recorded on a crime the officer has opened (support contacts: that and when, not what). */
    @Transactional(readOnly = true)
    public List<IsvaRepository.Note> fromPartners(long crimeId) {
        return repository.notes(crimeId, false);
    }

    /** Concerns not yet seen and questions not yet answered across the crimes the officer may see; the list is logged. */
    @Transactional(readOnly = true)
    public List<IsvaRepository.Note> waiting(SoteriaUser user) {
        List<IsvaRepository.Note> rows = repository.waiting(WAITING_LIMIT);
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "crime", null)
                .records(rows.stream().map(n -> user.forceCode() + ":" + n.crimeRef()).distinct().toList())
                .detail("concerns and questions from partners"));
        return rows;
    }

    @Transactional(readOnly = true)
    public long countWaiting() {
        return repository.countWaiting();
    }

    /** An officer with need-to-know acknowledges an adviser's concern. */
    @Transactional
    public void seen(SoteriaUser user, long crimeId, long noteId) {
        CaseDetail crime = officerReach(user, crimeId);
        if (!repository.seen(crimeId, noteId, user.getUsername())) {
            throw new Invalid("note", "{isvaError.noSuchConcern}");
        }
        changed(user, crime, null, "ISVA concern " + noteId + " seen");
    }

    /** An officer with need-to-know answers an adviser's question. */
    @Transactional
    public void answer(SoteriaUser user, long crimeId, long noteId, String answer) {
        CaseDetail crime = officerReach(user, crimeId);
        String text = answer == null || answer.isBlank() ? null : answer.trim();
        if (text == null) {
            throw new Invalid("answer-" + noteId, "{isvaError.enterTheAnswer}");
        }
        if (text.length() > MAX_TEXT) {
            throw new Invalid("answer-" + noteId, Fault.of("form.thisTooLong", MAX_TEXT));
        }
        if (!repository.answer(crimeId, noteId, text, user.getUsername())) {
            throw new Invalid("answer-" + noteId, "{isvaError.noSuchQuestion}");
        }
        changed(user, crime, null, "ISVA question " + noteId + " answered");
    }

    private CaseDetail officerReach(SoteriaUser user, long crimeId) {
        if (!user.can(Permission.SHARE_CASES)) {
            throw new Invalid("permission", "{caseworkError.youDoNotHavePermission}");
        }
        return sharing.page(crimeId, user).map(SharingService.SharingPage::crime)
                .orElseThrow(() -> new NoSuchElementException("crime " + crimeId));
    }

    private void changed(SoteriaUser user, CaseDetail crime, String why, String what) {
        AuditEntry entry = AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.CHANGE, "crime",
                crime.forceCode() + ":" + crime.crimeRef()).records(List.of(crime.forceCode() + ":" + crime.crimeRef()))
                .detail(what);
        audit.record(why == null ? entry : entry.justification(why));
    }
}
