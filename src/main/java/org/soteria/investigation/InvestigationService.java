package org.soteria.investigation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.audit.AuditAction;
import org.soteria.audit.AuditService;
import org.soteria.security.Permission;
import org.soteria.security.SoteriaUser;
import org.springframework.stereotype.Service;

/** Reads investigation records for the case list and case page, writing each look at personal data to the audit log. */
@Service
public class InvestigationService {

    private final CaseRepository cases;
    private final AuditService audit;

    public InvestigationService(CaseRepository cases, AuditService audit) {
        this.cases = cases;
        this.audit = audit;
    }

    public CasePage list(CaseFilter filter, SoteriaUser user) {
        boolean restricted = user.can(Permission.VIEW_RESTRICTED_CASES);
        List<CaseSummary> rows = cases.list(filter, restricted);
        long counted = cases.count(filter, restricted, CasePage.COUNT_CAP);
        boolean capped = counted > CasePage.COUNT_CAP;
        long total = Math.min(counted, CasePage.COUNT_CAP);
        int pages = (int) Math.max(1, (total + CaseFilter.PAGE_SIZE - 1) / CaseFilter.PAGE_SIZE);
        if (filter.search() != null) {
            audit.record(user.getUsername(), user.role().code(), AuditAction.SEARCH, "crime", null, "search: " + filter.search());
        }
        return new CasePage(rows, total, capped, filter.page(), pages);
    }

    public Optional<CaseDetail> find(long id, SoteriaUser user) {
        Optional<CaseDetail> detail = cases.find(id, user.can(Permission.VIEW_RESTRICTED_CASES));
        detail.ifPresent(d -> audit.record(user.getUsername(), user.role().code(), AuditAction.VIEW, "crime",
                d.forceCode() + ":" + d.crimeRef(), "case page"));
        return detail;
    }

    public List<Map<String, Object>> teams() {
        return cases.teamNames();
    }

    /** Most officers listed in the officer filter before the user must choose a team first. */
    static final int OFFICER_CHOICE_LIMIT = 200;

    /**
     * Officers to offer in the case list's filter: those of the chosen teams, or every officer when
     * no team is chosen and the force is small enough for one list to be usable.
     */
    public List<Map<String, Object>> officers(List<String> teams) {
        if (!teams.isEmpty()) {
            return cases.officers(teams, Integer.MAX_VALUE);
        }
        List<Map<String, Object>> all = cases.officers(List.of(), OFFICER_CHOICE_LIMIT + 1);
        return all.size() > OFFICER_CHOICE_LIMIT ? List.of() : all;
    }
}
