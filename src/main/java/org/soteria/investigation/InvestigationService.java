package org.soteria.investigation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditEntry;
import org.soteria.audit.AuditService;
import org.soteria.platform.DataScope;
import org.soteria.security.AccessService;
import org.soteria.security.NeedToKnow;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;

/**
 * Reads investigation records for the case list and case page. Only crimes the user has need-to-know
 * of are found; every answer that shows personal data, and every attempt at a crime outside
 * need-to-know, is written to the audit log with its justification.
 */
@Service
public class InvestigationService {

    private final CaseRepository cases;
    private final NeedToKnow needToKnow;
    private final AccessService access;
    private final AuditService audit;
    private final DataScope scope;
    private final CaseFilterChoices choices;
    private final SearchReasons reasons;

    public InvestigationService(CaseRepository cases, NeedToKnow needToKnow, AccessService access,
            AuditService audit, DataScope scope, CaseFilterChoices choices, SearchReasons reasons) {
        this.choices = choices;
        this.reasons = reasons;
        this.cases = cases;
        this.needToKnow = needToKnow;
        this.access = access;
        this.audit = audit;
        this.scope = scope;
    }

    public CasePage list(CaseFilter filter, SoteriaUser user) {
        NeedToKnow.Rule rule = needToKnow.rule(user, "c");
        // The search's names are looked up once, for the list, the count and the notice asking for more of a name.
        CaseRepository.Named named = cases.named(filter.search(), rule);
        List<CaseSummary> rows = cases.list(filter, rule, named);
        long counted = cases.count(filter, rule, CasePage.COUNT_CAP, named);
        boolean capped = counted > CasePage.COUNT_CAP;
        long total = Math.min(counted, CasePage.COUNT_CAP);
        int pages = (int) Math.max(1, (total + CaseFilter.PAGE_SIZE - 1) / CaseFilter.PAGE_SIZE);
        List<String> records = new java.util.ArrayList<>();
        if (filter.search() != null) {
            // The term itself may name a victim: the log keeps only its keyed hash (an auditor can look it up).
            records.add(audit.searchTermRef(user.forceCode(), filter.search()));
        }
        rows.forEach(r -> records.add(r.forceCode() + ":" + r.crimeRef()));
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.SEARCH, "crime", null)
                .records(records)
                .justification("need-to-know: own, team, granted, named or break-glass crimes")
                .detail("case list page " + filter.page() + (filter.search() == null ? ""
                        : "; searched for a term (kept as a keyed hash), " + (capped ? "over " : "") + total
                                + (total == 1 ? " match" : " matches"))));
        return new CasePage(rows, total, capped, filter.page(), pages,
                filter.search() == null ? java.util.Map.of() : reasons.why(rows.stream().map(CaseSummary::id).toList(),
                        filter.search()),
                named.tooMany() ? cases.mostPeople() : 0);
    }

    /** A crime as its page shows it: the record, and why this user may see it. */
    public record CaseView(CaseDetail crime, NeedToKnow.Access access) {
    }

    /** The record alone, for the API; see {@link #open}. */
    public Optional<CaseDetail> find(long id, SoteriaUser user) {
        return open(id, user).map(CaseView::crime);
    }

    /**
     * The case page's record and the reason the user may see it, when they have need-to-know of it;
     * otherwise empty, exactly as for a crime that does not exist, with the attempt logged.
     */
    public Optional<CaseView> open(long id, SoteriaUser user) {
        return open(id, user, "case page");
    }

    /**
     * As {@link #open(long, SoteriaUser)}, for another page that shows the crime and its people (named in
     * the audit log as {@code page}, for example "investigation plan").
     */
    public Optional<CaseView> open(long id, SoteriaUser user, String page) {
        Optional<NeedToKnow.Access> access = needToKnow.access(user, id);
        if (access.isEmpty()) {
            // The log names the crime that was tried (in any force), so that "who has accessed this case" shows
            // attempts too; the user is told nothing.
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.DENIED, "crime",
                    "id:" + id).records(scope.wholeForce("the audit log names a crime tried outside need-to-know",
                            () -> cases.referenceInAnyForce(id)).map(List::of).orElse(List.of()))
                    .detail(page + ": no need-to-know (answered as not found)"));
            return Optional.empty();
        }
        Optional<CaseDetail> detail = cases.find(id);
        // The records are the crime and each person shown, so that "who has accessed this person" can be answered.
        detail.ifPresent(d -> audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW,
                        "crime", d.forceCode() + ":" + d.crimeRef())
                .records(java.util.stream.Stream.concat(java.util.stream.Stream.of(d.forceCode() + ":" + d.crimeRef()),
                        d.people().stream().map(p -> personRef(d.forceCode(), p.personId()))).distinct().toList())
                .justification(access.get().justification()).breakGlass(access.get().breakGlass())
                .detail(page)));
        return detail.map(d -> new CaseView(d, access.get()));
    }

    /**
     * A crime as a partner user may see it (ADR 32): what their organisation's lasting shares let row-level security
     * show (for a victim service, the victim alone and the key events). The caller has found a lasting share; the
     * look is logged with the share as its justification, and a crime PostgreSQL does not show (closed or restricted
     * since it was shared) is logged as refused and answered as not found.
     */
    public Optional<CaseDetail> shared(long id, SoteriaUser user, String justification) {
        Optional<CaseDetail> detail = cases.find(id);
        if (detail.isEmpty()) {
            audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.DENIED, "crime", "id:" + id)
                    .records(scope.wholeForce("the audit log names a crime tried outside what was shared",
                            () -> cases.referenceInAnyForce(id)).map(List::of).orElse(List.of()))
                    .detail("shared case: not shown now (closed or restricted since it was shared)"));
            return detail;
        }
        CaseDetail d = detail.get();
        audit.record(AuditEntry.of(user.getUsername(), user.role().code(), AuditAction.VIEW, "crime",
                        d.forceCode() + ":" + d.crimeRef())
                .records(java.util.stream.Stream.concat(java.util.stream.Stream.of(d.forceCode() + ":" + d.crimeRef()),
                        d.people().stream().map(p -> personRef(d.forceCode(), p.personId()))).distinct().toList())
                .justification(justification).detail("shared case page"));
        return detail;
    }

    /** The list rows of these crimes, as row-level security lets the user see them (a partner's shared cases). */
    public List<CaseSummary> summaries(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : cases.summaries(ids);
    }

    /** A force's name as its records give it (the code itself when the force has no records yet). */
    public String forceName(String forceCode) {
        return cases.forceName(forceCode).orElse(forceCode);
    }

    /** How the audit log names a person: force, "person" and the force's person id, e.g. NWP:person:NWP-P0001234. */
    public static String personRef(String forceCode, String personId) {
        return forceCode + ":person:" + personId;
    }

    /** Why the user may see the crime, or empty when they may not. */
    public Optional<NeedToKnow.Access> access(long id, SoteriaUser user) {
        return needToKnow.access(user, id);
    }

    /** Whether the user may open the crime's access page: an auditor, or its team's supervisor. */
    public boolean canSeeAccessLog(long id, SoteriaUser user) {
        return user.can(org.soteria.security.Permission.SEARCH_AUDIT_LOG) || access.canManage(user, id);
    }

    /**
     * Which of these crimes the user may open, in one query: a page links a crime only when it is in this
     * set, so that no link leads to "not found".
     */
    public java.util.Set<Long> openable(SoteriaUser user, java.util.Collection<Long> crimeIds) {
        return needToKnow.openable(user, crimeIds);
    }

    /** A crime's force-qualified reference (no personal data), for crimes of the given force only. */
    public Optional<String> reference(long id, String forceCode) {
        return scope.wholeForce("a crime's reference for its access log", () -> cases.reference(id, forceCode));
    }

    /** The teams of the user's force. */
    public List<Map<String, Object>> teams(SoteriaUser user) {
        return choices.teamNames(user.forceCode());
    }

    /** Most officers listed in the officer filter before the user must choose a team first. */
    static final int OFFICER_CHOICE_LIMIT = 200;

    /**
     * Officers to offer in the case list's filter: those of the chosen teams, or every officer when
     * no team is chosen and the force is small enough for one list to be usable.
     */
    public List<Map<String, Object>> officers(SoteriaUser user, List<String> teams) {
        if (!teams.isEmpty()) {
            return choices.officers(user.forceCode(), teams, Integer.MAX_VALUE);
        }
        // A large force's officers are chosen by team first: counting them costs a page less than reading them.
        return choices.moreOfficersThan(user.forceCode(), OFFICER_CHOICE_LIMIT) ? List.of()
                : choices.officers(user.forceCode(), List.of(), OFFICER_CHOICE_LIMIT);
    }
}
