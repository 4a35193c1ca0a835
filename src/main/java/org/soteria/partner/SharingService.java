package org.soteria.partner;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.investigation.CaseDetail;
import org.soteria.investigation.CaseSummary;
import org.soteria.investigation.InvestigationService;
import org.soteria.platform.Invalid;
import org.soteria.reference.Coded;
import org.soteria.reference.OutcomeCode;
import org.soteria.reference.OutcomeGroup;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.soteria.victim.VictimService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a case with a partner organisation as a recorded act, and what partner users then see (issue 27, ADR 32).
 * An officer shares only a crime they have need-to-know of; a partner user sees a crime only while a share of their
 * organisation lasts, and of it only the parts shared. PostgreSQL enforces the same (V47): the checks here say why to
 * the user and write the audit log; the policies hold if a check were ever missed.
 */
@Service
public class SharingService {

    /** The longest note an officer writes on a share (why it was made again, why it ended). */
    public static final int MAX_REASON = 2000;
    /** A partner's list of shared cases, a page at a time. */
    public static final int PAGE_SIZE = 25;

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final SharingRepository repository;
    private final InvestigationService investigations;
    private final VictimService victims;
    private final org.soteria.casework.PlanService plans;
    private final org.springframework.beans.factory.ObjectProvider<org.soteria.casework.ProsecutorService> prosecutors;
    private final AuditService audit;
    private final Clock clock;

    SharingService(SharingRepository repository, InvestigationService investigations, VictimService victims,
            org.soteria.casework.PlanService plans,
            org.springframework.beans.factory.ObjectProvider<org.soteria.casework.ProsecutorService> prosecutors,
            AuditService audit, Clock clock) {
        this.plans = plans;
        this.prosecutors = prosecutors;
        this.repository = repository;
        this.investigations = investigations;
        this.victims = victims;
        this.audit = audit;
        this.clock = clock;
    }

    /** A crime's sharing page for an officer: the crime, its shares (lasting first) and the organisations to share with. */
    public record SharingPage(CaseDetail crime, List<SharingRepository.Share> shares,
            List<SharingRepository.Org> orgs, boolean needsReauthorising) {
    }

    /** The sharing page of a crime the officer has need-to-know of (audited as a look at the case); else empty. */
    @Transactional(readOnly = true)
    public Optional<SharingPage> page(long crimeId, SoteriaUser user) {
        return investigations.open(crimeId, user, "sharing with partners").map(view -> {
            CaseDetail crime = view.crime();
            return new SharingPage(crime, repository.shares(crimeId),
                    repository.orgs(user.forceCode()).stream().filter(SharingRepository.Org::active).toList(),
                    closedOrRestricted(crime));
        });
    }

    /**
     * Whether the crime is closed (an outcome other than a charge) or restricted: a share then gives no access unless
     * it is made for that state, with its reason.
     */
    static boolean closedOrRestricted(CaseDetail crime) {
        return crime.restricted() || (crime.outcomeCode() != null && !OutcomeCode
                .parse(crime.outcomeCode()).map(c -> c.group() == OutcomeGroup.CHARGED)
                .orElse(false));
    }

    /** What an officer asks to share, as typed (codes), checked by {@link #share}. */
    public record Request(String org, List<String> parts, String basis, LocalDate consentOn, boolean reauthorise,
            String reason, Map<String, String> faults) {
    }

    /** Shares the crime as asked, or refuses with each field at fault; returns the share's id. */
    @Transactional
    public long share(SoteriaUser user, long crimeId, Request r) {
        SharingPage page = page(crimeId, user).orElseThrow(() -> new java.util.NoSuchElementException("crime " + crimeId));
        Map<String, String> errors = new LinkedHashMap<>(r.faults());
        SharingRepository.Org org = r.org() == null ? null : page.orgs().stream()
                .filter(o -> o.code().equals(r.org())).findFirst().orElse(null);
        if (org == null) {
            errors.put("org", "{sharingError.chooseAPartner}");
        } else if (page.shares().stream().anyMatch(s -> s.lasting() && s.partnerOrg().equals(org.code()))) {
            errors.put("org", "{sharingError.alreadyShared}");
        }
        List<SharePart> parts = new ArrayList<>();
        for (String code : r.parts() == null ? List.<String>of() : r.parts()) {
            Coded.parse(SharePart.class, code).filter(p -> !parts.contains(p)).ifPresent(parts::add);
        }
        if (parts.isEmpty()) {
            errors.put("parts", "{sharingError.chooseWhatToShare}");
        } else if (org != null && !org.kind().parts().containsAll(parts)) {
            errors.put("parts", "{sharingError.partNotForThisPartner}");
        }
        LawfulBasis basis = r.basis() == null ? null
                : Coded.parse(LawfulBasis.class, r.basis()).orElse(null);
        if (basis == null) {
            errors.put("basis", "{sharingError.chooseTheBasis}");
        }
        boolean consentNeeded = org != null && org.kind().needsConsent() || basis == LawfulBasis.CONSENT;
        if (errors.containsKey("consentOn")) {
            // The date as typed is not a date: Bean Validation has said so.
        } else if (r.consentOn() == null && consentNeeded) {
            errors.put("consentOn", "{sharingError.consentNeeded}");
        } else if (r.consentOn() != null && r.consentOn().isAfter(LocalDate.now(clock.withZone(LONDON)))) {
            errors.put("consentOn", "{sharingError.consentInTheFuture}");
        }
        String reason = r.reason() == null || r.reason().isBlank() ? null : r.reason().trim();
        if (page.needsReauthorising() && !r.reauthorise()) {
            errors.put("reauthorise", "{sharingError.confirmClosedOrRestricted}");
        }
        if (page.needsReauthorising() && (reason == null || reason.length() < 10)) {
            errors.putIfAbsent("reason", "{sharingError.giveTheReason}");
        } else if (reason != null && (reason.length() < 10 || reason.length() > MAX_REASON)) {
            errors.putIfAbsent("reason", "{sharingError.reasonLength}");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        CaseDetail crime = page.crime();
        long id = repository.share(crimeId, crime.forceCode(), org.code(), parts, basis, r.consentOn(),
                page.needsReauthorising(), reason, user.getUsername());
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SHARE, "case-share",
                        Long.toString(id))
                .records(List.of(crime.forceCode() + ":" + crime.crimeRef()))
                .justification("shared with " + org.code() + " on the basis " + basis.code()
                        + (r.consentOn() == null ? "" : ", victim's consent given " + r.consentOn()))
                .detail("shared " + parts.stream().map(SharePart::code).toList() + " with " + org.code()
                        + (page.needsReauthorising() ? " (closed or restricted case, re-authorised)" : "")));
        return id;
    }

    /** Ends a lasting share of a crime the officer has need-to-know of, with the reason. */
    @Transactional
    public void end(SoteriaUser user, long crimeId, long shareId, String reason) {
        SharingPage page = page(crimeId, user).orElseThrow(() -> new java.util.NoSuchElementException("crime " + crimeId));
        String why = reason == null ? "" : reason.trim();
        if (why.length() < 3 || why.length() > MAX_REASON) {
            throw new Invalid("endReason", "{sharingError.endReason}");
        }
        if (!repository.end(shareId, crimeId, user.getUsername(), why)) {
            throw new java.util.NoSuchElementException("share " + shareId);
        }
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SHARE, "case-share",
                        Long.toString(shareId))
                .records(List.of(page.crime().forceCode() + ":" + page.crime().crimeRef()))
                .detail("sharing ended: " + why));
    }

    /** Records that the victim withdrew their consent: the share gives no access from the partner's next request. */
    @Transactional
    public void withdrawConsent(SoteriaUser user, long crimeId, long shareId) {
        SharingPage page = page(crimeId, user).orElseThrow(() -> new java.util.NoSuchElementException("crime " + crimeId));
        if (!repository.withdrawConsent(shareId, crimeId, user.getUsername())) {
            throw new java.util.NoSuchElementException("share " + shareId);
        }
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SHARE, "case-share",
                        Long.toString(shareId))
                .records(List.of(page.crime().forceCode() + ":" + page.crime().crimeRef()))
                .detail("the victim withdrew consent: sharing ended"));
    }

    /** The partners a crime is shared with, for its access page: every share, lasting or not. */
    @Transactional(readOnly = true)
    public List<SharingRepository.Share> sharesOf(long crimeId) {
        return repository.shares(crimeId);
    }

    // The partner user's side.

    /** A shared case in a partner's list: the crime's row and the parts shared (every lasting share together). */
    public record SharedRow(CaseSummary crime, List<SharePart> parts, java.time.OffsetDateTime sharedAt,
            boolean awaitingCps) {
    }

    /** A page of a partner's shared cases. */
    public record SharedList(String orgName, List<SharedRow> rows, long total, int page, int pages) {
    }

    /** How many lasting shares the user's organisation has (for their home page: a count, no case named). */
    @Transactional(readOnly = true)
    public long sharedCount(SoteriaUser user) {
        return repository.orgOf(user.getUsername()).map(repository::countLasting).orElse(0L);
    }

    /** The cases shared with the user's organisation that they may see now, newest share first; logged as a list. */
    @Transactional(readOnly = true)
    public SharedList sharedCases(SoteriaUser user, int page) {
        String org = repository.orgOf(user.getUsername()).orElse(null);
        if (org == null) {
            return new SharedList("", List.of(), 0, 1, 1);
        }
        long total = repository.countLasting(org);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        List<SharingRepository.Share> shares = repository.lasting(org, PAGE_SIZE, (Math.min(page, pages) - 1) * PAGE_SIZE);
        Map<Long, CaseSummary> crimes = new LinkedHashMap<>();
        investigations.summaries(shares.stream().map(SharingRepository.Share::crimeId).distinct().toList())
                .forEach(c -> crimes.put(c.id(), c));
        Map<Long, SharedRow> rows = new LinkedHashMap<>();
        for (SharingRepository.Share s : shares) {
            CaseSummary crime = crimes.get(s.crimeId());
            if (crime == null) {
                continue;
            }
            SharedRow was = rows.get(s.crimeId());
            Set<SharePart> parts = was == null ? EnumSet.noneOf(SharePart.class) : EnumSet.copyOf(was.parts());
            parts.addAll(s.parts());
            rows.put(s.crimeId(), new SharedRow(crime, List.copyOf(parts), was == null ? s.sharedAt() : was.sharedAt(),
                    false));
        }
        Set<Long> awaiting = user.can(Permission.PROSECUTE_SHARED_FILES)
                ? prosecutors.getObject().awaitingAnswer(rows.keySet()) : java.util.Set.of();
        List<SharedRow> out = rows.values().stream().map(r -> new SharedRow(r.crime(), r.parts(), r.sharedAt(),
                awaiting.contains(r.crime().id()))).toList();
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "crime", null)
                .records(out.stream().map(r -> r.crime().forceCode() + ":" + r.crime().crimeRef()).toList())
                .justification("shared with " + org).detail("shared cases, page " + page));
        String name = repository.org(org).map(SharingRepository.Org::name).orElse(org);
        return new SharedList(name, out, total, Math.min(page, pages), pages);
    }

    /** A shared case as the partner sees it: the crime and people row-level security shows, and what of it each part holds. */
    public record SharedCase(CaseDetail crime, Set<SharePart> parts, List<SharingRepository.Share> shares,
            List<VictimService.SharedPlan> plans, List<org.soteria.casework.PlanService.SharedLine> lines,
            List<CaseDetail.TimelineEvent> keyDates) {

        public boolean has(String part) {
            return parts.stream().anyMatch(p -> p.code().equals(part));
        }
    }

    /** The event types a victim service is told of: the milestones the victim hears about (V47 holds the same list). */
    static final Set<String> KEY_EVENTS = Set.of("arrest", "interview_under_caution", "bail", "bail_change",
            "released_under_investigation", "charge", "nfa_decision", "out_of_court_disposal",
            "decision_not_to_investigate", "court_outcome");

    /**
     * The crime if a lasting share of the user's organisation covers it and it may be seen now; otherwise empty, as for
     * a crime that does not exist, and the attempt logged.
     */
    @Transactional(readOnly = true)
    public Optional<SharedCase> open(SoteriaUser user, long crimeId) {
        return lasting(user, crimeId, "shared case page").flatMap(l -> investigations.shared(crimeId, user, l.why())
                .map(crime -> new SharedCase(crime, l.parts(), l.shares(),
                        l.parts().contains(SharePart.CONTACT_PLAN) ? victims.sharedPlans(crimeId) : List.of(),
                        l.parts().contains(SharePart.PLAN) ? plans.sharedLines(crimeId) : List.of(),
                        crime.timeline().stream().filter(e -> KEY_EVENTS.contains(e.eventType())).toList())));
    }

    /**
     * The crime when a lasting share of the user's organisation includes {@code part}; otherwise empty, as for a crime
     * that does not exist, and the attempt logged. {@code page} names the look in the log.
     */
    /** A crime a partner may see a part of, and why (for the log). */
    public record PartSeen(CaseDetail crime, String why) {
    }

    @Transactional(readOnly = true)
    public Optional<PartSeen> withPart(SoteriaUser user, long crimeId, SharePart part, String page) {
        return lasting(user, crimeId, page).flatMap(l -> {
            if (!l.parts().contains(part)) {
                audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.DENIED, "crime",
                        "id:" + crimeId).detail(page + ": " + part.code() + " not shared (answered as not found)"));
                return Optional.empty();
            }
            return investigations.shared(crimeId, user, l.why()).map(crime -> new PartSeen(crime, l.why()));
        });
    }

    /** The lasting shares of the user's organisation that cover a crime, their parts, and the log's justification. */
    private record Lasting(List<SharingRepository.Share> shares, Set<SharePart> parts, String why) {
    }

    private Optional<Lasting> lasting(SoteriaUser user, long crimeId, String page) {
        String org = repository.orgOf(user.getUsername()).orElse(null);
        List<SharingRepository.Share> shares = org == null ? List.of() : repository.lasting(org, crimeId);
        if (shares.isEmpty()) {
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.DENIED, "crime",
                    "id:" + crimeId).detail(page + ": not shared with " + (org == null ? "any organisation" : org)
                            + " (answered as not found)"));
            return Optional.empty();
        }
        Set<SharePart> parts = EnumSet.noneOf(SharePart.class);
        shares.forEach(s -> parts.addAll(s.parts()));
        String why = "shared with " + org + " (share " + String.join(", ",
                shares.stream().map(s -> Long.toString(s.id())).toList()) + "): " + parts.stream().map(SharePart::code)
                .toList();
        return Optional.of(new Lasting(shares, parts, why));
    }
}
