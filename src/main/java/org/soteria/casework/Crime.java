package org.soteria.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.soteria.investigation.CaseDetail;
import org.soteria.security.NeedToKnow;

/** A crime as a casework page shows it, reached through need-to-know (and audited as a view). */
public record Crime(CaseDetail detail, NeedToKnow.Access access) {

    public long id() {
        return detail.id();
    }

    public boolean closed() {
        return detail.outcomeCode() != null;
    }

    public List<CaseDetail.CasePerson> victims() {
        return detail.people().stream().filter(p -> "victim".equals(p.role())).toList();
    }

    public List<CaseDetail.CasePerson> suspects() {
        return detail.people().stream().filter(p -> "suspect".equals(p.role())).toList();
    }

    /** The victims as choices for a form: record id to name. */
    public Map<String, String> victimChoices() {
        return choices(victims());
    }

    public Map<String, String> suspectChoices() {
        return choices(suspects());
    }

    /** The only person of a list, already chosen; null when there are several. */
    public String onlyOne(List<CaseDetail.CasePerson> people) {
        return people.size() == 1 ? String.valueOf(people.get(0).personRef()) : null;
    }

    private static Map<String, String> choices(List<CaseDetail.CasePerson> people) {
        Map<String, String> out = new LinkedHashMap<>();
        people.forEach(p -> out.put(String.valueOf(p.personRef()), p.name() == null ? p.personId() : p.name()));
        return out;
    }

    public Optional<CaseDetail.CasePerson> person(long ref, String role) {
        return detail.people().stream().filter(p -> p.personRef() == ref && role.equals(p.role())).findFirst();
    }

    String record() {
        return detail.forceCode() + ":" + detail.crimeRef();
    }
}
